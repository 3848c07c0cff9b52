// The Traffic screen's own translation files: same keys in both languages, nothing left empty, and every
// key the screen's code names exists.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys, sourceOf } from './i18n-bundle.ts';
import en from '../../../renderer/i18n/traffic.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/traffic.tr.json' with { type: 'json' };

describe('traffic translations', () => {
  bundlePairChecks(en, tr);

  it('every trafficView key the screen uses is translated', () => {
    const dir = resolve(import.meta.dirname, '../../../renderer/features/traffic');
    const source = sourceOf(dir);
    const known = knownKeys(en);
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
