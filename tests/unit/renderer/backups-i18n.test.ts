// The Backups tab's and the restore and undo dialogs' translation files: same keys in both languages,
// nothing empty, the same placeholders; words for every reason main gives for refusing an undo (each plan
// state, each way an item changed since) and for the audit actions and objects a restore or undo records.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys, lookup, sourceOf } from './i18n-bundle.ts';
import { AUDIT_ACTION_NAMES, AUDIT_OBJECT_NAMES, changedSinceSchema } from '../../../src/contract/index.ts';
import { PLAN_STATES } from '../../../main/store/change-journal.ts';
import en from '../../../renderer/i18n/backups.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/backups.tr.json' with { type: 'json' };
import appEn from '../../../renderer/i18n/en.json' with { type: 'json' };
import appTr from '../../../renderer/i18n/tr.json' with { type: 'json' };

describe('backups, restore and undo translations', () => {
  bundlePairChecks(en, tr);

  it('every backups, restore and undo key the code names exists', () => {
    const root = resolve(import.meta.dirname, '../../../renderer');
    const source = [sourceOf(resolve(root, 'features/backups')), sourceOf(resolve(root, 'features/changes')), sourceOf(resolve(root, 'features/activity'))].join('\n');
    const known = knownKeys(en);
    const used = [...source.matchAll(/['`]((?:backups|restore|undo)\.[\w.-]+?)(\$\{|['`])/g)].map((m) => m[1]!).filter((k) => !k.endsWith('.'));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('words every state a change can be in when its undo is refused, and every way an item changed since', () => {
    for (const state of PLAN_STATES) if (state !== 'applied') expect(lookup(en, `undo.notApplied.${state}`), state).toBeTruthy();
    for (const reason of changedSinceSchema.shape.reason.options) if (reason !== 'changed') expect(lookup(en, `undo.changed.${reason}`), reason).toBeTruthy();
    expect(lookup(en, 'undo.changed.field')).toBeTruthy();
  });

  it('names every audit action and object, restores and undos included', () => {
    for (const action of AUDIT_ACTION_NAMES) {
      expect(lookup(appEn, `activity.action.${action}`), action).toBeTruthy();
      expect(lookup(appTr, `activity.action.${action}`), action).toBeTruthy();
    }
    for (const object of AUDIT_OBJECT_NAMES) {
      expect(lookup(appEn, `activity.object.${object}`), object).toBeTruthy();
      expect(lookup(appTr, `activity.object.${object}`), object).toBeTruthy();
    }
  });
});
