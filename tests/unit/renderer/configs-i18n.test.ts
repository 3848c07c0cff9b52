// The client-config dialogs' own translation files: same keys in both languages, nothing left empty, the
// same placeholders, and every configs.* key the dialogs' code names exists (the ones built from a code,
// like configs.warning.${code}, for every code the contract has).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys, lookup, sourceOf } from './i18n-bundle.ts';
import { CONFIG_PROBLEMS, configWarningSchema } from '../../../src/contract/index.ts';
import en from '../../../renderer/i18n/configs.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/configs.tr.json' with { type: 'json' };

describe('client-config translations', () => {
  bundlePairChecks(en, tr);

  it('every configs key the dialogs use is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/configs');
    const source = sourceOf(dir);
    const known = knownKeys(en);
    const used = [...source.matchAll(/['`](configs\.[\w.-]+?)(\$\{|['`])/g)].map((m) => m[1]!).filter((k) => !k.endsWith('.'));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('has a title for every warning and every config problem main can send', () => {
    for (const code of configWarningSchema.shape.code.options) expect(lookup(en, `configs.warning.${code}`)).toBeTruthy();
    for (const reason of CONFIG_PROBLEMS) expect(lookup(en, `configs.problem.${reason}`)).toBeTruthy();
  });
});
