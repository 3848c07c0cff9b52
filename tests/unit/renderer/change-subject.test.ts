// A change's subject worded in the user's language from its code and parameters, the way the rollback
// banners, the history and the backups list show it; entries from before subjects fall back to main's title.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/changes.en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/changes.tr.json' with { type: 'json' };
import { changeSubjectText } from '../../../renderer/lib/change-subject.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, tr: { translation: tr } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('change subjects', () => {
  it('words each kind with its parameters, in English and Turkish', async () => {
    const t = i18n.getFixedT('en');
    expect(changeSubjectText(t, { code: 'peer.update', params: { name: 'laptop', interface: 'wg1' } }, '', 'en-GB')).toBe('Edit peer "laptop" on wg1');
    expect(changeSubjectText(t, { code: 'peer.bulk', params: { action: 'disable', count: 120, from: 51, to: 100 } }, '', 'en-GB')).toBe('Disable 120 peers (51–100)');
    expect(changeSubjectText(t, { code: 'peer.import', params: { source: '', interface: 'wg1', from: 2, to: 9 } }, '', 'en-GB')).toBe('CSV import to wg1 (rows 2–9)');
    const tt = i18n.getFixedT('tr');
    expect(changeSubjectText(tt, { code: 'peer.delete', params: { name: 'telefon', interface: 'wg1' } }, '', 'tr-TR')).toBe('"telefon" peer\'ını wg1 arayüzünden sil');
  });

  it('names what an undo or a restore goes back on', () => {
    const t = i18n.getFixedT('en');
    const edit = { code: 'peer.update' as const, params: { name: 'laptop', interface: 'wg1' } };
    expect(changeSubjectText(t, { code: 'change.undo', params: {}, of: edit }, '', 'en-GB')).toBe('Undo: Edit peer "laptop" on wg1');
    const at = Date.UTC(2026, 10, 3, 9, 30);
    const restore = changeSubjectText(t, { code: 'backup.restore', params: { takenAt: at }, of: edit }, '', 'en-GB', at + 86_400_000 * 30);
    expect(restore).toMatch(/^Restore the backup of .+ \(taken before: Edit peer "laptop" on wg1\)$/);
  });

  it('falls back to the stored English title for entries recorded before subjects', () => {
    const t = i18n.getFixedT('en');
    expect(changeSubjectText(t, null, 'Edit peer "x"', 'en-GB')).toBe('Edit peer "x"');
    expect(changeSubjectText(t, null, '', 'en-GB')).toBe('a change');
  });
});
