// Peers of one router: search, filters and sort over a virtualised table that stays quick at 10,000 rows,
// and the management around it: add, edit, enable/disable, rotate keys, delete, bulk changes on a
// selection, CSV import and export. Changes need a live connection; offline the last-known rows stay on
// screen and every change is switched off with the reason.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Copy, Download, FileSpreadsheet, FileUp, FilterX, KeyRound, Lock, Pencil, Plus, Power, PowerOff, QrCode, RotateCw, Search, Stethoscope, Trash2, Users, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApplyReportView, InvokeOutput, ManagedPeer } from '../../../src/contract/index.ts';
import { parseRouterOsVersion, peerFeatures } from '../../../src/domain/routeros-version.ts';
import { useLocale } from '../../i18n/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { downloadText } from '../../lib/download.ts';
import { isNoteworthy } from '../../lib/change-plan.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useFindShortcut, useNow } from '../../lib/hooks.ts';
import { INTERFACE_LISTING_CHANGES, PEER_COUNTER_CHANGES, PEER_ROW_CHANGES, useModelRefresh } from '../../lib/model-refresh.ts';
import { markFilterApplied, markFilterInput } from '../../lib/perf.ts';
import { lastKnownNote, statusFilterLabel, statusTone, type Freshness } from '../../lib/peer-status.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { ApplyReportPanel } from '../../ui/ApplyReport.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { MenuButton, type MenuItem } from '../../ui/MenuButton.tsx';
import { LoadingState, NotReadYet, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { FreshnessLabel, SourceBanner } from '../../ui/SourceBanner.tsx';
import { StatusDot, StatusText } from '../../ui/StatusPill.tsx';
import { UnknownPartsBanner } from '../../ui/UnknownPartsBanner.tsx';
import type { Column } from '../../ui/VirtualTable.tsx';
import { useInterfaces } from '../interfaces/store.ts';
import { useRouters } from '../routers/store.ts';
import { useSettings } from '../settings/store.ts';
import { ConfigDialog } from '../configs/ConfigDialog.tsx';
import { ExportDialog } from '../configs/ExportDialog.tsx';
import { BulkDialog, type BulkAction } from './BulkDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { DeletePeerDialog, RotateKeysDialog, TogglePeerDialog } from './PeerActionDialogs.tsx';
import { PeerFormDialog } from './PeerFormDialog.tsx';
import { startingInterface } from './peer-form.ts';
import { buildSearchIndex, countPeers, filterPeers, peerTitle, sortPeers, type PeerStatusFilter } from './peer-view.ts';
import { PeerTable } from './PeerTable.tsx';
import { SecretDialog, type SecretResult } from './SecretDialog.tsx';
import { clickRow, headerState, isSelectable, routerMadeInterfaces, selectedPeers, toggleAllShown, type HeaderState } from './selection.ts';
import { fetchManagedPeerCounters, useManagedPeers } from './store.ts';
import { DEFAULT_PEER_VIEW, peerViewActions, usePeerView } from './view-store.ts';
import { DoctorDialog } from '../doctor/DoctorDialog.tsx';
import { useAddPeerIntent } from './add-intent.ts';

const STATUS_FILTERS: readonly PeerStatusFilter[] = ['all', 'online', 'offline', 'never-connected', 'disabled'];

type PeerDialog =
  | { kind: 'create' }
  | { kind: 'edit'; peer: ManagedPeer }
  | { kind: 'delete'; peer: ManagedPeer }
  | { kind: 'toggle'; peer: ManagedPeer; disabled: boolean }
  | { kind: 'rotate'; peer: ManagedPeer }
  | { kind: 'bulk'; action: BulkAction; peers: ManagedPeer[] }
  | { kind: 'import' }
  | { kind: 'secret'; result: SecretResult }
  | { kind: 'config'; peer: ManagedPeer }
  | { kind: 'doctor'; peer: ManagedPeer }
  | { kind: 'exportConfigs'; peers: ManagedPeer[] }
  | null;

type ImportJob = InvokeOutput<'peers:importJobs'>[number];

const NO_SELECTION: ReadonlySet<string> = new Set();

function usableRows<T>(data: { source: 'live' | 'cache'; seenAt: number | null; rows: T[] } | null | undefined): T[] | undefined {
  if (!data || (data.source === 'cache' && data.seenAt === null)) return undefined;
  return data.rows;
}

export function PeersTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const fetch = useManagedPeers((s) => s.fetch);
  const read = useManagedPeers((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  const fetchInterfaces = useInterfaces((s) => s.fetch);
  // A cache answer without a read time (the router was never read) is not a list of interfaces.
  const interfaces = useInterfaces((s) => usableRows(s.byRouter[routerId]?.data));
  const online = useRouters((s) => s.statuses[routerId]?.state === 'online');
  const routerVersion = useRouters((s) => s.profiles.find((p) => p.id === routerId)?.version ?? null);
  const searchRef = useRef<HTMLInputElement>(null);
  useFindShortcut(searchRef);
  // Read on open and on every pushed change of this router's peers (or interfaces, for the forms); keyed by
  // the connection too, so a router coming (back) online is read at once.
  useModelRefresh(routerId, online ? 'online' : 'not-online', [
    { read: fetch, changes: PEER_ROW_CHANGES },
    // A poll that moved only counters is merged into the rows on screen, not read as a whole listing.
    { read: fetchManagedPeerCounters, changes: PEER_COUNTER_CHANGES },
    { read: fetchInterfaces, changes: INTERFACE_LISTING_CHANGES },
  ]);

  // This router's own view: what was picked on another router never applies here.
  const view = usePeerView((s) => s.byRouter[routerId]) ?? DEFAULT_PEER_VIEW;
  // Stable, so the memoised table and empty state do not re-render for new setter functions.
  const { setSearch, setStatus, setInterface, toggleSort, reset, rememberAddInterface } = useMemo(() => peerViewActions(routerId), [routerId]);
  const { sort } = view;

  const [dialog, setDialog] = useState<PeerDialog>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const [actionError, setActionError] = useState<ActionError | null>(null);
  // The report of the last change applied from here, when it has something to say (differences, rollback).
  const [lastReport, setLastReport] = useState<ApplyReportView | null>(null);
  const noteReport = useCallback((report: ApplyReportView | undefined) => setLastReport(isNoteworthy(report) ? report : null), []);
  const skipPreview = useSettings((s) => s.settings.skipPreviewForSinglePeer);
  const [busyPeer, setBusyPeer] = useState<string | null>(null);
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const lastClicked = useRef<number | null>(null);

  const rows = read.data?.rows;
  const index = useMemo(() => (rows ? buildSearchIndex(rows) : []), [rows]);
  const counts = useMemo(() => countPeers(rows ?? []), [rows]);
  // A remembered interface this router no longer has (deleted or renamed since) filters nothing and is not
  // sent with an export: the filter reads "all interfaces" until the name exists again.
  const filters = useMemo(() => {
    const { iface } = view.filters;
    const known = iface === '' || counts.interfaces.includes(iface) || (interfaces ?? []).some((i) => i.name === iface);
    return known ? view.filters : { ...view.filters, iface: '' };
  }, [view.filters, counts.interfaces, interfaces]);
  // Typing stays instant; filtering 10,000 rows follows a frame behind when the machine is busy.
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);
  const vanishedCount = useMemo(() => (rows ?? []).filter((p) => p.vanishedAt !== null).length, [rows]);
  const filtered = useMemo(() => (rows ? filterPeers(rows, index, deferredFilters) : []), [rows, index, deferredFilters]);
  const visible = useMemo(() => sortPeers(filtered, deferredSort), [filtered, deferredSort]);
  const stale = filters !== deferredFilters || sort !== deferredSort;
  const picked = useMemo(() => selectedPeers(selected, rows ?? []), [selected, rows]);
  const pickedHidden = useMemo(() => {
    if (picked.length === 0) return 0;
    const shown = new Set(visible.map((p) => p.id));
    return picked.filter((p) => !shown.has(p.id)).length;
  }, [picked, visible]);
  const header = useMemo(() => headerState(selected, visible), [selected, visible]);
  const hasNames = useMemo(() => {
    const parsed = parseRouterOsVersion(routerVersion ?? '');
    return parsed.ok ? peerFeatures(parsed.value).name : true;
  }, [routerVersion]);
  // Router-made interfaces (flagged dynamic, or known by their peers all being dynamic) take no new peers.
  const editableInterfaces = useMemo(() => {
    const routerMade = routerMadeInterfaces(rows ?? []);
    return (interfaces ?? []).filter((i) => !i.dynamic && !routerMade.has(i.name));
  }, [interfaces, rows]);
  // Add and import start on the interface being looked at, else the one this router's last new peer went
  // to, else its first: always one of this router's own.
  const newPeerInterface = startingInterface(editableInterfaces, filters.iface, view.addInterface);

  // The benchmark's filter-keystroke mark: the filtered rows for the latest text are in the DOM (measured
  // to the paint that follows).
  useLayoutEffect(() => {
    if (!stale) markFilterApplied();
  }, [deferredFilters, stale]);

  const loadJobs = useCallback(() => {
    invoke('peers:importJobs', { routerId }).then(setJobs, () => setJobs([]));
  }, [routerId]);
  useEffect(() => {
    loadJobs();
  }, [loadJobs]);

  // Dialogs need the interface list (names, listen ports, keys); it is read with the peers, and once more
  // when a dialog opens before it arrived. After our own change main pushes model:changed as well; reading
  // at once keeps the answer on screen without waiting for that.
  const interfacesLoaded = interfaces !== undefined;
  const refresh = useCallback(() => {
    void fetch(routerId);
    void fetchInterfaces(routerId);
  }, [fetch, fetchInterfaces, routerId]);

  const open = useCallback(
    (next: Exclude<PeerDialog, null>) => {
      setDialog(next);
      if (usableRows(useInterfaces.getState().byRouter[routerId]?.data)) return;
      void fetchInterfaces(routerId).then((result) => {
        if (result.ok && usableRows(result.value)) return;
        setDialog(null);
        setActionError(result.ok ? { code: 'OFFLINE', message: t('peers.noInterfacesYet'), details: undefined } : { code: result.error.code, message: result.error.message, details: undefined });
      });
    },
    [fetchInterfaces, routerId, t],
  );
  // Asked from elsewhere (the set-up wizard's "Add the first peer"): the Add-peer form once, on arrival.
  // (Opened after this render, as the row menu would: take() answers once, so it opens once.)
  useEffect(() => {
    if (useAddPeerIntent.getState().take(routerId)) void Promise.resolve().then(() => open({ kind: 'create' }));
  }, [routerId, open]);

  const setDisabled = useCallback(
    async (peer: ManagedPeer, disabled: boolean) => {
      setActionError(null);
      setLastReport(null);
      if (!skipPreview) {
        setDialog({ kind: 'toggle', peer, disabled });
        return;
      }
      setBusyPeer(peer.id);
      try {
        const result = await invoke('peers:setDisabled', { routerId, peerId: peer.id, disabled });
        noteReport(result.report);
        refresh();
      } catch (e) {
        setActionError(toActionError(e));
      } finally {
        setBusyPeer(null);
      }
    },
    [routerId, refresh, skipPreview, noteReport],
  );

  // A peer whose add lost its answer but stands on the router: the key meant to be shown once waits, sealed.
  const revealHeld = useCallback(
    async (peer: ManagedPeer) => {
      setActionError(null);
      setBusyPeer(peer.id);
      try {
        const shown = await invoke('peers:revealHeldKey', { routerId, peerId: peer.id });
        setDialog({ kind: 'secret', result: { peer: shown.peer, warnings: [], secret: shown.secret, origin: 'create' } });
        refresh();
      } catch (e) {
        setActionError(toActionError(e));
      } finally {
        setBusyPeer(null);
      }
    },
    [routerId, refresh],
  );
  const heldPeers = useMemo(() => (rows ?? []).filter((p) => p.keyCustody === 'held' && p.vanishedAt === null), [rows]);

  const blockedReason = useCallback(
    (p: ManagedPeer): string | null => {
      if (p.vanishedAt !== null) return t('peers.menuVanished', { time: formatDateTime(p.vanishedAt, locale, Date.now()) });
      if (p.readOnlyReason) return p.readOnlyReason;
      if (!online) return t('peers.offlineEdits');
      return null;
    },
    [t, locale, online],
  );

  const selectColumn = useMemo<Column<ManagedPeer>>(
    () => ({
      id: 'select',
      header: (
        <HeaderCheckbox
          state={header}
          label={t('peers.selectAllShown')}
          onToggle={() => {
            setSelected((s) => toggleAllShown(s, visible));
            lastClicked.current = null;
          }}
        />
      ),
      width: '34px',
      align: 'center',
      cell: (p) => (
        <input
          type="checkbox"
          className="row-check"
          checked={selected.has(p.id)}
          disabled={!isSelectable(p)}
          title={isSelectable(p) ? undefined : (blockedReason(p) ?? undefined)}
          aria-label={t('peers.selectPeer', { name: peerTitle(p) })}
          onClick={(e) => {
            // Read before the update: the updater runs later, after lastClicked moved on to this row.
            const at = visible.indexOf(p);
            const last = lastClicked.current;
            const shift = e.shiftKey;
            setSelected((s) => clickRow(s, visible, at, last, shift));
            lastClicked.current = at;
          }}
          onChange={() => undefined}
          data-testid={`select-${p.id}`}
        />
      ),
    }),
    [header, selected, visible, t, blockedReason],
  );

  const actionsColumn = useMemo<Column<ManagedPeer>>(
    () => ({
      id: 'actions',
      header: <span className="visually-hidden">{t('peers.actions')}</span>,
      width: '40px',
      align: 'center',
      pinnedEnd: true,
      cell: (p) => {
        const name = peerTitle(p);
        // Labels and reasons are only worked out when the menu opens: the table renders none of them.
        const notes = () => {
          const blocked = blockedReason(p);
          const lines: string[] = [];
          if (blocked) lines.push(blocked);
          if (!p.hasPrivateKey && p.keyCustody !== 'held' && p.vanishedAt === null && !p.dynamic) lines.push(`${p.keyCustody === 'shown-once' ? t('peers.keyShownOnce') : t('peers.noKey')}. ${t('peers.noKeyBody')}`);
          return lines.length > 0 ? lines.map((n) => <p key={n}>{n}</p>) : null;
        };
        const items = (): MenuItem[] => {
          const blocked = blockedReason(p) !== null;
          return [
            ...(p.keyCustody === 'held'
              ? [{ id: 'reveal', label: t('peers.revealHeld'), icon: <KeyRound size={14} aria-hidden />, disabled: !online || busyPeer === p.id, onSelect: () => void revealHeld(p), testId: 'peer-action-reveal' }]
              : []),
            { id: 'edit', label: t('peers.edit'), icon: <Pencil size={14} aria-hidden />, disabled: blocked, onSelect: () => open({ kind: 'edit', peer: p }), testId: 'peer-action-edit' },
            p.disabled
              ? { id: 'enable', label: t('peers.enable'), icon: <Power size={14} aria-hidden />, disabled: blocked || busyPeer === p.id, onSelect: () => void setDisabled(p, false), testId: 'peer-action-enable' }
              : { id: 'disable', label: t('peers.disable'), icon: <PowerOff size={14} aria-hidden />, disabled: blocked || busyPeer === p.id, onSelect: () => void setDisabled(p, true), testId: 'peer-action-disable' },
            ...(p.status !== 'online' && p.vanishedAt === null && !p.dynamic
              ? [{ id: 'doctor', label: t('doctor.action'), icon: <Stethoscope size={14} aria-hidden />, disabled: !online, onSelect: () => setDialog({ kind: 'doctor', peer: p }), testId: 'peer-action-doctor' }]
              : []),
            { id: 'config', label: t('configs.rowAction'), icon: <QrCode size={14} aria-hidden />, disabled: p.vanishedAt !== null, onSelect: () => setDialog({ kind: 'config', peer: p }), testId: 'peer-action-config' },
            { id: 'rotate', label: t('peers.rotate'), icon: <RotateCw size={14} aria-hidden />, disabled: blocked, onSelect: () => open({ kind: 'rotate', peer: p }), testId: 'peer-action-rotate' },
            { id: 'copy', label: t('peers.copyKey'), icon: <Copy size={14} aria-hidden />, onSelect: () => void navigator.clipboard.writeText(p.publicKey).catch(() => undefined), testId: 'peer-action-copy' },
            { id: 'delete', label: t('peers.delete'), icon: <Trash2 size={14} aria-hidden />, danger: true, disabled: blocked, onSelect: () => setDialog({ kind: 'delete', peer: p }), testId: 'peer-action-delete' },
          ];
        };
        return <MenuButton label={t('peers.actionsFor', { name })} items={items} note={notes} data-testid={`peer-actions-${p.id}`} />;
      },
    }),
    [t, blockedReason, busyPeer, setDisabled, open, online, revealHeld],
  );

  const leading = useMemo(() => [selectColumn], [selectColumn]);
  const trailing = useMemo(() => [actionsColumn], [actionsColumn]);
  const statusCell = useCallback(
    (p: ManagedPeer) =>
      p.vanishedAt !== null ? (
        <StatusText tone="danger" label={t('peers.vanished')} title={t('peers.vanishedAt', { time: formatDateTime(p.vanishedAt, locale, Date.now()) })} data-testid="peer-vanished" />
      ) : undefined,
    [t, locale],
  );
  const readOnlyReason = useCallback((p: ManagedPeer) => p.readOnlyReason, []);
  const rowClassName = useCallback((p: ManagedPeer) => [p.vanishedAt !== null ? 'row-vanished' : '', selected.has(p.id) ? 'row-selected' : ''].filter(Boolean).join(' ') || undefined, [selected]);

  const exportCsv = async (delimiter: ',' | ';') => {
    setActionError(null);
    try {
      const out = await invoke('peers:exportCsv', { routerId, delimiter, bom: true, ...(filters.iface ? { interface: filters.iface } : {}) });
      downloadText(out.fileName, out.csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setActionError(toActionError(e));
    }
  };

  // The router refused its peer list: no rows means "unknown", never "no peers".
  const peersUnknown = read.data?.unknown.some((u) => u.part === 'peers') ?? false;
  // Stable, so the memoised table skips renders where nothing it shows changed.
  const empty = useMemo(
    () =>
      counts.total === 0 && peersUnknown ? (
        <EmptyState icon={<Users size={28} aria-hidden />} title={t('peers.unknownTitle')} data-testid="peers-unknown">
          {t('peers.unknownBody')}
        </EmptyState>
      ) : counts.total === 0 ? (
        <EmptyState
          icon={<Users size={28} aria-hidden />}
          title={t('peers.emptyTitle')}
          actions={
            online ? (
              <Button size="sm" variant="primary" icon={<Plus size={14} aria-hidden />} onClick={() => open({ kind: 'create' })}>
                {t('peers.add')}
              </Button>
            ) : null
          }
          data-testid="peers-empty"
        >
          {t('peers.emptyBody')}
        </EmptyState>
      ) : (
        <EmptyState title={t('peers.noMatchTitle')} actions={<Button size="sm" onClick={reset}>{t('peers.clearFilters')}</Button>} data-testid="peers-no-match">
          {t('peers.noMatchBody')}
        </EmptyState>
      ),
    [counts.total, peersUnknown, online, t, reset, open],
  );

  const { data, error, loading } = read;
  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('peers.what')} onRetry={() => void fetch(routerId)} busy={loading} connected={online} />;
    return <LoadingState label={t('peers.loading')} />;
  }
  // A cache answer without a read time means WireDesk never reached this router: no rows is not "none".
  if (data.source === 'cache' && data.seenAt === null) return <NotReadYet what={t('peers.what')} onRetry={() => void fetch(routerId)} busy={loading} connected={online} />;
  const freshness: Freshness = { source: data.source, seenAt: data.seenAt };
  const note = lastKnownNote(freshness, now, t);

  const filtering = filters.search !== '' || filters.status !== 'all' || filters.iface !== '';
  const ifaceMissing = filters.iface !== '' && !counts.interfaces.includes(filters.iface);
  const ifaceInfo = (name: string) => {
    const found = interfaces?.find((i) => i.name === name);
    return found ? { listenPort: found.listenPort, publicKey: found.publicKey } : null;
  };
  const closeDialog = () => setDialog(null);

  return (
    <div className="tab-content" data-testid="peers-tab">
      <SourceBanner source={data.source} seenAt={data.seenAt} error={error} now={now} />
      <UnknownPartsBanner routerId={routerId} unknown={data.unknown} />
      {heldPeers.length > 0 ? (
        <Banner tone="warn" title={t('peers.heldTitle', { count: heldPeers.length })} data-testid="peers-held-keys">
          <p>{t('peers.heldBody', { count: heldPeers.length })}</p>
          <div className="held-keys">
            {heldPeers.slice(0, 5).map((p) => (
              <Button key={p.id} size="sm" icon={<KeyRound size={14} aria-hidden />} disabled={!online || busyPeer === p.id} onClick={() => void revealHeld(p)} data-testid={`peer-reveal-${p.id}`}>
                {t('peers.revealHeldOf', { name: peerTitle(p) })}
              </Button>
            ))}
          </div>
        </Banner>
      ) : null}
      {!online ? (
        <p className="offline-note" data-testid="edits-disabled">
          <Lock size={14} aria-hidden />
          <span>{t('peers.offlineNote')}</span>
        </p>
      ) : null}
      {jobs.length > 0 ? (
        <Banner
          tone="warn"
          compact
          title={t('import.interruptedShort', { count: jobs.length, pending: formatCount(jobs.reduce((n, j) => n + j.counts.pending, 0), locale) })}
          actions={
            <Button size="sm" onClick={() => open({ kind: 'import' })} busy={dialog?.kind === 'import' && !interfacesLoaded} data-testid="open-interrupted-import">
              {t('import.review')}
            </Button>
          }
          data-testid="interrupted-import"
        />
      ) : null}
      <div className="toolbar">
        <div className="search-box">
          <Search size={15} aria-hidden className="search-icon" />
          <input
            ref={searchRef}
            type="search"
            className="input"
            aria-keyshortcuts="Control+F Meta+F /"
            value={filters.search}
            onChange={(e) => {
              markFilterInput();
              setSearch(e.target.value);
            }}
            placeholder={t('peers.searchPlaceholder')}
            aria-label={t('peers.searchLabel')}
            spellCheck={false}
            data-testid="peer-search"
          />
        </div>
        <select className="select compact" value={filters.status} onChange={(e) => setStatus(e.target.value as PeerStatusFilter)} aria-label={t('peers.statusFilter')} data-testid="peer-status-filter">
          {STATUS_FILTERS.map((f) => (
            <option key={f} value={f}>
              {f === 'all' ? t('peers.filterAll') : `${statusFilterLabel(f, freshness, t)} (${formatCount(counts.byStatus[f], locale)})`}
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
        <MenuButton
          label={t('peers.csvTitle')}
          triggerLabel={t('peers.csv')}
          triggerIcon={<FileSpreadsheet size={14} aria-hidden />}
          items={[
            { id: 'import', label: t('peers.import'), icon: <FileUp size={14} aria-hidden />, disabled: !online, onSelect: () => open({ kind: 'import' }), testId: 'peer-import' },
            { id: 'comma', label: t('peers.exportComma'), icon: <Download size={14} aria-hidden />, onSelect: () => void exportCsv(','), testId: 'export-comma' },
            { id: 'semicolon', label: t('peers.exportSemicolon'), icon: <Download size={14} aria-hidden />, onSelect: () => void exportCsv(';'), testId: 'export-semicolon' },
          ]}
          note={[!online ? t('peers.offlineImport') : null, filters.iface ? t('peers.exportScope', { iface: filters.iface }) : null].filter(Boolean).join(' ') || undefined}
          data-testid="peer-csv"
        />
        <Button
          size="sm"
          variant="primary"
          icon={<Plus size={14} aria-hidden />}
          onClick={() => open({ kind: 'create' })}
          busy={dialog?.kind === 'create' && !interfacesLoaded}
          disabled={!online}
          title={online ? undefined : t('peers.offlineEdits')}
          data-testid="add-peer"
        >
          {t('peers.add')}
        </Button>
      </div>
      {picked.length > 0 ? (
        <div className="bulk-bar" data-testid="bulk-bar">
          <span className="strong" data-testid="selected-count">
            {t('peers.selected', { count: picked.length, formatted: formatCount(picked.length, locale) })}
          </span>
          {pickedHidden > 0 ? <span className="muted small">{t('peers.selectedHidden', { count: pickedHidden })}</span> : null}
          <Button size="sm" icon={<Power size={14} aria-hidden />} disabled={!online} onClick={() => setDialog({ kind: 'bulk', action: 'enable', peers: picked })} data-testid="bulk-enable">
            {t('peers.enable')}
          </Button>
          <Button size="sm" icon={<PowerOff size={14} aria-hidden />} disabled={!online} onClick={() => setDialog({ kind: 'bulk', action: 'disable', peers: picked })} data-testid="bulk-disable">
            {t('peers.disable')}
          </Button>
          <Button size="sm" variant="ghost" className="danger-text" icon={<Trash2 size={14} aria-hidden />} disabled={!online} onClick={() => setDialog({ kind: 'bulk', action: 'delete', peers: picked })} data-testid="bulk-delete">
            {t('peers.delete')}
          </Button>
          <Button size="sm" icon={<QrCode size={14} aria-hidden />} onClick={() => setDialog({ kind: 'exportConfigs', peers: picked })} data-testid="bulk-export-configs">
            {t('configs.exportAction')}
          </Button>
          <span className="spacer" />
          {!online ? <span className="muted small">{t('peers.offlineEdits')}</span> : null}
          <Button size="sm" variant="ghost" icon={<X size={14} aria-hidden />} onClick={() => setSelected(NO_SELECTION)} data-testid="bulk-clear">
            {t('peers.clearSelection')}
          </Button>
        </div>
      ) : (
        <div className="peer-summary" data-testid="peer-summary" data-source={data.source}>
          <span data-testid="summary-online" data-count={counts.byStatus.online}>
            <StatusDot tone={statusTone('online', freshness)} /> {t('peers.summaryOnline', { count: counts.byStatus.online, formatted: formatCount(counts.byStatus.online, locale) })}
          </span>
          <span>
            <StatusDot tone={statusTone('offline', freshness)} /> {t('peers.summaryOffline', { count: counts.byStatus.offline, formatted: formatCount(counts.byStatus.offline, locale) })}
          </span>
          <span>
            <StatusDot tone={statusTone('never-connected', freshness)} /> {t('peers.summaryNever', { count: counts.byStatus['never-connected'], formatted: formatCount(counts.byStatus['never-connected'], locale) })}
          </span>
          {counts.byStatus.disabled > 0 ? (
            <span>
              <StatusDot tone={statusTone('disabled', freshness)} /> {t('peers.summaryDisabled', { count: counts.byStatus.disabled, formatted: formatCount(counts.byStatus.disabled, locale) })}
            </span>
          ) : null}
          {note ? (
            <span className="muted" data-testid="summary-last-known">
              {note}
            </span>
          ) : null}
          {vanishedCount > 0 ? (
            <span className="danger-text" data-testid="summary-vanished">
              {t('peers.summaryVanished', { count: vanishedCount, formatted: formatCount(vanishedCount, locale) })}
            </span>
          ) : null}
          <span className="spacer" />
          <span className={`toolbar-count${stale ? ' stale' : ''}`} data-testid="peer-count" aria-live="polite">
            {filtering
              ? t('peers.countFiltered', { shown: formatCount(visible.length, locale), total: formatCount(counts.total, locale), count: counts.total })
              : t('peers.count', { total: formatCount(counts.total, locale), count: counts.total })}
          </span>
          <FreshnessLabel source={data.source} seenAt={data.seenAt} now={now} loading={loading} />
        </div>
      )}
      {actionError ? <ActionErrorPanel error={actionError} failedTitle={t('peers.changeFailed')} onDismiss={() => setActionError(null)} data-testid="peers-action-error" /> : null}
      {lastReport ? (
        <div className="dismissable">
          <ApplyReportPanel report={lastReport} data-testid="peers-last-report" />
          <Button size="sm" variant="ghost" icon={<X size={14} aria-hidden />} onClick={() => setLastReport(null)} aria-label={t('common.close')} />
        </div>
      ) : null}
      <PeerTable<ManagedPeer>
        rows={visible}
        sort={sort}
        onSort={toggleSort}
        source={data.source}
        seenAt={data.seenAt}
        now={now}
        leadingColumns={leading}
        trailingColumns={trailing}
        statusCell={statusCell}
        readOnlyReason={readOnlyReason}
        rowClassName={rowClassName}
        empty={empty}
      />

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && interfacesLoaded ? (
        <PeerFormDialog
          routerId={routerId}
          interfaces={editableInterfaces}
          hasNames={hasNames}
          routerVersion={routerVersion}
          peer={dialog.kind === 'edit' ? dialog.peer : undefined}
          defaultInterface={newPeerInterface}
          onClose={closeDialog}
          onSaved={refresh}
          onSecret={(result) => {
            if (result.origin === 'create') rememberAddInterface(result.peer.interface);
            refresh();
            setDialog({ kind: 'secret', result });
          }}
          onRotate={(peer) => open({ kind: 'rotate', peer })}
        />
      ) : null}
      {dialog?.kind === 'secret' ? (
        <SecretDialog routerId={routerId} result={dialog.result} iface={ifaceInfo(dialog.result.peer.interface)} onClose={closeDialog} onPeerChanged={refresh} />
      ) : null}
      {dialog?.kind === 'doctor' ? <DoctorDialog routerId={routerId} peer={dialog.peer} onClose={closeDialog} onChanged={refresh} onRotate={() => open({ kind: 'rotate', peer: dialog.peer })} /> : null}
      {dialog?.kind === 'config' ? <ConfigDialog routerId={routerId} peer={dialog.peer} onClose={closeDialog} onPeerChanged={refresh} /> : null}
      {dialog?.kind === 'exportConfigs' ? <ExportDialog routerId={routerId} peers={dialog.peers} onClose={closeDialog} /> : null}
      {dialog?.kind === 'delete' ? (
        <DeletePeerDialog
          routerId={routerId}
          peer={dialog.peer}
          onClose={closeDialog}
          onDeleted={(report) => {
            noteReport(report);
            closeDialog();
            setSelected((s) => {
              const next = new Set(s);
              next.delete(dialog.peer.id);
              return next;
            });
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'toggle' ? (
        <TogglePeerDialog
          routerId={routerId}
          peer={dialog.peer}
          disabled={dialog.disabled}
          onClose={closeDialog}
          onDone={(report) => {
            noteReport(report);
            closeDialog();
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <RotateKeysDialog
          routerId={routerId}
          peer={dialog.peer}
          onClose={closeDialog}
          onRotated={(result) => {
            refresh();
            setDialog({ kind: 'secret', result });
          }}
        />
      ) : null}
      {dialog?.kind === 'bulk' ? (
        <BulkDialog
          routerId={routerId}
          action={dialog.action}
          peers={dialog.peers}
          onClose={closeDialog}
          onFinished={() => {
            setSelected(NO_SELECTION);
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' && interfacesLoaded ? (
        <ImportDialog
          routerId={routerId}
          interfaces={editableInterfaces}
          defaultInterface={newPeerInterface}
          online={online}
          onClose={() => {
            closeDialog();
            loadJobs();
          }}
          onChanged={refresh}
        />
      ) : null}
    </div>
  );
}

function HeaderCheckbox({ state, label, onToggle }: { state: HeaderState; label: string; onToggle: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return <input ref={ref} type="checkbox" className="row-check" checked={state === 'all'} onChange={onToggle} aria-label={label} title={label} data-testid="select-all" />;
}
