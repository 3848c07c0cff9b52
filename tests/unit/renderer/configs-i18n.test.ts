// The client-config dialogs' own translation files: same keys in both languages, nothing left empty, the
// same placeholders, and every configs.* key the dialogs' code names exists (the ones built from a code,
// like configs.warning.${code}, for every code the contract has).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_PROBLEMS, configWarningSchema } from '../../../src/contract/index.ts';
import en from '../../../renderer/i18n/configs.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/configs.tr.json' with { type: 'json' };

const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const lookup = (obj: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;

describe('client-config translations', () => {
  it('Turkish has exactly the English keys', () => {
    expect(keys(tr).sort()).toEqual(keys(en).sort());
  });

  it('no string is left empty', () => {
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(tr).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('both languages use the same placeholders', () => {
    const mismatched = keys(en).filter((key) => placeholders(lookup(en, key)).join() !== placeholders(lookup(tr, key)).join());
    expect(mismatched).toEqual([]);
  });

  it('every configs key the dialogs use is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/configs');
    const source = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const known = new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')));
    const used = [...source.matchAll(/['`](configs\.[\w.-]+?)(\$\{|['`])/g)].map((m) => m[1]!).filter((k) => !k.endsWith('.'));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('has a title for every warning and every config problem main can send', () => {
    for (const code of configWarningSchema.shape.code.options) expect(lookup(en, `configs.warning.${code}`)).toBeTruthy();
    for (const reason of CONFIG_PROBLEMS) expect(lookup(en, `configs.problem.${reason}`)).toBeTruthy();
  });
});
