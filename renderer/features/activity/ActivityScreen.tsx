// Activity: every change WireDesk sent to a router (the audit log, kept on this computer), newest first,
// with filters (router, action, object, text, dates), pages, and each entry's before/after as a readable
// list of what changed.
import { Fragment, useEffect, useRef, useState } from 'react';
import { useFindShortcut } from '../../lib/hooks.ts';
import { ChevronDown, ChevronLeft, ChevronRight, FilterX, History, RefreshCw, Search, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ChangeSubject, InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { StatusText } from '../../ui/StatusPill.tsx';
import { useRouters } from '../routers/store.ts';
import { UndoDialog } from '../changes/RestoreUndoDialogs.tsx';
import { auditDiff, changedRows, type DiffRow } from './audit-diff.ts';
import { AUDIT_ACTIONS, NO_FILTERS, OBJECT_TYPES, PAGE_SIZE, useActivity, type ActivityFilters, type AuditAction } from './store.ts';

type Entry = InvokeOutput<'audit:list'>['entries'][number];
type Resolution = NonNullable<Entry['resolution']>;

/** A change whose answer was lost, as the router showed it later. */
const RESOLUTION_TONES: Record<Resolution, 'ok' | 'danger' | 'warn'> = { applied: 'ok', 'not-applied': 'danger', unknown: 'warn' };
const RESOLUTION_LABELS: Record<Resolution, string> = {
  applied: 'activity.resolvedApplied', 'not-applied': 'activity.resolvedNotApplied', unknown: 'activity.resolvedUnknown',
};

export function ActivityScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const profiles = useRouters((s) => s.profiles);
  const { filters, offset, page, loading, error, setFilters, setOffset, load } = useActivity();
  const [text, setText] = useState(filters.text);
  const searchRef = useRef<HTMLInputElement>(null);
  useFindShortcut(searchRef);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [undoing, setUndoing] = useState<{ routerId: string; planId: string; subject: ChangeSubject | null; fallback: string } | null>(null);
  // A change sent through a plan to a router still here can be undone (the preview says when it cannot).
  const undoable = (e: Entry): e is Entry & { routerId: string; planId: string } =>
    (e.outcome === 'ok' || e.resolution === 'applied') && e.planId !== null && e.routerId !== null && profiles.some((p) => p.id === e.routerId);
  // The dialog names the change as the change history words it ("Edit peer "laptop" on wg1"); the entry's own
  // words stand in when the history does not have it.
  const undo = async (e: Entry & { routerId: string; planId: string }) => {
    const fallback = t('activity.undoWhat', { action: t(`activity.action.${e.action}`), object: t(`activity.object.${e.objectType}`, { defaultValue: e.objectType }), name: e.objectName ?? e.objectId ?? '' });
    const history = await invoke('changes:history', { routerId: e.routerId }).catch(() => []);
    const change = history.find((h) => h.planId === e.planId);
    setUndoing({ routerId: e.routerId, planId: e.planId, subject: change?.subject ?? null, fallback: change?.title || fallback });
  };

  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    if (text === filters.text) return;
    const id = window.setTimeout(() => setFilters({ text }), 250);
    return () => window.clearTimeout(id);
  }, [text, filters.text, setFilters]);

  useEffect(() => {
    void load();
  }, [filters, offset, load]);

  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + PAGE_SIZE, total);
  const filtering = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  // Opened from a router's header: only the router is chosen, so "nothing matches" would mislead.
  const routerOnly = filtering && JSON.stringify({ ...filters, routerId: '' }) === JSON.stringify(NO_FILTERS);
  const routerName = profiles.find((p) => p.id === filters.routerId)?.name ?? '';
  const set = (patch: Partial<ActivityFilters>) => setFilters(patch);
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="settings-page" data-testid="activity-screen">
      <header className="page-header">
        <History size={20} aria-hidden className="muted" />
        <div className="page-heading">
          <h1>{t('activity.title')}</h1>
          <p className="muted small">{t('activity.subtitle')}</p>
        </div>
        <span className="spacer" />
        <Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={() => void load()} busy={loading} data-testid="activity-refresh">
          {t('activity.refresh')}
        </Button>
      </header>
      <div className="activity-body">
        <div className="toolbar activity-filters">
          <div className="search-box">
            <Search size={15} aria-hidden className="search-icon" />
            <input
              ref={searchRef}
              type="search"
              className="input"
              aria-keyshortcuts="Control+F Meta+F /"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('activity.searchPlaceholder')}
              aria-label={t('activity.searchLabel')}
              spellCheck={false}
              data-testid="activity-search"
            />
          </div>
          <select className="select compact" value={filters.routerId} onChange={(e) => set({ routerId: e.target.value })} aria-label={t('activity.routerFilter')} data-testid="activity-router">
            <option value="">{t('activity.allRouters')}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <select className="select compact" value={filters.action} onChange={(e) => set({ action: e.target.value as AuditAction | '' })} aria-label={t('activity.actionFilter')} data-testid="activity-action">
            <option value="">{t('activity.allActions')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`activity.action.${a}`)}
              </option>
            ))}
          </select>
          <select className="select compact" value={filters.objectType} onChange={(e) => set({ objectType: e.target.value })} aria-label={t('activity.objectFilter')} data-testid="activity-object">
            <option value="">{t('activity.allObjects')}</option>
            {OBJECT_TYPES.map((o) => (
              <option key={o} value={o}>
                {t(`activity.object.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar activity-filters">
          <label className="date-filter">
            <span>{t('activity.from')}</span>
            <input type="date" className="input" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.target.value })} data-testid="activity-from" />
          </label>
          <label className="date-filter">
            <span>{t('activity.to')}</span>
            <input type="date" className="input" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} data-testid="activity-to" />
          </label>
          {filtering ? (
            <Button
              size="sm"
              variant="ghost"
              icon={<FilterX size={14} aria-hidden />}
              onClick={() => {
                setText('');
                setFilters(NO_FILTERS);
              }}
              data-testid="activity-clear"
            >
              {t('peers.clearFilters')}
            </Button>
          ) : null}
          <span className="spacer" />
          {page ? (
            <span className="toolbar-count" data-testid="activity-count">
              {t('activity.count', { count: total, formatted: formatCount(total, locale) })}
            </span>
          ) : null}
        </div>

        {error ? <ActionErrorPanel error={error} failedTitle={t('activity.loadFailed')} /> : null}
        {!page && loading ? <LoadingState label={t('activity.loading')} /> : null}
        {page && page.entries.length === 0 ? (
          <div className="panel">
            <EmptyState
              icon={<History size={28} aria-hidden />}
              title={routerOnly ? t('activity.emptyRouter', { name: routerName }) : filtering ? t('activity.noMatch') : t('activity.empty')}
              data-testid="activity-empty"
            >
              {filtering && !routerOnly ? t('peers.noMatchBody') : t('activity.emptyBody')}
            </EmptyState>
          </div>
        ) : null}
        {page && page.entries.length > 0 ? (
          <div className="table-wrap activity-table-wrap">
            <table className={`data-table activity-table${loading ? ' stale' : ''}`} data-testid="activity-table">
              <thead>
                <tr>
                  <th scope="col" className="expander-col">
                    <span className="visually-hidden">{t('activity.details')}</span>
                  </th>
                  <th scope="col">{t('activity.when')}</th>
                  <th scope="col">{t('activity.router')}</th>
                  <th scope="col">{t('activity.actionHeader')}</th>
                  <th scope="col">{t('activity.objectHeader')}</th>
                  <th scope="col">{t('activity.outcome')}</th>
                  <th scope="col" className="actions-col">
                    <span className="visually-hidden">{t('activity.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <Fragment key={entry.id}>
                    <tr className={`activity-row${open.has(entry.id) ? ' open' : ''}`} data-testid={`activity-row-${entry.id}`} data-action={entry.action} data-object={entry.objectName ?? ''}>
                      <td className="expander-col">
                        <button
                          type="button"
                          className="icon-btn small-icon-btn"
                          aria-expanded={open.has(entry.id)}
                          aria-label={t('activity.showDetails', { name: entry.objectName ?? entry.objectType })}
                          onClick={() => toggle(entry.id)}
                          data-testid={`activity-expand-${entry.id}`}
                        >
                          {open.has(entry.id) ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
                        </button>
                      </td>
                      <td className="nowrap num">{new Date(entry.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                      <td>{entry.routerName ?? <span className="faint">—</span>}</td>
                      <td>
                        <span className={`badge action-${entry.action}`}>{t(`activity.action.${entry.action}`)}</span>
                      </td>
                      <td>
                        <span className="muted small">{t(`activity.object.${entry.objectType}`, { defaultValue: entry.objectType })}</span> <span className="strong">{entry.objectName ?? entry.objectId ?? ''}</span>
                      </td>
                      <td>
                        {entry.outcome === 'ok' ? (
                          <StatusText tone="ok" label={t('activity.ok')} />
                        ) : entry.resolution !== null ? (
                          <span className="cell-stack wide" data-testid={`activity-resolution-${entry.id}`}>
                            <StatusText tone={RESOLUTION_TONES[entry.resolution]} label={t(RESOLUTION_LABELS[entry.resolution])} />
                            <ResolutionNote resolution={entry.resolution} at={entry.resolvedAt} />
                          </span>
                        ) : (
                          <span className="cell-stack wide">
                            <StatusText tone="danger" label={t('activity.failed')} />
                            {entry.error ? <span className="danger-text small ellipsis" title={entry.error}>{entry.error}</span> : null}
                          </span>
                        )}
                      </td>
                      <td className="actions-col">
                        {undoable(entry) ? (
                          <Button
                            size="sm"
                            variant="ghost"
                            icon={<Undo2 size={14} aria-hidden />}
                            onClick={() => void undo(entry)}
                            title={t('undo.actionTitle')}
                            data-testid={`activity-undo-${entry.id}`}
                          >
                            {t('undo.action')}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                    {open.has(entry.id) ? (
                      <tr className="detail-row">
                        <td />
                        <td colSpan={6}>
                          <EntryDetails entry={entry} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {page && total > 0 ? (
          <div className="pager" data-testid="activity-pager">
            <span className="muted">{t('activity.range', { first: formatCount(first, locale), last: formatCount(last, locale), total: formatCount(total, locale) })}</span>
            <Button size="sm" icon={<ChevronLeft size={14} aria-hidden />} disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} data-testid="activity-prev">
              {t('activity.previous')}
            </Button>
            <Button size="sm" disabled={last >= total || loading} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="activity-next">
              {t('activity.next')}
              <ChevronRight size={14} aria-hidden />
            </Button>
          </div>
        ) : null}
      </div>
      {undoing ? <UndoDialog {...undoing} onClose={() => setUndoing(null)} onDone={() => void load()} /> : null}
    </div>
  );
}

/** Why a failed entry is shown as it is: at most three lines under the outcome, the whole sentence on hover. */
function ResolutionNote({ resolution, at }: { resolution: Resolution; at: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const note = t(`${RESOLUTION_LABELS[resolution]}Note`, { time: at === null ? '' : new Date(at).toLocaleTimeString(locale) });
  return <span className="muted small resolution-note" title={note}>{note}</span>;
}

function EntryDetails({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = auditDiff(entry.before, entry.after);
  const changed = changedRows(rows);
  const shown: DiffRow[] = all || changed.length === 0 ? rows : changed;
  return (
    <div className="entry-details" data-testid={`activity-details-${entry.id}`}>
      {entry.error ? <p className="danger-text">{entry.error}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('activity.noDetails')}</p>
      ) : (
        <table className="diff-table" data-testid="activity-diff">
          <thead>
            <tr>
              <th scope="col">{t('activity.field')}</th>
              <th scope="col">{t('activity.before')}</th>
              <th scope="col">{t('activity.after')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} className={`diff-${r.change}`} data-change={r.change}>
                <th scope="row" className="mono">
                  {r.key}
                </th>
                <td className="mono diff-before">{r.before ?? ''}</td>
                <td className="mono diff-after">{r.after ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="entry-meta muted small">
        {entry.objectId ? <span>{t('activity.objectId', { id: entry.objectId })}</span> : null}
        {changed.length > 0 && changed.length < rows.length ? (
          <button type="button" className="link-btn" onClick={() => setAll((v) => !v)} data-testid="activity-show-all">
            {all ? t('activity.onlyChanges') : t('activity.showAll', { count: rows.length - changed.length })}
          </button>
        ) : null}
      </p>
    </div>
  );
}
