// Per-module loggers writing one JSON object per line. Modules call createLogger('routeros') at
// import time; where the lines go is decided once at start-up by configureLogging(), so loggers
// created before that still end up in the file.
import path from 'node:path';
import { redact, redactText } from './redact.ts';
import { RotatingFile } from './rotating-file.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra data for a line; an Error alone is logged under "error". */
export type LogFields = Record<string, unknown> | Error;

export interface Logger {
  readonly module: string;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Anything with a write(string) method: process.stderr, or an array-backed fake in tests. */
export interface LineWriter {
  write(line: string): unknown;
}

export interface LoggingOptions {
  /** Log file; omitted (and no `dir`) means no file. */
  file?: string;
  /** Folder for the log file when `file` is not given: the file is <dir>/wiredesk.log. */
  dir?: string;
  /** Rotate when the file would pass this size. Default 5 MiB. */
  maxBytes?: number;
  /** Rotated files kept (app.log.1 ... app.log.N). Default 5. */
  maxFiles?: number;
  /** true for process.stderr, or any writer; default off. */
  stderr?: boolean | LineWriter;
  /** Lines below this level are dropped. Default 'info'. */
  level?: LogLevel;
  now?: () => number;
}

export const LOG_FILE_NAME = 'wiredesk.log';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED = new Set(['time', 'level', 'module', 'msg']);

/** Where lines go: a file, stderr, or both. One per process in the app, one per test in tests. */
export class LogSink {
  readonly #file: RotatingFile | undefined;
  readonly #stderr: LineWriter | undefined;
  readonly #threshold: number;
  readonly #now: () => number;
  #fileBroken = false;

  constructor(options: LoggingOptions = {}) {
    const file = options.file ?? (options.dir ? path.join(options.dir, LOG_FILE_NAME) : undefined);
    this.#file = file ? new RotatingFile(file, { maxBytes: options.maxBytes ?? 5 * 1024 * 1024, maxFiles: options.maxFiles ?? 5 }) : undefined;
    this.#stderr = options.stderr === true ? process.stderr : options.stderr || undefined;
    this.#threshold = LEVELS[options.level ?? 'info'];
    this.#now = options.now ?? Date.now;
  }

  enabled(level: LogLevel): boolean {
    return LEVELS[level] >= this.#threshold;
  }

  /** Never throws: a logging problem must not turn into an application error. */
  write(module: string, level: LogLevel, msg: string, fields?: LogFields): void {
    if (!this.enabled(level)) return;
    let line: string;
    try {
      line = `${JSON.stringify(this.#entry(module, level, msg, fields))}\n`;
    } catch (err) {
      // E.g. a getter or proxy that throws while being read: keep the message, say why the rest is missing.
      line = `${JSON.stringify({ ...this.#entry(module, level, msg), fields_unreadable: err instanceof Error ? redactText(err.message) : 'unknown' })}\n`;
    }
    this.#toFile(line);
    try {
      this.#stderr?.write(line);
    } catch {
      // A GUI app on Windows may have no usable stderr.
    }
  }

  close(): void {
    this.#file?.close();
  }

  #entry(module: string, level: LogLevel, msg: string, fields?: LogFields): Record<string, unknown> {
    const entry: Record<string, unknown> = { time: new Date(this.#now()).toISOString(), level, module, msg: redactText(msg) };
    if (fields === undefined) return entry;
    const data = redact(fields instanceof Error ? { error: fields } : fields);
    if (typeof data === 'object' && data !== null) {
      // Caller data never overwrites the line's own fields.
      for (const [key, value] of Object.entries(data)) entry[RESERVED.has(key) ? `${key}_` : key] = value;
    }
    return entry;
  }

  // Logging must never take the app down: a full disk or a removed folder costs the file, not the caller.
  #toFile(line: string): void {
    if (!this.#file || this.#fileBroken) return;
    try {
      this.#file.write(line);
    } catch (err) {
      this.#fileBroken = true;
      const why = err instanceof Error ? err.message : String(err);
      process.stderr.write(`WireDesk: logging to ${this.#file.file} stopped: ${why}\n`);
    }
  }
}

// Until configureLogging() runs (and in other modules' tests), warnings and errors go to stderr.
let current = new LogSink({ stderr: true, level: 'warn' });

/** Sets where every logger writes from now on; closes the previous file. */
export function configureLogging(options: LoggingOptions): LogSink {
  const next = new LogSink(options);
  const previous = current;
  current = next;
  previous.close();
  return next;
}

/** Closes the log file (at shutdown); later lines go to stderr only. */
export function closeLogging(): void {
  configureLogging({ stderr: true, level: 'warn' });
}

/**
 * A logger for one module. Without `sink` it follows whatever configureLogging() set, even if
 * that happens after this call; tests pass their own sink.
 */
export function createLogger(module: string, sink?: LogSink): Logger {
  const target = () => sink ?? current;
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) => target().write(module, level, msg, fields);
  return { module, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
