// The peers table: a column set over the generic VirtualTable. Kept separate from the tab so later
// management features (selection, bulk actions) can reuse it with extra columns.
import { useMemo, type ReactNode } from 'react';
import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgPeer } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatAge, formatBytes } from '../../lib/format.ts';
import { PEER_STATUS_VIEW } from '../../lib/status.ts';
import { StatusText } from '../../ui/StatusPill.tsx';
import { VirtualTable, type Column } from '../../ui/VirtualTable.tsx';
import { peerEndpoint, peerLabel, type PeerSort, type PeerSortColumn } from './peer-view.ts';

export interface PeerTableProps {
  rows: readonly WgPeer[];
  sort: PeerSort;
  onSort: (column: PeerSortColumn) => void;
  /** When the rows were read (router time), to age handshakes while they stay on screen. */
  seenAt: number | null;
  now: number;
  empty: ReactNode;
  /** Extra columns placed before the built-in ones (e.g. a selection checkbox, later). */
  leadingColumns?: ReadonlyArray<Column<WgPeer, string>>;
}

const NO_COLUMNS: ReadonlyArray<Column<WgPeer, string>> = [];

export function PeerTable({ rows, sort, onSort, seenAt, now, empty, leadingColumns = NO_COLUMNS }: PeerTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const elapsed = seenAt ? Math.max(0, now - seenAt) : 0;

  const columns = useMemo<Array<Column<WgPeer, string>>>(
    () => [
      ...leadingColumns,
      {
        id: 'status',
        header: t('peers.status'),
        width: '150px',
        sortable: true,
        cell: (p) => {
          const view = PEER_STATUS_VIEW[p.status];
          return <StatusText tone={view.tone} label={t(view.labelKey)} />;
        },
      },
      {
        id: 'name',
        header: t('peers.name'),
        width: 'minmax(150px, 2fr)',
        sortable: true,
        cell: (p) => {
          const label = peerLabel(p);
          const title = [p.name, p.comment].filter(Boolean).join(' — ');
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
                <span className="dynamic-mark" title={t('peers.dynamicTitle')} data-testid="peer-dynamic">
                  <Lock size={12} aria-hidden />
                  <span className="visually-hidden">{t('peers.dynamicTitle')}</span>
                </span>
              ) : null}
            </>
          );
        },
      },
      {
        id: 'interface',
        header: t('peers.interface'),
        width: 'minmax(100px, 0.6fr)',
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
        width: 'minmax(136px, 1fr)',
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
        width: 'minmax(168px, 1fr)',
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
        width: '104px',
        align: 'end',
        sortable: true,
        className: 'num',
        cell: (p) => (p.lastHandshakeMs === null ? <span className="faint">{t('peers.never')}</span> : <span>{formatAge(p.lastHandshakeMs + elapsed, t)}</span>),
      },
      { id: 'rx', header: t('peers.rx'), width: '80px', align: 'end', sortable: true, className: 'num', cell: (p) => formatBytes(p.rx, locale) },
      { id: 'tx', header: t('peers.tx'), width: '80px', align: 'end', sortable: true, className: 'num', cell: (p) => formatBytes(p.tx, locale) },
    ],
    [t, locale, elapsed, leadingColumns],
  );

  return (
    <VirtualTable<WgPeer, string>
      rows={rows}
      columns={columns}
      rowKey={(p) => p.id}
      sort={sort}
      onSort={(column) => onSort(column as PeerSortColumn)}
      minWidth={960}
      empty={empty}
      aria-label={t('peers.tableLabel')}
      rowTestId={(p) => `peer-row-${p.id}`}
      rowClassName={(p) => (p.disabled ? 'row-disabled' : undefined)}
      data-testid="peers-table"
    />
  );
}
