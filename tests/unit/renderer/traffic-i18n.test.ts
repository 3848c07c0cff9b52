// The Traffic screen's own translation files: same keys in both languages, nothing left empty, and every
// key the screen's code names exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/traffic.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/traffic.tr.json' with { type: 'json' };

const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('traffic translations', () => {
  it('Turkish has exactly the English keys', () => {
    expect(keys(tr).sort()).toEqual(keys(en).sort());
  });

  it('no string is left empty', () => {
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(tr).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('both languages use the same placeholders', () => {
    const lookup = (obj: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    const mismatched = keys(en).filter((key) => placeholders(lookup(en, key)).join() !== placeholders(lookup(tr, key)).join());
    expect(mismatched).toEqual([]);
  });

  it('every trafficView key the screen uses is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/traffic');
    const source = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const known = new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')));
    const used = [...source.matchAll(/['`](trafficView\.[\w.]+?)(\$\{|['`])/g)].map((m) => m[1]!);
    // Keys built from a range (`trafficView.range.${value}`) are checked for every range instead.
    const dynamic = used.filter((k) => k.endsWith('.'));
    const literal = used.filter((k) => !k.endsWith('.'));
    expect(literal.filter((k) => !known.has(k))).toEqual([]);
    for (const prefix of dynamic) {
      for (const range of ['15m', '24h', '7d', '30d', '1y']) expect(known.has(`${prefix}${range}`)).toBe(true);
    }
  });
});
