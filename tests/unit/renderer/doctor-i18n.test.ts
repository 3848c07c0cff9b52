// The connection doctor's translation files: same keys in both languages, nothing empty, the same
// placeholders, and for every cause main can report a title and a body, and a fix label where main offers one.
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, lookup } from './i18n-bundle.ts';
import { DOCTOR_CAUSES } from '../../../src/contract/index.ts';
import en from '../../../renderer/i18n/doctor.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/doctor.tr.json' with { type: 'json' };

const FIXED = ['peer-disabled', 'interface-disabled', 'port-closed', 'endpoint-is-router', 'keepalive-missing'];

describe('connection doctor translations', () => {
  bundlePairChecks(en, tr);

  it('words every cause, and names every fix', () => {
    for (const code of DOCTOR_CAUSES) {
      for (const bundle of [en, tr]) {
        expect(lookup(bundle, `doctor.cause.${code}.title`), code).toBeTruthy();
        expect(lookup(bundle, `doctor.cause.${code}.body`), code).toBeTruthy();
      }
      if (FIXED.includes(code)) expect(lookup(en, `doctor.cause.${code}.fix`), code).toBeTruthy();
    }
  });
});
