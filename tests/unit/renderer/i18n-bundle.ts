// Shared checks for a feature's own translation files (traffic, configs, sites): Turkish has exactly the
// English keys, nothing is left empty, both use the same placeholders. Each feature's test adds its own
// check that every key its code names exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

export const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const leaves = (obj: object, prefix = ''): Array<[string, string]> =>
  Object.entries(obj).flatMap(([k, v]): Array<[string, string]> => (typeof v === 'object' && v !== null ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
export const lookup = (obj: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;

/** Registers the three checks every bundle pair must pass; call inside a describe(). */
export function bundlePairChecks(en: object, tr: object): void {
  it('Turkish has exactly the English keys', () => {
    expect(keys(tr).sort()).toEqual(keys(en).sort());
  });

  it('no string is left empty', () => {
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(tr).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('both languages use the same placeholders', () => {
    // Compared leaf by leaf, not by looking dotted keys up: a key may itself contain a dot ("client.dns").
    const turkish = new Map(leaves(tr));
    const mismatched = leaves(en).filter(([key, text]) => placeholders(text).join() !== placeholders(turkish.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
}

/** Keys the bundle defines, with i18next plural suffixes folded away. */
export function knownKeys(en: object): Set<string> {
  return new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')));
}

/** Every .ts/.tsx source file of a renderer folder, concatenated, for scanning the keys it names. */
export function sourceOf(dir: string): string {
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}
