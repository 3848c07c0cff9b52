// better-sqlite3 ships no typings and @types/better-sqlite3 is not a dependency, so this declares
// the subset of its API the store uses. Shapes follow better-sqlite3's docs/api.md.
declare module 'better-sqlite3' {
  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  export interface ColumnDefinition {
    name: string;
    column: string | null;
    table: string | null;
    database: string | null;
    type: string | null;
  }

  export interface Statement<Params extends unknown[] = unknown[], Row = unknown> {
    readonly source: string;
    readonly reader: boolean;
    readonly readonly: boolean;
    run(...params: Params): RunResult;
    get(...params: Params): Row | undefined;
    all(...params: Params): Row[];
    iterate(...params: Params): IterableIterator<Row>;
    pluck(toggle?: boolean): this;
    raw(toggle?: boolean): this;
    columns(): ColumnDefinition[];
    bind(...params: Params): this;
  }

  export interface Transaction<F extends (...args: never[]) => unknown> {
    (...args: Parameters<F>): ReturnType<F>;
    default(...args: Parameters<F>): ReturnType<F>;
    deferred(...args: Parameters<F>): ReturnType<F>;
    immediate(...args: Parameters<F>): ReturnType<F>;
    exclusive(...args: Parameters<F>): ReturnType<F>;
  }

  export interface PragmaOptions {
    simple?: boolean;
  }

  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    timeout?: number;
    verbose?: (message?: unknown, ...additional: unknown[]) => void;
  }

  export interface Database {
    readonly name: string;
    readonly open: boolean;
    readonly inTransaction: boolean;
    readonly readonly: boolean;
    readonly memory: boolean;
    prepare<Params extends unknown[] = unknown[], Row = unknown>(source: string): Statement<Params, Row>;
    exec(source: string): this;
    pragma(source: string, options?: PragmaOptions): unknown;
    transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
    close(): this;
  }

  export interface SqliteError extends Error {
    code: string;
  }

  interface DatabaseConstructor {
    new (filename?: string | Buffer, options?: Options): Database;
    (filename?: string | Buffer, options?: Options): Database;
    readonly SqliteError: new (message: string, code: string) => SqliteError;
  }

  const Database: DatabaseConstructor;
  export default Database;
}
