// The peers table: a column set over the generic VirtualTable, generic over the row type so the management
// screen can pass its richer rows (ManagedPeer) with extra columns (selection, row actions) and decorations
// (removed on the router, read-only reasons) without a second table.
import { memo, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgPeer } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatAge, formatBytes, formatDateTime } from '../../lib/format.ts';
import { markRowsCommitted } from '../../lib/perf.ts';
import { peerStatusShown } from '../../lib/peer-status.ts';
import { StatusText } from '../../ui/StatusPill.tsx';
import { VirtualTable, type Column } from '../../ui/VirtualTable.tsx';
import { peerEndpoint, peerLabel, type PeerSort, type PeerSortColumn } from './peer-view.ts';

export interface PeerTableProps<P extends WgPeer> {
  rows: readonly P[];
  sort: PeerSort;
  onSort: (column: PeerSortColumn) => void;
  /** Live rows, or the last-known copy (the router is unreachable: statuses read as "when last seen"). */
  source: 'live' | 'cache';
  /** When the rows were read (router time), to age handshakes while they stay on screen. */
  seenAt: number | null;
  now: number;
  empty: ReactNode;
  /** Extra columns placed before the built-in ones (e.g. a selection checkbox). */
  leadingColumns?: ReadonlyArray<Column<P, string>>;
  /** Extra columns placed after the built-in ones (e.g. row actions). */
  trailingColumns?: ReadonlyArray<Column<P, string>>;
  /** Replaces the status cell for some rows (e.g. "removed on the router"); undefined keeps the default. */
  statusCell?: (peer: P) => ReactNode | undefined;
  /** Why a peer cannot be changed, shown on the lock of dynamic peers. */
  readOnlyReason?: (peer: P) => string | null;
  rowClassName?: (peer: P) => string | undefined;
}

/** Module-level so the virtualiser sees the same key function on every render. */
const peerKey = (peer: WgPeer): string => peer.id;

function PeerTableImpl<P extends WgPeer>({ rows, sort, onSort, source, seenAt, now, empty, leadingColumns, trailingColumns, statusCell, readOnlyReason, rowClassName }: PeerTableProps<P>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const elapsed = seenAt ? Math.max(0, now - seenAt) : 0;
  const lastKnown = source === 'cache';

  // The benchmark's "first rows painted" mark: once per answer, as soon as the rows are in the DOM (a layout
  // effect runs before that frame is painted; the measure then ends after the paint).
  useLayoutEffect(() => {
    if (rows.length > 0) markRowsCommitted();
  }, [rows]);

  const columns = useMemo<Array<Column<P, string>>>(
    () => [
      ...(leadingColumns ?? []),
      {
        id: 'status',
        header: t('peers.status'),
        // "Last seen online 12 min ago" needs more room than "Online"; the text columns give it up.
        width: lastKnown ? '244px' : '152px',
        sortable: true,
        cell: (p) => {
          const custom = statusCell?.(p);
          if (custom !== undefined) return custom;
          const shown = peerStatusShown(p, { source, seenAt }, now, t);
          const title = shown.lastKnown && seenAt ? t('peerStatus.lastKnownTitle', { time: formatDateTime(seenAt, locale, now) }) : undefined;
          return <StatusText tone={shown.tone} label={shown.label} title={title ? `${shown.label}. ${title}` : undefined} data-testid="peer-status" />;
        },
      },
      {
        id: 'name',
        header: t('peers.name'),
        width: lastKnown ? 'minmax(110px, 2fr)' : 'minmax(140px, 2fr)',
        sortable: true,
        cell: (p) => {
          const label = peerLabel(p);
          const title = [p.name, p.comment].filter(Boolean).join(' — ');
          const lockTitle = readOnlyReason?.(p) ?? t('peers.dynamicTitle');
          return (
            <>
              {label ? (
                <span className="ellipsis" title={title}>
                  {label}
                </span>
              ) : (
                <span className="faint ellipsis">{t('peers.unnamed')}</span>
              )}
              {p.dynamic ? (
                <span className="dynamic-mark" title={lockTitle} data-testid="peer-dynamic">
                  <Lock size={12} aria-hidden />
                  <span className="visually-hidden">{lockTitle}</span>
                </span>
              ) : null}
            </>
          );
        },
      },
      {
        id: 'interface',
        header: t('peers.interface'),
        width: lastKnown ? 'minmax(80px, 0.6fr)' : 'minmax(90px, 0.6fr)',
        sortable: true,
        cell: (p) => (
          <span className="ellipsis" title={p.interface}>
            {p.interface}
          </span>
        ),
      },
      {
        id: 'allowed',
        header: t('peers.allowed'),
        width: lastKnown ? 'minmax(110px, 1fr)' : 'minmax(128px, 1fr)',
        sortable: true,
        className: 'mono',
        cell: (p) => {
          const text = p.allowedAddress.join(', ');
          return text ? (
            <span className="ellipsis" title={text}>
              {text}
            </span>
          ) : (
            <span className="faint">—</span>
          );
        },
      },
      {
        id: 'endpoint',
        header: t('peers.endpoint'),
        width: lastKnown ? 'minmax(120px, 1fr)' : 'minmax(140px, 1fr)',
        sortable: true,
        className: 'mono',
        cell: (p) => {
          const endpoint = peerEndpoint(p);
          const configured = p.endpoint && p.currentEndpoint && p.endpoint !== p.currentEndpoint ? t('peers.configuredEndpoint', { endpoint: p.endpoint }) : undefined;
          return endpoint ? (
            <span className="ellipsis" title={configured ?? endpoint}>
              {endpoint}
            </span>
          ) : (
            <span className="faint">—</span>
          );
        },
      },
      {
        id: 'handshake',
        header: t('peers.handshake'),
        width: '96px',
        align: 'end',
        sortable: true,
        className: 'num',
        cell: (p) => (p.lastHandshakeMs === null ? <span className="faint">{t('peers.never')}</span> : <span>{formatAge(p.lastHandshakeMs + elapsed, t)}</span>),
      },
      { id: 'rx', header: t('peers.rx'), width: '76px', align: 'end', sortable: true, className: 'num', cell: (p) => formatBytes(p.rx, locale) },
      { id: 'tx', header: t('peers.tx'), width: '76px', align: 'end', sortable: true, className: 'num', cell: (p) => formatBytes(p.tx, locale) },
      ...(trailingColumns ?? []),
    ],
    [t, locale, source, seenAt, now, elapsed, lastKnown, leadingColumns, trailingColumns, statusCell, readOnlyReason],
  );

  return (
    <VirtualTable<P, string>
      rows={rows}
      columns={columns}
      rowKey={peerKey}
      sort={sort}
      onSort={(column) => onSort(column as PeerSortColumn)}
      minWidth={960}
      empty={empty}
      aria-label={t('peers.tableLabel')}
      rowTestId={(p) => `peer-row-${p.id}`}
      rowClassName={(p) => [p.disabled ? 'row-disabled' : '', rowClassName?.(p) ?? ''].filter(Boolean).join(' ') || undefined}
      data-testid="peers-table"
    />
  );
}

/**
 * Memoised: a keystroke in the search box first re-renders the tab with the old rows (the filtered ones
 * follow a frame later); with equal props the table skips that render.
 */
export const PeerTable = memo(PeerTableImpl) as typeof PeerTableImpl;
