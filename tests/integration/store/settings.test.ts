import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsRepository, type JsonValue, type SettingsSpec } from '../../../main/store/settings.ts';
import { StoreError } from '../../../main/store/errors.ts';
import { tempDb, type TempDb } from './helpers.ts';

const oneOf = <V extends string>(...values: V[]) => (value: unknown): value is V => values.includes(value as V);
const between = (min: number, max: number) => (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** A sample spec exercising defaults, validators and types (the app's own is in main/services/settings.ts). */
interface AppSettings extends Record<string, JsonValue> {
  language: string;
  theme: 'system' | 'light' | 'dark';
  /** How often an open router's peers are refreshed. */
  pollIntervalSeconds: number;
  /** Whether generated peer private keys are kept (encrypted) or shown once and forgotten. */
  keyCustody: 'stored' | 'shown-once';
  confirmDestructiveActions: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const APP_SETTINGS: SettingsSpec<AppSettings> = {
  language: { default: 'en' },
  theme: { default: 'system', isValid: oneOf('system', 'light', 'dark') },
  pollIntervalSeconds: { default: 10, isValid: between(2, 3600) },
  keyCustody: { default: 'stored', isValid: oneOf('stored', 'shown-once') },
  confirmDestructiveActions: { default: true },
  logLevel: { default: 'info', isValid: oneOf('debug', 'info', 'warn', 'error') },
};

let t: TempDb;
let settings: SettingsRepository<AppSettings>;
beforeEach(() => {
  t = tempDb();
  settings = new SettingsRepository(t.db, APP_SETTINGS);
});
afterEach(() => t.cleanup());

describe('SettingsRepository', () => {
  it('returns defaults until set, then the stored value, across reopen', () => {
    expect(settings.get('pollIntervalSeconds')).toBe(10);
    expect(settings.get('theme')).toBe('system');
    settings.set('theme', 'dark');
    settings.set('pollIntervalSeconds', 30);
    settings.set('confirmDestructiveActions', false);
    const reopened = new SettingsRepository(t.reopen(), APP_SETTINGS);
    expect(reopened.getAll()).toEqual({ ...Object.fromEntries(Object.entries(APP_SETTINGS).map(([k, v]) => [k, v.default])), theme: 'dark', pollIntervalSeconds: 30, confirmDestructiveActions: false });
    reopened.reset('theme');
    expect(reopened.get('theme')).toBe('system');
  });

  it('refuses invalid values and falls back to the default for damaged ones', () => {
    expect(() => settings.set('theme', 'purple' as 'dark')).toThrow(StoreError);
    expect(() => settings.set('pollIntervalSeconds', 0)).toThrow(/not an allowed value/);
    t.db.prepare("INSERT INTO settings VALUES ('language', '42', 0), ('logLevel', 'not json', 0)").run();
    expect(settings.get('language')).toBe('en');
    expect(settings.get('logLevel')).toBe('info');
  });

  it('works with a module-specific spec', () => {
    const custom = new SettingsRepository<{ columns: string[] }>(t.db, { columns: { default: ['name'] } });
    expect(custom.get('columns')).toEqual(['name']);
    custom.set('columns', ['name', 'rx']);
    expect(custom.get('columns')).toEqual(['name', 'rx']);
  });
});
