// Runs parsed script commands as the router does: the whole text is parsed first (a syntax error runs nothing),
// then commands run one by one through the same command handlers as the API (so the same checks apply), and the
// first error stops the script there (manual "Scripting": "executed one by one until the end of the script or
// until a runtime error occurs"). Console paths (`/interface wireguard peers`) map to API menus; a line that is only
// a path changes the current menu for the lines after it, as in an exported .rsc.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandContext, UserRecord } from '../commands/context.ts';
import type { CommandTable } from '../commands/dispatch.ts';
import type { MenuSpec } from '../menus/spec.ts';
import type { RouterState, ScriptHost, ScriptRunOptions, ScriptRunRecord } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { CommandLog } from '../server/command-log.ts';
import { menuRows } from '../commands/modify.ts';
import { renderRow } from '../menus/render.ts';
import { parseDuration } from '../values/duration.ts';
import { SimTrap, traps } from '../trap.ts';
import { parseScript, ScriptSyntaxError, type ScriptCommand, type ScriptValue, type ScriptWord } from './parse.ts';

/** Commands whose unnamed argument is the item list (`numbers`); `run` calls it `number`. */
export const UNNAMED: Readonly<Record<string, string>> = {
  set: 'numbers', remove: 'numbers', enable: 'numbers', disable: 'numbers', unset: 'numbers',
  get: 'numbers', run: 'number', print: 'from',
};
const ALWAYS_ON = new AbortController().signal;

export class ScriptEngine implements ScriptHost {
  /** Every script the router ran, oldest first. */
  readonly runs: ScriptRunRecord[] = [];
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  private readonly state: RouterState;
  private readonly commands: CommandTable;
  private readonly log: CommandLog;
  /** Called when a script changed configuration outside the scheduler and script lists. */
  private readonly onConfigChanged: () => void;

  constructor(state: RouterState, commands: CommandTable, log: CommandLog, onConfigChanged: () => void) {
    this.state = state;
    this.commands = commands;
    this.log = log;
    this.onConfigChanged = onConfigChanged;
  }

  /** Resolves when no script is running. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async run(text: string, options: ScriptRunOptions): Promise<ScriptRunRecord> {
    this.running++;
    const record: ScriptRunRecord = {
      origin: options.origin, name: options.name, startedAt: this.state.now(), finishedAt: 0, commandsRun: 0, error: undefined,
    };
    const before = this.state.configChanges;
    try {
      await this.execute(text, options, record);
    } finally {
      record.finishedAt = this.state.now();
      this.runs.push(record);
      if (record.error) {
        const from = options.origin === 'scheduler' ? `scheduler:${options.name}` : options.origin === 'script' ? `script:${options.name}` : 'script';
        this.state.log('script,error', `(${from}) ${record.error.message}`);
      }
      if (this.state.configChanges !== before) this.onConfigChanged();
      if (--this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
    return record;
  }

  private async execute(text: string, options: ScriptRunOptions, record: ScriptRunRecord): Promise<void> {
    let commands: ScriptCommand[];
    try {
      commands = parseScript(text).commands;
    } catch (error) {
      if (!(error instanceof ScriptSyntaxError)) throw error;
      record.error = { line: error.line, message: error.message };
      return;
    }
    const user: UserRecord = { name: options.owner, password: '', policies: options.policies };
    const failed = await this.sequence(commands, user, { dir: '' }, record);
    if (failed) record.error = failed;
  }

  /** Runs commands in order; the first failure stops them and is returned (a `:do` block catches its own). */
  private async sequence(commands: readonly ScriptCommand[], user: UserRecord, cursor: { dir: string }, record: ScriptRunRecord): Promise<{ line: number; message: string } | undefined> {
    for (const command of commands) {
      if (command.block) {
        const failed = await this.sequence(command.block.body, user, { ...cursor }, record);
        if (failed) {
          const handled = await this.sequence(command.block.onError, user, { ...cursor }, record);
          if (handled) return handled;
        }
        continue;
      }
      try {
        await this.command(command, user, cursor);
        record.commandsRun++;
      } catch (error) {
        if (!(error instanceof SimTrap)) throw error;
        return { line: command.line, message: error.message };
      }
    }
    return undefined;
  }

  private async command(command: ScriptCommand, user: UserRecord, cursor: { dir: string }): Promise<void> {
    const first = command.words[0];
    const head = first?.value.kind === 'text' && !first.value.quoted ? first.value.text : undefined;
    if (head?.startsWith(':')) return this.builtin(head.slice(1), command);
    const { dir, verb, rest } = resolveConsolePath(this.commands, command, cursor.dir);
    if (verb === undefined) {
      if (rest.length > 0 || command.args.length > 0) throw badCommand(rest[0] ?? command.args[0]!, 'expected end of command');
      cursor.dir = dir;
      return;
    }
    const path = `${dir}/${verb}`;
    const resolved = this.commands.resolve(path);
    if (Array.isArray(resolved)) throw badCommand(command.words[0]!, `bad command name ${verb}`);
    const menu = resolved.menu;
    const attributes = new Map<string, Buffer>();
    if (rest.length > 1 || (rest.length === 1 && UNNAMED[verb] === undefined)) throw badCommand(rest[UNNAMED[verb] ? 1 : 0]!, 'expected end of command');
    let empty = false;
    if (rest.length === 1) {
      const ids = this.value(rest[0]!.value, menu, user);
      if (ids.length === 0) empty = true;
      attributes.set(UNNAMED[verb]!, Buffer.from(ids, 'utf8'));
    }
    for (const arg of command.args) {
      const value = this.value(arg.value, menu, user);
      if (arg.value.kind === 'find' && value.length === 0 && (arg.name === 'numbers' || arg.name === '.id')) empty = true;
      attributes.set(arg.name!, Buffer.from(value, 'utf8'));
    }
    this.log.recordScript(path, [...attributes].map(([k, v]) => `=${k}=${v.toString('utf8')}`), this.state.now());
    // `set [find ...]` / `remove [find ...]` that finds nothing does nothing, without an error.
    if (empty) return;
    const ctx: CommandContext = {
      state: this.state,
      command: path,
      menu,
      attributes,
      queries: [],
      proplist: undefined,
      user,
      signal: ALWAYS_ON,
      session: undefined,
      reply: () => undefined,
      empty: () => undefined,
    };
    await resolved.handler(ctx);
  }

  private value(value: ScriptValue, menu: MenuSpec | undefined, user: UserRecord): string {
    if (value.kind === 'text') return value.text;
    if (!menu) throw new SimTrap('no such command prefix');
    return this.find(menu, value.conditions, user).map((r) => r.idText).join(',');
  }

  /** `find name=value ...`: rows whose printed value equals each given value (yes/no read as true/false). */
  private find(menu: MenuSpec, conditions: ReadonlyArray<{ name: string; value: string }>, user: UserRecord): Row[] {
    const fields = new Map(menu.fields.map((f) => [f.name, f]));
    const wanted = conditions.map(({ name, value }) => {
      const field = fields.get(name);
      if (!field && name !== '.id') throw traps.unknownParameter(name);
      let want: Buffer = Buffer.from(value === 'yes' ? 'true' : value === 'no' ? 'false' : value, 'utf8');
      if (field?.parse && !field.readOnly) {
        try {
          want = field.parse(Buffer.from(value, 'utf8'), name);
        } catch {
          // Not a valid value for the field: it matches nothing, as on the router.
        }
      }
      return { name, want };
    });
    return menuRows(this.state, menu).filter((row) => {
      const props = new Map(renderRow(menu, row, this.state, { sensitive: user.policies.has('sensitive') }));
      return wanted.every(({ name, want }) => props.get(name)?.equals(want) ?? want.length === 0);
    });
  }

  private async builtin(name: string, command: ScriptCommand): Promise<void> {
    const args = command.words.slice(1).map((w) => (w.value.kind === 'text' ? w.value.text : ''));
    if (name === 'delay') {
      const text = args[0] ?? command.args.find((a) => a.name === 'delay-time')?.value;
      const seconds = typeof text === 'string' ? parseDuration(text) : null;
      if (seconds === null) throw traps.invalidValue('delay-time');
      await sleep(seconds * 1000);
      return;
    }
    if (name === 'log') {
      const [level, message = ''] = args;
      if (!level || !['info', 'warning', 'error', 'debug'].includes(level)) throw badCommand(command.words[1] ?? command.words[0]!, `bad command name ${level ?? ''}`);
      this.state.log(`script,${level}`, message);
      return;
    }
    if (name === 'put') return;
    throw badCommand(command.words[0]!, `bad command name ${name}`);
  }
}

/** Walks path words (`/interface`, `wireguard peers`, `/ip/address`) to a menu and a command; unique prefixes complete. */
export function resolveConsolePath(
table: CommandTable,
command: ScriptCommand,
start: string,
): { dir: string; verb: string | undefined; rest: ScriptWord[] } {
  let dir = start;
  let index = 0;
  for (; index < command.words.length; index++) {
    const word = command.words[index]!;
    if (word.value.kind !== 'text' || word.value.quoted) break;
    let text = word.value.text;
    if (index === 0 && text.startsWith('/')) {
      dir = '';
      text = text.slice(1);
    }
    const segments = text.split('/').filter((s) => s !== '');
    if (index === 0 && segments.length === 0) continue;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s]!;
      if (segment === '..') {
        dir = dir.split('/').slice(0, -1).join('/');
        continue;
      }
      const { dirs, commands } = table.children(dir);
      const sub = complete(segment, dirs);
      if (sub !== undefined && !commands.includes(segment)) {
        dir = `${dir}/${sub}`;
        continue;
      }
      const verb = complete(segment, commands);
      if (verb === undefined) throw badCommand(word, `bad command name ${segment}`);
      if (s < segments.length - 1) throw badCommand(word, `bad command name ${segments[s + 1]}`);
      return { dir, verb, rest: command.words.slice(index + 1) };
    }
  }
  return { dir, verb: undefined, rest: command.words.slice(index) };
}

function complete(segment: string, options: readonly string[]): string | undefined {
  if (options.includes(segment)) return segment;
  const matches = options.filter((o) => o.startsWith(segment));
  return matches.length === 1 ? matches[0] : undefined;
}

function badCommand(word: ScriptWord, message: string): SimTrap {
  return new SimTrap(`${message} (line ${word.line} column ${word.column})`);
}
