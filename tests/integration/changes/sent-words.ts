// What a preview shows against what the router received: a console line split into the API command and its
// `=name=value` words by the console's own rules (quotes, backslash escapes), independently of how WireDesk
// wrote it, and the comparison of a preview's lines with the sentences the simulator logged. A `<hidden>`
// secret matches by its name only.
import { expect } from 'vitest';
import type { ReceivedCommand } from '../../../main/sim/server/command-log.ts';

export function apiWords(line: string): { command: string; words: string[] } {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    let token = '';
    while (i < line.length && line[i] !== ' ') {
      if (line[i] === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\') {
            const next = line[i + 1]!;
            token += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
            i += 2;
          } else token += line[i++];
        }
        i++;
      } else token += line[i++];
    }
    if (token) tokens.push(token);
  }
  const verbAt = tokens.findIndex((t) => ['add', 'set', 'remove'].includes(t));
  const command = `${tokens.slice(0, verbAt).join('/')}/${tokens[verbAt]}`.replace(/^\/+/, '/');
  const rest = tokens.slice(verbAt + 1);
  const words: string[] = [];
  if (rest[0] && !rest[0].includes('=')) words.push(`=.id=${rest.shift()}`);
  for (const t of rest) words.push(`=${t}`);
  return { command, words };
}

/** The writes the router received for the change itself: not the reads, the rollback entry (scheduler, script) or Safe Mode. */
export function changeWrites(entries: readonly ReceivedCommand[]): Array<{ command: string; words: readonly string[] }> {
  return entries
    .filter((e) => /\/(add|set|remove)$/.test(e.command) && !/^\/system\/(scheduler|script)\//.test(e.command) && !e.command.startsWith('/safe-mode/'))
    .map((e) => ({ command: e.command, words: e.words.filter((w) => w.startsWith('=')) }));
}

/** The preview's lines equal the sentences sent, in order and word for word. */
export function expectSent(commands: readonly string[], writes: ReturnType<typeof changeWrites>): void {
  expect(writes.map((w) => w.command)).toEqual(commands.map((c) => apiWords(c).command));
  commands.forEach((line, i) => {
    const expected = apiWords(line).words;
    const sent = writes[i]!.words;
    expect(sent.length, line).toBe(expected.length);
    expected.forEach((w, j) => {
      if (w.endsWith('=<hidden>')) expect(sent[j]!.startsWith(w.slice(0, -'<hidden>'.length)), line).toBe(true);
      else expect(sent[j], line).toBe(w);
    });
  });
}
