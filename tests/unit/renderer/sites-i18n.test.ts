// The site-to-site dialog's own translation files: same keys in both languages, nothing left empty, and every
// key the dialog's code names exists, including one per problem, warning, step and outcome main can send.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys, sourceOf } from './i18n-bundle.ts';
import { SITE_PROBLEMS, configWarningSchema, siteStepSchema } from '../../../src/contract/configs.ts';
import en from '../../../renderer/i18n/sites.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/sites.tr.json' with { type: 'json' };

describe('sites translations', () => {
  bundlePairChecks(en, tr);

  it('every sitesView key the dialog uses is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/sites');
    const source = sourceOf(dir);
    // The entry button on the router page names its keys too.
    const page = readFileSync(resolve(import.meta.dirname, '../../../renderer/app/RouterPage.tsx'), 'utf8');
    const known = knownKeys(en);
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
