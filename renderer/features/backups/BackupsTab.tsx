// The Backups tab: every snapshot WireDesk took of this router's WireGuard scope before a change, newest
// first. One is compared with the router now (or with another backup) item by item, downloaded as the
// readable .rsc script it is kept as (no private or preshared key is in it), or restored: a restore is a
// plan like any change (Preview, Apply, verify), never a blind replay of the script.
import { useCallback, useEffect, useState } from 'react';
import { Archive, Download, RefreshCw, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, ItemDiffView } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { changeSubjectText } from '../../lib/change-subject.ts';
import { downloadText } from '../../lib/download.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { ItemDiff } from '../changes/PlanPreview.tsx';
import { RestoreDialog } from '../changes/RestoreUndoDialogs.tsx';
import { useRouters } from '../routers/store.ts';
import '../changes/changes.css';

type Backup = InvokeOutput<'backups:list'>[number];
type Compare = number | 'now';
const PARTS = ['interfaces', 'peers', 'addresses', 'firewall', 'routes'] as const;

interface DiffState {
  key: string;
  diff: ItemDiffView[] | null;
  error: ActionError | null;
}

/** "HQ-backup-2026-12-03-0912.rsc": the router's name and the local time it was taken. */
export function backupFileName(routerName: string, takenAt: number): string {
  const d = new Date(takenAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const safe = routerName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'router';
  return `${safe}-backup-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}.rsc`;
}

export function BackupsTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(60_000);
  const online = useRouters((s) => s.statuses[routerId]?.state === 'online');
  const routerName = useRouters((s) => s.profiles.find((p) => p.id === routerId)?.name ?? '');
  const [list, setList] = useState<Backup[] | null>(null);
  const [listError, setListError] = useState<ActionError | null>(null);
  // Which reload the list on screen answers: a newer one is loading.
  const [loaded, setLoaded] = useState(-1);
  const [selected, setSelected] = useState<number | null>(null);
  const [compare, setCompare] = useState<Compare>('now');
  const [diff, setDiff] = useState<DiffState | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [downloadError, setDownloadError] = useState<ActionError | null>(null);
  const [reloads, setReloads] = useState(0);

  // The list, and the comparison on screen, are read again after a restore and on Refresh.
  useEffect(() => {
    let cancelled = false;
    invoke('backups:list', { routerId }).then(
      (next) => {
        if (cancelled) return;
        setList(next);
        setListError(null);
        setSelected((s) => (s !== null && next.some((b) => b.id === s) ? s : (next[0]?.id ?? null)));
        setLoaded(reloads);
      },
      (e: unknown) => {
        if (cancelled) return;
        setListError(toActionError(e));
        setLoaded(reloads);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [routerId, reloads]);
  const loading = loaded !== reloads;
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const backup = list?.find((b) => b.id === selected) ?? null;
  const others = list?.filter((b) => b.id !== selected) ?? [];
  // A backup compared with itself says nothing: another selection falls back to the router now.
  const target: Compare = compare !== 'now' && others.some((b) => b.id === compare) ? compare : 'now';
  const diffKey = backup ? `${backup.id}:${target}:${reloads}` : '';

  useEffect(() => {
    if (!backup) return;
    let cancelled = false;
    // Until this answer comes, the diff on screen belongs to another key and is shown as loading.
    const key = diffKey;
    invoke('backups:diff', { routerId, from: backup.id, to: target === 'now' ? null : target }).then(
      (value) => !cancelled && setDiff({ key, diff: value.diff, error: null }),
      (e: unknown) => !cancelled && setDiff({ key, diff: null, error: toActionError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [routerId, backup, target, diffKey]);

  const count = (part: (typeof PARTS)[number], n: number) => t(`backups.n.${part}`, { count: n, formatted: formatCount(n, locale) });
  const subject = (b: Backup) => changeSubjectText(t, b.subject, b.title, locale, now);
  const when = (b: Backup) => formatDateTime(b.takenAt, locale, now);

  const download = async (b: Backup) => {
    setDownloadError(null);
    try {
      const full = await invoke('backups:get', { routerId, backupId: b.id });
      downloadText(backupFileName(routerName, b.takenAt), full.rsc, 'text/plain');
    } catch (e) {
      setDownloadError(toActionError(e));
    }
  };

  if (listError && !list) {
    return (
      <div className="tab-content" data-testid="backups-tab">
        <ActionErrorPanel error={listError} failedTitle={t('backups.loadFailed')} />
      </div>
    );
  }
  if (!list) {
    return (
      <div className="tab-content" data-testid="backups-tab">
        <LoadingState label={t('backups.loading')} />
      </div>
    );
  }

  const current = diff && diff.key === diffKey ? diff : null;
  const otherLabel = target === 'now' ? t('backups.sideNow') : t('backups.sideOther', { time: when(others.find((b) => b.id === target)!) });
  const labels = { before: t('backups.sideThis'), after: otherLabel };

  return (
    <div className="tab-content" data-testid="backups-tab">
      <div className="toolbar">
        <span className="toolbar-count" data-testid="backups-count">
          {t('backups.count', { count: list.length, formatted: formatCount(list.length, locale) })}
        </span>
        <span className="muted small ellipsis backups-scope" title={t('backups.scope')}>
          {t('backups.scope')}
        </span>
        <span className="spacer" />
        <Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={reload} busy={loading} data-testid="backups-refresh">
          {t('backups.refresh')}
        </Button>
      </div>
      {list.length === 0 ? (
        <div className="panel">
          <EmptyState icon={<Archive size={28} aria-hidden />} title={t('backups.emptyTitle')} data-testid="backups-empty">
            {t('backups.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <div className="backups-layout">
          <ul className="panel backup-list" aria-label={t('backups.listLabel')} data-testid="backup-list">
            {list.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className={`backup-item${b.id === selected ? ' selected' : ''}`}
                  aria-current={b.id === selected ? 'true' : undefined}
                  onClick={() => setSelected(b.id)}
                  data-testid={`backup-${b.id}`}
                >
                  <span className="backup-when">{when(b)}</span>
                  <span className="backup-subject ellipsis" title={subject(b)}>
                    {t('backups.before', { subject: subject(b) })}
                  </span>
                  <span className="muted small">{[count('interfaces', b.counts.interfaces), count('peers', b.counts.peers)].join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
          {backup ? (
            <section className="panel backup-detail" aria-labelledby="backup-detail-title" data-testid="backup-detail" data-backup={backup.id}>
              <header className="backup-detail-head">
                <div className="backup-detail-title">
                  <h2 id="backup-detail-title">{t('backups.title', { time: when(backup) })}</h2>
                  <p className="muted small">{t('backups.takenBefore', { subject: subject(backup) })}</p>
                  <p className="muted small" data-testid="backup-counts">
                    {PARTS.map((part) => count(part, backup.counts[part])).join(', ')}
                  </p>
                </div>
                <div className="backup-detail-actions">
                  <Button size="sm" icon={<Download size={14} aria-hidden />} onClick={() => void download(backup)} title={t('backups.downloadTitle')} data-testid="backup-download">
                    {t('backups.download')}
                  </Button>
                  <Button size="sm" variant="primary" icon={<RotateCcw size={14} aria-hidden />} onClick={() => setRestoring(backup)} disabled={!online} title={online ? undefined : t('backups.offlineRestore')} data-testid="backup-restore">
                    {t('backups.restore')}
                  </Button>
                </div>
              </header>
              {downloadError ? <ActionErrorPanel error={downloadError} failedTitle={t('backups.downloadFailed')} /> : null}
              <div className="backup-compare">
                <label className="date-filter">
                  <span>{t('backups.compareWith')}</span>
                  <select className="select compact" value={String(target)} onChange={(e) => setCompare(e.target.value === 'now' ? 'now' : Number(e.target.value))} data-testid="backup-compare">
                    <option value="now">{t('backups.compareNow')}</option>
                    {others.map((b) => (
                      <option key={b.id} value={b.id}>
                        {t('backups.compareOption', { time: when(b), subject: subject(b) })}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div className="backup-diff" data-testid="backup-diff" data-state={current?.diff ? 'ready' : current?.error ? 'error' : 'loading'}>
                {!current || (!current.diff && !current.error) ? <LoadingState label={t('backups.comparing')} /> : null}
                {current?.error ? <ActionErrorPanel error={current.error} failedTitle={t('backups.compareFailed')} /> : null}
                {current?.diff && current.diff.length === 0 ? (
                  <p className="backup-same" data-testid="backup-same">
                    {target === 'now' ? t('backups.sameAsNow') : t('backups.sameAsOther')}
                  </p>
                ) : null}
                {current?.diff && current.diff.length > 0 ? (
                  <>
                    <p className="muted small" data-testid="backup-diff-summary">
                      {target === 'now' ? t('backups.differNow', { count: current.diff.length }) : t('backups.differOther', { count: current.diff.length })}
                    </p>
                    {current.diff.map((d) => (
                      <ItemDiff key={`${d.item.type}-${d.item.key}`} diff={d} labels={{ ...labels, change: t(`backups.change.${d.change}`) }} />
                    ))}
                  </>
                ) : null}
              </div>
            </section>
          ) : null}
        </div>
      )}
      {restoring ? (
        <RestoreDialog
          routerId={routerId}
          backup={{ id: restoring.id, when: when(restoring), subject: subject(restoring) }}
          onClose={() => setRestoring(null)}
          onDone={reload}
        />
      ) : null}
    </div>
  );
}
