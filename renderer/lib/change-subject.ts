// A change's subject (code + parameters from main) in the user's language: "Edit peer "laptop" on wg1".
// A restore or an undo names what it goes back on; entries recorded before subjects were kept fall back to
// the English title main stored with them.
import type { TFunction } from 'i18next';
import type { ChangeSubject } from '../../src/contract/index.ts';
import { formatDateTime } from './format.ts';

export function changeSubjectText(t: TFunction, subject: ChangeSubject | null, fallback: string, locale: string, now = Date.now()): string {
  if (!subject) return fallback || t('changes.rollback.untitled');
  const p = subject.params;
  const vars: Record<string, string | number> = { ...p };
  if (subject.code === 'peer.bulk') {
    vars.action = t(`changes.subject.bulkAction.${String(p.action)}`);
    if (p.from !== undefined) return t('changes.subject.peer.bulkPart', vars);
  }
  if (subject.code === 'peer.import' && !p.source) return t('changes.subject.peer.importNoSource', vars);
  if (subject.code === 'backup.restore') {
    vars.takenAt = formatDateTime(Number(p.takenAt), locale, now);
    if (!subject.of) return t('changes.subject.backup.restoreNoOf', vars);
  }
  if (subject.of) vars.of = changeSubjectText(t, subject.of, '', locale, now);
  if (subject.code === 'change.undo' && !subject.of) vars.of = String(p.title ?? '');
  return t(`changes.subject.${subject.code}`, vars);
}
