// The app's main translation files: same keys in both languages, nothing empty, the same placeholders; and
// every key written literally in a t('…') call anywhere in the renderer exists in one of the bundles.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys } from './i18n-bundle.ts';
import en from '../../../renderer/i18n/en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/tr.json' with { type: 'json' };
import configsEn from '../../../renderer/i18n/configs.en.json' with { type: 'json' };
import sitesEn from '../../../renderer/i18n/sites.en.json' with { type: 'json' };
import trafficEn from '../../../renderer/i18n/traffic.en.json' with { type: 'json' };
import changesEn from '../../../renderer/i18n/changes.en.json' with { type: 'json' };
import backupsEn from '../../../renderer/i18n/backups.en.json' with { type: 'json' };
import doctorEn from '../../../renderer/i18n/doctor.en.json' with { type: 'json' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('app translations', () => {
  bundlePairChecks(en, tr);

  it('every key named literally in a t() call exists', () => {
    const known = new Set([...knownKeys(en), ...knownKeys(configsEn), ...knownKeys(sitesEn), ...knownKeys(trafficEn), ...knownKeys(changesEn), ...knownKeys(backupsEn), ...knownKeys(doctorEn)]);
    const text = sources(resolve(import.meta.dirname, '../../../renderer')).join('\n');
    const used = new Set([...text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((key) => !known.has(key)).sort()).toEqual([]);
  });
});
