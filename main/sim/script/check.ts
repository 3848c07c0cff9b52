// Checks that script text WireDesk generates would run on a RouterOS version, without running it: it parses, every
// path and command exists in that version's menus (as the simulator knows them), and every named argument is a
// writable field of the menu (or one of the generic command arguments).
import { resolveOptions } from '../options.ts';
import { createRouter } from '../seed/seed-router.ts';
import { CommandTable } from '../commands/dispatch.ts';
import { SAFE_MODE_COMMANDS } from '../commands/safe-mode.ts';
import { atLeast } from '../version.ts';
import { parseScript, ScriptSyntaxError, type ScriptCommand } from './parse.ts';
import { resolveConsolePath, UNNAMED } from './engine.ts';

export interface ScriptProblem {
  line: number;
  column: number;
  message: string;
}

const GENERIC_ARGS = ['numbers', '.id', 'place-before', 'value-name', 'number', 'from', 'on-error'];

/** Problems in `text` for RouterOS `version` (default 7.18); an empty list means it would parse and resolve. */
export function checkScript(text: string, options: { version?: string } = {}): ScriptProblem[] {
  let commands: ScriptCommand[];
  try {
    commands = parseScript(text).commands;
  } catch (error) {
    if (error instanceof ScriptSyntaxError) return [{ line: error.line, column: error.column, message: error.message }];
    throw error;
  }
  const resolved = resolveOptions({ version: options.version ?? '7.18' });
  const state = createRouter(resolved);
  const table = new CommandTable(state);
  if (atLeast(resolved.version, '7.18')) for (const [p, h] of Object.entries(SAFE_MODE_COMMANDS)) table.register(p, h);
  const problems: ScriptProblem[] = [];
  let dir = '';
  // `:do { ... } on-error={ ... }` blocks: their commands are checked as if written in place.
  const flat = (list: readonly ScriptCommand[]): ScriptCommand[] => list.flatMap((c) => (c.block ? [...flat(c.block.body), ...flat(c.block.onError)] : [c]));
  for (const command of flat(commands)) {
    const first = command.words[0];
    if (first?.value.kind === 'text' && !first.value.quoted && first.value.text.startsWith(':')) {
      if (![':delay', ':log', ':put'].includes(first.value.text)) {
        problems.push({ line: first.line, column: first.column, message: `bad command name ${first.value.text.slice(1)}` });
      }
      continue;
    }
    try {
      const at = resolveConsolePath(table, command, dir);
      if (at.verb === undefined) {
        dir = at.dir;
        continue;
      }
      if (at.rest.length > 1 || (at.rest.length === 1 && UNNAMED[at.verb] === undefined)) {
        const word = at.rest[UNNAMED[at.verb] ? 1 : 0]!;
        problems.push({ line: word.line, column: word.column, message: 'expected end of command' });
      }
      const menu = state.menu(at.dir);
      for (const arg of command.args) {
        const field = menu?.fields.find((f) => f.name === arg.name);
        if (menu && (!field || field.readOnly) && !GENERIC_ARGS.includes(arg.name!)) {
          problems.push({ line: arg.line, column: arg.column, message: `unknown parameter ${arg.name}` });
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ line: command.line, column: command.column, message });
    }
  }
  return problems;
}
