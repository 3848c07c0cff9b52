// Peers of one router: search, filters and sort over a virtualised table that stays quick at 10,000 rows.
import { useDeferredValue, useMemo } from 'react';
import { FilterX, Search, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useNow, usePoll } from '../../lib/hooks.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingState, NotReadYet, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { FreshnessLabel, SourceBanner } from '../../ui/SourceBanner.tsx';
import { usePollIntervalMs } from '../settings/store.ts';
import { buildSearchIndex, countPeers, filterPeers, sortPeers, type PeerStatusFilter } from './peer-view.ts';
import { PeerTable } from './PeerTable.tsx';
import { usePeers, usePeerView } from './store.ts';

const STATUS_FILTERS: ReadonlyArray<{ value: PeerStatusFilter; key: string }> = [
  { value: 'all', key: 'peers.filterAll' },
  { value: 'online', key: 'peerStatus.online' },
  { value: 'offline', key: 'peerStatus.offline' },
  { value: 'never-connected', key: 'peerStatus.never' },
  { value: 'disabled', key: 'peerStatus.disabled' },
];

export function PeersTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const interval = usePollIntervalMs();
  const fetch = usePeers((s) => s.fetch);
  const read = usePeers((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  usePoll(routerId, () => fetch(routerId), interval);

  const { filters, sort, setSearch, setStatus, setInterface, toggleSort, reset } = usePeerView(
    useShallow((s) => ({ filters: s.filters, sort: s.sort, setSearch: s.setSearch, setStatus: s.setStatus, setInterface: s.setInterface, toggleSort: s.toggleSort, reset: s.reset })),
  );
  // Typing stays instant; filtering 10,000 rows follows a frame behind when the machine is busy.
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);

  const rows = read.data?.rows;
  const index = useMemo(() => (rows ? buildSearchIndex(rows) : []), [rows]);
  const counts = useMemo(() => countPeers(rows ?? []), [rows]);
  const filtered = useMemo(() => (rows ? filterPeers(rows, index, deferredFilters) : []), [rows, index, deferredFilters]);
  const visible = useMemo(() => sortPeers(filtered, deferredSort), [filtered, deferredSort]);

  const { data, error, loading } = read;
  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('peers.what')} onRetry={() => void fetch(routerId)} busy={loading} />;
    return <LoadingState label={t('peers.loading')} />;
  }
  // A cache answer without a read time means WireDesk never reached this router: no rows is not "none".
  if (data.source === 'cache' && data.seenAt === null) return <NotReadYet what={t('peers.what')} onRetry={() => void fetch(routerId)} busy={loading} />;

  const filtering = filters.search !== '' || filters.status !== 'all' || filters.iface !== '';
  const stale = filters !== deferredFilters || sort !== deferredSort;
  const ifaceMissing = filters.iface !== '' && !counts.interfaces.includes(filters.iface);

  return (
    <div className="tab-content" data-testid="peers-tab">
      <SourceBanner source={data.source} seenAt={data.seenAt} error={error} now={now} />
      <div className="toolbar">
        <div className="search-box">
          <Search size={15} aria-hidden className="search-icon" />
          <input
            type="search"
            className="input"
            value={filters.search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('peers.searchPlaceholder')}
            aria-label={t('peers.searchLabel')}
            spellCheck={false}
            data-testid="peer-search"
          />
        </div>
        <select className="select compact" value={filters.status} onChange={(e) => setStatus(e.target.value as PeerStatusFilter)} aria-label={t('peers.statusFilter')} data-testid="peer-status-filter">
          {STATUS_FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.value === 'all' ? t(f.key) : `${t(f.key)} (${formatCount(counts.byStatus[f.value], locale)})`}
            </option>
          ))}
        </select>
        <select className="select compact" value={filters.iface} onChange={(e) => setInterface(e.target.value)} aria-label={t('peers.interfaceFilter')} data-testid="peer-interface-filter">
          <option value="">{t('peers.allInterfaces')}</option>
          {counts.interfaces.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {ifaceMissing ? <option value={filters.iface}>{filters.iface}</option> : null}
        </select>
        {filtering ? (
          <Button size="sm" variant="ghost" icon={<FilterX size={14} aria-hidden />} onClick={reset} data-testid="peer-clear-filters">
            {t('peers.clearFilters')}
          </Button>
        ) : null}
        <span className="spacer" />
        <span className={`toolbar-count${stale ? ' stale' : ''}`} data-testid="peer-count" aria-live="polite">
          {filtering
            ? t('peers.countFiltered', { shown: formatCount(visible.length, locale), total: formatCount(counts.total, locale), count: counts.total })
            : t('peers.count', { total: formatCount(counts.total, locale), count: counts.total })}
        </span>
      </div>
      <div className="peer-summary" data-testid="peer-summary">
        <span>
          <span className="status-dot tone-ok" aria-hidden /> {t('peers.summaryOnline', { count: counts.byStatus.online, formatted: formatCount(counts.byStatus.online, locale) })}
        </span>
        <span>
          <span className="status-dot tone-danger" aria-hidden /> {t('peers.summaryOffline', { count: counts.byStatus.offline, formatted: formatCount(counts.byStatus.offline, locale) })}
        </span>
        <span>
          <span className="status-dot tone-neutral" aria-hidden /> {t('peers.summaryNever', { count: counts.byStatus['never-connected'], formatted: formatCount(counts.byStatus['never-connected'], locale) })}
        </span>
        {counts.byStatus.disabled > 0 ? (
          <span>
            <span className="status-dot tone-neutral" aria-hidden /> {t('peers.summaryDisabled', { count: counts.byStatus.disabled, formatted: formatCount(counts.byStatus.disabled, locale) })}
          </span>
        ) : null}
        <span className="spacer" />
        <FreshnessLabel source={data.source} seenAt={data.seenAt} now={now} loading={loading} />
      </div>
      <PeerTable
        rows={visible}
        sort={sort}
        onSort={toggleSort}
        seenAt={data.seenAt}
        now={now}
        empty={
          counts.total === 0 ? (
            <EmptyState icon={<Users size={28} aria-hidden />} title={t('peers.emptyTitle')} data-testid="peers-empty">
              {t('peers.emptyBody')}
            </EmptyState>
          ) : (
            <EmptyState title={t('peers.noMatchTitle')} actions={<Button size="sm" onClick={reset}>{t('peers.clearFilters')}</Button>} data-testid="peers-no-match">
              {t('peers.noMatchBody')}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
