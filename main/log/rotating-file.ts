// Appends log lines to a file and rotates it by size: app.log -> app.log.1 -> ... -> app.log.N,
// the oldest dropped. Writes are synchronous so the last lines before a crash are on disk.
import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  /** The current file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  maxFiles: number;
}

export class RotatingFile {
  readonly #file: string;
  readonly #maxBytes: number;
  readonly #maxFiles: number;
  #fd: number | undefined;
  #size = 0;

  constructor(file: string, options: RotatingFileOptions) {
    if (!(options.maxBytes > 0) || !Number.isInteger(options.maxFiles) || options.maxFiles < 0) {
      throw new RangeError('RotatingFile needs maxBytes > 0 and an integer maxFiles >= 0.');
    }
    this.#file = file;
    this.#maxBytes = options.maxBytes;
    this.#maxFiles = options.maxFiles;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }

  get file(): string {
    return this.#file;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.#fd === undefined) this.#open();
    // A single line longer than maxBytes still gets written, alone in its file.
    if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
      this.#rotate();
      this.#open();
    }
    fs.writeSync(this.#fd as number, line);
    this.#size += bytes;
  }

  close(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
  }

  #open(): void {
    // Logs carry router addresses and user names: readable by the user only.
    this.#fd = fs.openSync(this.#file, 'a', 0o600);
    this.#size = fs.fstatSync(this.#fd).size;
  }

  #rotate(): void {
    this.close();
    if (this.#maxFiles === 0) {
      fs.rmSync(this.#file, { force: true });
      return;
    }
    for (let i = this.#maxFiles - 1; i >= 1; i--) {
      const from = `${this.#file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.#file}.${i + 1}`);
    }
    fs.renameSync(this.#file, `${this.#file}.1`);
  }
}
