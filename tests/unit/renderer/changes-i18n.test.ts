// The change plans' own translation files (Preview step, apply reports, rollback banners): same keys in both
// languages, nothing empty, the same placeholders, and every changes.* key the code names exists (the ones
// built from a value, like changes.report.state.${state}, for every value the contract has).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePairChecks, knownKeys, lookup, sourceOf } from './i18n-bundle.ts';
import { applyReportSchema, CHANGE_SUBJECT_CODES, itemDiffSchema, planItemSchema, rollbackEventSchema } from '../../../src/contract/index.ts';
import en from '../../../renderer/i18n/changes.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/changes.tr.json' with { type: 'json' };

describe('change plan translations', () => {
  bundlePairChecks(en, tr);

  it('every changes key the code uses is translated', () => {
    const root = resolve(import.meta.dirname, '../../../renderer');
    const source = [sourceOf(resolve(root, 'features/changes')), sourceOf(resolve(root, 'ui')), sourceOf(resolve(root, 'features/peers'))].join('\n');
    const known = knownKeys(en);
    const used = [...source.matchAll(/['`](changes\.[\w.-]+?)(\$\{|['`])/g)].map((m) => m[1]!).filter((k) => !k.endsWith('.'));
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('has words for every outcome, step state, change, item type and rollback state main can send', () => {
    for (const outcome of applyReportSchema.shape.outcome.options) expect(lookup(en, `changes.report.outcome.${outcome}`)).toBeTruthy();
    for (const state of applyReportSchema.shape.steps.element.shape.state.options) expect(lookup(en, `changes.report.state.${state}`)).toBeTruthy();
    for (const change of itemDiffSchema.shape.change.options) expect(lookup(en, `changes.diff.change.${change}`)).toBeTruthy();
    for (const type of planItemSchema.shape.type.options) expect(lookup(en, `changes.diff.type.${type}`)).toBeTruthy();
    const titles: Record<string, string> = { pending: 'pendingTitle', 'rolled-back': 'rolledBackTitle', kept: 'keptTitle', unknown: 'unknownTitle' };
    for (const state of rollbackEventSchema.shape.state.options) expect(lookup(en, `changes.rollback.${titles[state]}`)).toBeTruthy();
  });

  it('has words for every change subject main can send', () => {
    for (const code of CHANGE_SUBJECT_CODES) {
      expect(lookup(en, `changes.subject.${code}`), code).toBeTruthy();
      expect(lookup(tr, `changes.subject.${code}`), code).toBeTruthy();
    }
  });

  it('the Turkish rollback line reads as the brief asks', () => {
    expect(lookup(tr, 'changes.preview.rollback')).toContain('yönlendirici bu değişikliği {{seconds}} sn sonra kendisi geri alacak');
  });
});
