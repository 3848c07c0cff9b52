// App preferences as key -> JSON. Reads are typed and never fail: a missing, unreadable or
// wrong-typed value (hand-edited file, older version) yields the default instead.
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError } from './errors.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface SettingSpec<V extends JsonValue> {
  default: V;
  /** Defaults to "same JSON type as the default". */
  isValid?: (value: unknown) => value is V;
}

export type SettingsSpec<T extends Record<string, JsonValue>> = { [K in keyof T]: SettingSpec<T[K]> };

export class SettingsRepository<T extends Record<string, JsonValue>> {
  readonly #spec: SettingsSpec<T>;
  readonly #now: Clock;
  readonly #get: Statement<[string], string>;
  readonly #upsert: Statement<[string, string, number]>;
  readonly #delete: Statement<[string]>;

  constructor(db: Db, spec: SettingsSpec<T>, options: { now?: Clock } = {}) {
    this.#spec = spec;
    this.#now = options.now ?? systemClock;
    this.#get = db.prepare<[string], string>('SELECT value_json FROM settings WHERE key = ?').pluck();
    this.#upsert = db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at');
    this.#delete = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get<K extends keyof T & string>(key: K): T[K] {
    const spec = this.#spec[key];
    const text = this.#get.get(key);
    if (text === undefined) return spec.default;
    try {
      const value: unknown = JSON.parse(text);
      return valid(spec, value) ? value : spec.default;
    } catch {
      return spec.default;
    }
  }

  set<K extends keyof T & string>(key: K, value: T[K]): void {
    const spec = this.#spec[key];
    if (!spec) throw new StoreError('INVALID_INPUT', `"${key}" is not a WireDesk setting.`);
    if (!valid(spec, value)) throw new StoreError('INVALID_INPUT', `${JSON.stringify(value)} is not an allowed value for the setting "${key}".`);
    this.#upsert.run(key, JSON.stringify(value), this.#now());
  }

  /** Back to the default. */
  reset<K extends keyof T & string>(key: K): void {
    this.#delete.run(key);
  }

  getAll(): T {
    const all: Partial<T> = {};
    for (const key of Object.keys(this.#spec) as (keyof T & string)[]) all[key] = this.get(key);
    return all as T;
  }
}

function valid<V extends JsonValue>(spec: SettingSpec<V>, value: unknown): value is V {
  return spec.isValid ? spec.isValid(value) : jsonKind(value) === jsonKind(spec.default);
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
