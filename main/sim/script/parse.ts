// RouterOS console script, the subset WireDesk's undo scripts use: command lines separated by newlines or `;`,
// `#` comments, `\` line joining, paths with spaces or slashes, unnamed and `name=value` arguments, double-quoted
// strings with the console escapes, and `[find ...]` / `[find where ...]` as a value. Syntax after the RouterOS
// manual "Scripting" (help.mikrotik.com/docs/display/ROS/Scripting): line structure, comments, line joining,
// escape sequences \" \\ \n \r \t \$ \? \_ \a \b \f \v and \XX (hex byte), and `:do { ... } on-error={ ... }`
// (the manual's "Catch run-time errors"). Variables, other `{}` blocks, `()` expressions and other `[...]` commands
// are refused as unsupported by the simulator (a real router would run them).

export type ScriptValue =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'find'; where: boolean; conditions: Array<{ name: string; value: string }> };

export interface ScriptWord {
  /** Set for `name=value` arguments. */
  name?: string;
  value: ScriptValue;
  line: number;
  column: number;
}

export interface ScriptCommand {
  /** `:do { ... } on-error={ ... }`: the body's commands, and what runs instead of stopping when one fails. */
  block?: { body: ScriptCommand[]; onError: ScriptCommand[] };
  line: number;
  column: number;
  /** The command's source text. */
  text: string;
  /** Words without a name, in order: path, command and unnamed arguments (`/interface`, `wireguard`, `set`, `wg1`). */
  words: ScriptWord[];
  /** `name=value` arguments in order. */
  args: ScriptWord[];
}

export interface ParsedScript {
  commands: ScriptCommand[];
}

/** A script the router would not run (RouterOS: `syntax error (line 2 column 14)`), or that the simulator cannot. */
export class ScriptSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly unsupported: boolean;

  constructor(message: string, line: number, column: number, unsupported = false) {
    super(`${message} (line ${line} column ${column})`);
    this.name = 'ScriptSyntaxError';
    this.line = line;
    this.column = column;
    this.unsupported = unsupported;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$', '?': '?', _: ' ', a: '\x07', b: '\b', f: '\f', v: '\v',
};
const BARE_END = new Set([' ', '\t', '\r', '\n', ';', '[', ']', '"', '=', '{', '}', '(', ')']);
const VALUE_END = new Set([' ', '\t', '\r', '\n', ';', '[', ']', '{', '}']);

class Parser {
  private pos = 0;
  private line = 1;
  private column = 1;

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  parse(): ParsedScript {
    const commands = this.commands(null);
    return { commands };
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private advance(): string {
    const c = this.src[this.pos++]!;
    if (c === '\n') {
      this.line++;
      this.column = 1;
    } else {
      this.column++;
    }
    return c;
  }

  private fail(message = 'syntax error'): never {
    throw new ScriptSyntaxError(message, this.line, this.column);
  }

  private unsupported(what: string): never {
    throw new ScriptSyntaxError(`simulator: ${what} not supported`, this.line, this.column, true);
  }

  /** Spaces, tabs, carriage returns and `\` + newline (line joining). */
  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.advance();
      else if (c === '\\' && (this.peek(1) === '\n' || (this.peek(1) === '\r' && this.peek(2) === '\n'))) {
        this.advance();
        if (this.peek() === '\r') this.advance();
        this.advance();
      } else return;
    }
  }

  /** Commands up to the end of the text, or up to `end` (`]` of a bracket, `}` of a block), which is left unread. */
  private commands(end: ']' | '}' | null): ScriptCommand[] {
    const inBracket = end !== null;
    const out: ScriptCommand[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined) {
        if (inBracket) this.fail();
        return out;
      }
      if (c === '}') {
        if (end === '}') return out;
        this.fail();
      }
      if (c === '\n' || c === ';') {
        this.advance();
        continue;
      }
      if (c === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.advance();
        continue;
      }
      if (c === ']') {
        if (end === ']') return out;
        this.fail();
      }
      out.push(this.command(end));
    }
  }

  /** `{ commands }`, with the braces. */
  private block(): ScriptCommand[] {
    this.skipBlanks();
    if (this.peek() !== '{') this.fail();
    this.advance();
    const body = this.commands('}');
    this.advance();
    return body;
  }

  private command(end: ']' | '}' | null): ScriptCommand {
    const start = this.pos;
    const line = this.line;
    const column = this.column;
    const words: ScriptWord[] = [];
    const args: ScriptWord[] = [];
    if (this.src.startsWith(':do', this.pos) && /[\s{]/.test(this.src[this.pos + 3] ?? '')) {
      // `:do { ... } on-error={ ... }` (manual "Scripting" > "Catch run-time errors").
      for (let i = 0; i < 3; i++) this.advance();
      const body = this.block();
      this.skipBlanks();
      let onError: ScriptCommand[] = [];
      if (this.src.startsWith('on-error=', this.pos)) {
        for (let i = 0; i < 'on-error='.length; i++) this.advance();
        onError = this.block();
      } else if (this.peek() !== undefined && !['\n', ';', '}', ']'].includes(this.peek()!)) {
        this.unsupported(':do with anything but on-error=');
      }
      return { block: { body, onError }, line, column, text: this.src.slice(start, this.pos).trim(), words: [{ value: { kind: 'text', text: ':do', quoted: false }, line, column }], args: [] };
    }
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';') break;
      if (c === ']') {
        if (end !== ']') this.fail();
        break;
      }
      if (c === '}' && end === '}') break;
      const at = { line: this.line, column: this.column };
      if (c === '"') words.push({ value: this.quoted(), ...at });
      else if (c === '[') words.push({ value: this.bracket(), ...at });
      else if (c === '{' || c === '(' || c === '}' || c === ')') this.unsupported(`"${c}" (blocks and expressions)`);
      else if (c === '=') this.fail();
      else {
        const token = this.bare(BARE_END);
        if (this.peek() === '=') {
          this.advance();
          args.push({ name: token, value: this.value(), ...at });
        } else {
          words.push({ value: { kind: 'text', text: token, quoted: false }, ...at });
        }
      }
    }
    return { line, column, text: this.src.slice(start, this.pos).trim(), words, args };
  }

  private bare(end: ReadonlySet<string>): string {
    let out = '';
    while (this.peek() !== undefined && !end.has(this.peek()!)) {
      if (this.peek() === '$') this.unsupported('variables ($)');
      if (this.peek() === '\\') this.fail();
      out += this.advance();
    }
    return out;
  }

  private value(): ScriptValue {
    const c = this.peek();
    if (c === '"') return this.quoted();
    if (c === '[') return this.bracket();
    if (c === '{' || c === '(') this.unsupported(`"${c}" (blocks and expressions)`);
    const token = this.bare(VALUE_END);
    if (token.includes('"')) this.fail();
    return { kind: 'text', text: token, quoted: false };
  }

  private quoted(): ScriptValue {
    this.advance();
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail();
      if (c === '"') {
        this.advance();
        break;
      }
      if (c === '$') this.unsupported('variables ($)');
      if (c === '\\') {
        this.advance();
        const e = this.peek();
        if (e === undefined) this.fail();
        if (e === '\n') {
          // A backslash at the end of a line inside a string joins the lines.
          this.advance();
          continue;
        }
        if (/[0-9A-Fa-f]/.test(e) && /[0-9A-Fa-f]/.test(this.peek(1) ?? '')) {
          out += String.fromCharCode(parseInt(e + this.peek(1)!, 16));
          this.advance();
          this.advance();
          continue;
        }
        const mapped = ESCAPES[e];
        if (mapped === undefined) this.fail();
        out += mapped;
        this.advance();
        continue;
      }
      out += this.advance();
    }
    return { kind: 'text', text: out, quoted: true };
  }

  /** `[find ...]`; any other command inside brackets is unsupported. */
  private bracket(): ScriptValue {
    const open = { line: this.line, column: this.column };
    this.advance();
    const inner = this.commands(']');
    if (this.peek() !== ']') this.fail();
    this.advance();
    if (inner.length !== 1) throw new ScriptSyntaxError('simulator: only [find ...] is supported in brackets', open.line, open.column, true);
    const [cmd] = inner as [ScriptCommand];
    const [first, ...rest] = cmd.words;
    if (!first || first.value.kind !== 'text' || first.value.text !== 'find') {
      throw new ScriptSyntaxError('simulator: only [find ...] is supported in brackets', open.line, open.column, true);
    }
    let where = false;
    for (const word of rest) {
      const t = word.value.kind === 'text' && !word.value.quoted ? word.value.text : undefined;
      if (t === 'where' && !where) where = true;
      else if (t === 'and' && where) continue;
      else throw new ScriptSyntaxError('simulator: only name=value conditions are supported in find', word.line, word.column, true);
    }
    const conditions = cmd.args.map((a) => {
      if (a.value.kind !== 'text') throw new ScriptSyntaxError('simulator: nested find not supported', a.line, a.column, true);
      return { name: a.name!, value: a.value.text };
    });
    return { kind: 'find', where, conditions };
  }
}

/** Parses script text; throws ScriptSyntaxError with the line and column of the first problem. */
export function parseScript(text: string): ParsedScript {
  return new Parser(text).parse();
}
