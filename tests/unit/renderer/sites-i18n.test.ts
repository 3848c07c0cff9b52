// The site-to-site dialog's own translation files: same keys in both languages, nothing left empty, and every
// key the dialog's code names exists, including one per problem, warning, step and outcome main can send.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_PROBLEMS, configWarningSchema, siteStepSchema } from '../../../src/contract/configs.ts';
import en from '../../../renderer/i18n/sites.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/sites.tr.json' with { type: 'json' };

const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('sites translations', () => {
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

  it('every sitesView key the dialog uses is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/sites');
    const source = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    // The entry button on the router page names its keys too.
    const page = readFileSync(resolve(import.meta.dirname, '../../../renderer/app/RouterPage.tsx'), 'utf8');
    const known = new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')));
    const used = [...`${source}\n${page}`.matchAll(/['`](sitesView\.[\w.-]+?)(\$\{|['`])/g)].map((m) => m[1]!);
    const literal = used.filter((k) => !k.endsWith('.'));
    expect(literal.filter((k) => !known.has(k))).toEqual([]);
    // Keys built from what main sends (`sitesView.problem.${code}`) are checked for every value it can send.
    const dynamic: Record<string, readonly string[]> = {
      'sitesView.problem.': SITE_PROBLEMS,
      'sitesView.warning.': configWarningSchema.shape.code.options,
      'sitesView.action.': siteStepSchema.shape.action.options,
      'sitesView.outcome.': siteStepSchema.shape.outcome.options,
      'sitesView.source.': ['request', 'remembered', 'ddns', 'public-address'],
    };
    for (const prefix of used.filter((k) => k.endsWith('.'))) {
      expect(dynamic[prefix], `no value list for ${prefix}`).toBeDefined();
      for (const value of dynamic[prefix]!) expect(known.has(`${prefix}${value}`), `${prefix}${value}`).toBe(true);
    }
  });
});
