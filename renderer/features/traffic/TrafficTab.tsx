// The Traffic tab: per-peer and per-interface traffic history recorded by main (live 15 minutes up to a
// year), top talkers, usage export, a ping from the router to the peer in focus, status transitions and
// desktop-notification opt-in per peer, and router health. Nothing here is measured or invented in the
// renderer: every rate comes from main's stored polls, and unmeasured time stays a gap.
import { useEffect, useMemo, useState } from 'react';
import { Crosshair, Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgPeer } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage, invoke, on } from '../../lib/api.ts';
import { downloadText } from '../../lib/download.ts';
import { shortenKey } from '../../lib/format.ts';
import { useNow, usePoll } from '../../lib/hooks.ts';
import { INTERFACE_LISTING_CHANGES, PEER_ROW_CHANGES, useModelRefresh } from '../../lib/model-refresh.ts';
import { onlineCountShown, type Freshness } from '../../lib/peer-status.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { UnknownPartsBanner } from '../../ui/UnknownPartsBanner.tsx';
import { useInterfaces } from '../interfaces/store.ts';
import { usePeers } from '../peers/store.ts';
import { useRouters } from '../routers/store.ts';
import { usePollIntervalMs, useSettings } from '../settings/store.ts';
import { HealthSection } from './HealthSection.tsx';
import { PeerPanel } from './PeerPanel.tsx';
import { PeerPicker } from './PeerPicker.tsx';
import { defaultInterface, displayName, interfaceNames } from './peer-model.ts';
import { StatusEvents } from './StatusEvents.tsx';
import { DEFAULT_VIEW, useHealth, useStatusEvents, useTrafficView, useWatched } from './store.ts';
import { ThroughputPanel } from './ThroughputPanel.tsx';
import { TopTalkers } from './TopTalkers.tsx';
import './traffic.css';

/** Pushed transitions arrive at once; this re-read only catches what happened while the window slept. */
const EVENTS_REFRESH_MS = 60_000;

const NO_PEERS: readonly WgPeer[] = [];

export function TrafficTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pollMs = usePollIntervalMs();
  const notificationsOn = useSettings((s) => s.settings.notifications);
  const routerOnline = useRouters((s) => s.statuses[routerId]?.state) === 'online';

  const fetchHealth = useHealth((s) => s.fetch);
  const fetchPeers = usePeers((s) => s.fetch);
  const fetchInterfaces = useInterfaces((s) => s.fetch);
  const loadEvents = useStatusEvents((s) => s.load);
  const pushEvent = useStatusEvents((s) => s.push);
  const loadWatched = useWatched((s) => s.load);

  usePoll(routerId, () => fetchHealth(routerId), pollMs);
  usePoll(routerId, () => loadEvents(routerId), EVENTS_REFRESH_MS);
  // Names, addresses and statuses for the scope picker: read on open and on each pushed change of the
  // router's model (a status decided by a poll included), as on the Peers and Interfaces tabs. Not for
  // counters alone: nothing here shows a peer row's rx, tx or handshake (the charts read their series).
  useModelRefresh(routerId, routerOnline ? 'online' : 'not-online', [
    { read: fetchPeers, changes: PEER_ROW_CHANGES },
    { read: fetchInterfaces, changes: INTERFACE_LISTING_CHANGES },
  ]);
  useEffect(() => {
    void loadWatched(routerId);
  }, [routerId, loadWatched]);
  useEffect(() => on('monitor:event', pushEvent), [pushEvent]);

  const view = useTrafficView((s) => s.byRouter[routerId]) ?? DEFAULT_VIEW;
  const setScope = useTrafficView((s) => s.setScope);
  const setRange = useTrafficView((s) => s.setRange);
  const peersRead = usePeers((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  const ifaceRead = useInterfaces((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  const peers = peersRead.data?.rows ?? NO_PEERS;
  const freshness: Freshness = { source: peersRead.data?.source ?? 'live', seenAt: peersRead.data?.seenAt ?? null };
  const unknown = peersRead.data?.unknown ?? ifaceRead.data?.unknown ?? [];

  const names = useMemo(() => interfaceNames(ifaceRead.data?.rows, peersRead.data?.rows, view.scope.interface ? [view.scope.interface] : []), [ifaceRead.data, peersRead.data, view.scope.interface]);
  const iface = view.scope.interface !== null && names.includes(view.scope.interface) ? view.scope.interface : defaultInterface(names, peersRead.data?.rows);
  const publicKey = view.scope.interface === iface ? view.scope.publicKey : null;
  const peer = publicKey ? peers.find((p) => p.interface === iface && p.publicKey === publicKey) : undefined;
  const peerName = publicKey ? (peer ? displayName(peer) : (view.scope.label ?? shortenKey(publicKey))) : null;

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      // Semicolons for locales that write decimals with a comma (a BOM comes with them for Excel).
      const { fileName, csv } = await invoke('traffic:usageCsv', { routerId, range: view.range, delimiter: locale.startsWith('tr') ? ';' : ',' });
      downloadText(fileName, csv, 'text/csv;charset=utf-8');
    } catch (error) {
      setExportError(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  if (iface === null) {
    const stillLoading = (!peersRead.data && !peersRead.error) || (!ifaceRead.data && !ifaceRead.error);
    return (
      <div className="tab-content traffic" data-testid="traffic-tab">
        <UnknownPartsBanner routerId={routerId} unknown={unknown} />
        {stillLoading ? (
          <LoadingState label={t('trafficView.loading')} />
        ) : peersRead.error && ifaceRead.error ? (
          <Banner tone="warn" title={t('trafficView.noInterfacesRead')} data-testid="traffic-no-interfaces">
            {ifaceRead.error.message}
          </Banner>
        ) : (
          <EmptyState title={t('trafficView.noInterfaces')} data-testid="traffic-no-interfaces">
            {t('trafficView.noInterfacesBody')}
          </EmptyState>
        )}
        <HealthSection routerId={routerId} />
      </div>
    );
  }

  const range = view.range;

  return (
    <div className="tab-content traffic" data-testid="traffic-tab">
      <UnknownPartsBanner routerId={routerId} unknown={unknown} />
      <div className="toolbar traffic-toolbar">
        <label className="toolbar-label" htmlFor="traffic-iface">
          {t('trafficView.interface')}
        </label>
        <select id="traffic-iface" className="select traffic-iface" value={iface} onChange={(event) => setScope(routerId, { interface: event.target.value, publicKey: null })} data-testid="scope-interface">
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <PeerPicker iface={iface} peers={peers} freshness={freshness} publicKey={publicKey} selectedLabel={peerName} onChange={(scope) => setScope(routerId, scope)} />
        {peersRead.data ? <InterfaceOnline peers={peers} iface={iface} freshness={freshness} locale={locale} /> : null}
        <span className="spacer" />
        <Button size="sm" icon={<Download size={14} aria-hidden />} busy={exporting} onClick={() => void exportCsv()} title={t('trafficView.exportHint', { range: t(`trafficView.rangeLong.${range}`) })} data-testid="export-usage">
          {t('trafficView.export')}
        </Button>
      </div>
      {exportError ? (
        <Banner tone="danger" compact title={t('trafficView.exportFailed')} data-testid="export-error">
          {exportError}
        </Banner>
      ) : null}

      <ThroughputPanel routerId={routerId} iface={iface} publicKey={publicKey} peerName={peerName} range={range} onRange={(value) => setRange(routerId, value)} pollMs={pollMs} routerOnline={routerOnline} locale={locale} />

      <div className="traffic-grid">
        <TopTalkers
          routerId={routerId}
          iface={iface}
          range={range}
          selectedKey={publicKey ? `${iface}|${publicKey}` : null}
          pollMs={pollMs}
          locale={locale}
          onFocus={(row) => setScope(routerId, { interface: row.interface, publicKey: row.publicKey, label: displayName(row) })}
        />
        <div className="traffic-side">
          {publicKey && peerName ? (
            <PeerPanel routerId={routerId} iface={iface} publicKey={publicKey} name={peerName} peer={peer} freshness={freshness} routerOnline={routerOnline} notificationsOn={notificationsOn} locale={locale} />
          ) : (
            <section className="panel peer-hint" data-testid="peer-panel-empty">
              <Crosshair size={16} aria-hidden className="faint" />
              <p className="muted small">{t('trafficView.pickPeerHint')}</p>
            </section>
          )}
          <StatusEvents routerId={routerId} peer={publicKey && peerName ? { interface: iface, publicKey, name: peerName } : null} locale={locale} />
        </div>
      </div>

      <HealthSection routerId={routerId} />
    </div>
  );
}

/** "2 of 6 peers online" for the interface in scope (last-known while the router is unreachable). Its own
 * component, so the age in it ticks without re-rendering the charts. */
function InterfaceOnline({ peers, iface, freshness, locale }: { peers: readonly WgPeer[]; iface: string; freshness: Freshness; locale: string }) {
  const { t } = useTranslation();
  const now = useNow(freshness.source === 'cache' ? 1000 : 60_000);
  const counts = useMemo(() => {
    let online = 0;
    let total = 0;
    for (const p of peers) {
      if (p.interface !== iface) continue;
      total += 1;
      if (p.status === 'online') online += 1;
    }
    return { online, total };
  }, [peers, iface]);
  const shown = onlineCountShown(counts.online, counts.total, freshness, now, t, locale);
  return (
    <span className="toolbar-count" data-testid="traffic-online" data-online={counts.online} data-last-known={shown.lastKnown}>
      {shown.text}
    </span>
  );
}
