// The selected peer: is it up, how good is the tunnel right now (a ping sent by the router to the peer's
// tunnel address: every reply, loss and min/avg/max latency) and whether to raise a desktop notification
// when it goes online or offline.
import { useState } from 'react';
import { Bell, Radar } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PingResult, WgPeer } from '../../../src/contract/index.ts';
import { ApiError, errorMessage, invoke } from '../../lib/api.ts';
import { formatDateTime, formatDecimal } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { peerStatusShown, type Freshness } from '../../lib/peer-status.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { formatRatio } from './chart-model.ts';
import { pingTargets } from './peer-model.ts';
import { NO_WATCH, useWatched, watchKey } from './store.ts';

export const PING_COUNTS = [3, 5, 10] as const;

export interface PeerPanelProps {
  routerId: string;
  iface: string;
  publicKey: string;
  name: string;
  /** The router's current row for the peer; undefined when it is not (or not yet) listed. */
  peer: WgPeer | undefined;
  /** Where the peer listing comes from: live, or the last-known copy (the status is then "when last seen"). */
  freshness: Freshness;
  routerOnline: boolean;
  notificationsOn: boolean;
  locale: string;
}

export function PeerPanel({ routerId, iface, publicKey, name, peer, freshness, routerOnline, notificationsOn, locale }: PeerPanelProps) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const shown = peer ? peerStatusShown(peer, freshness, now, t) : null;
  const lastKnownTitle = shown?.lastKnown && freshness.seenAt ? t('peerStatus.lastKnownTitle', { time: formatDateTime(freshness.seenAt, locale, now) }) : undefined;
  return (
    <section className="panel peer-panel" aria-labelledby="peer-panel-heading" data-testid="peer-panel">
      <div className="peer-panel-head">
        <h2 id="peer-panel-heading" className="section-title ellipsis" title={publicKey}>
          {name}
        </h2>
        {shown ? <StatusPill tone={shown.tone} label={shown.label} title={lastKnownTitle} data-testid="peer-panel-status" /> : null}
      </div>
      <div className="faint small peer-panel-meta" title={peer?.allowedAddress.join(', ')}>
        {iface}
        {peer?.allowedAddress.length ? ` · ${peer.allowedAddress.join(', ')}` : ''}
      </div>
      {peer === undefined ? <p className="muted small">{t('trafficView.peerNotListed')}</p> : null}
      <NotifyToggle routerId={routerId} iface={iface} publicKey={publicKey} notificationsOn={notificationsOn} />
      <PingTool key={`${iface}|${publicKey}`} routerId={routerId} peer={peer} routerOnline={routerOnline} locale={locale} />
    </section>
  );
}

function NotifyToggle({ routerId, iface, publicKey, notificationsOn }: { routerId: string; iface: string; publicKey: string; notificationsOn: boolean }) {
  const { t } = useTranslation();
  const watch = useWatched((s) => s.byRouter[routerId]) ?? NO_WATCH;
  const setWatched = useWatched((s) => s.setWatched);
  const key = watchKey(iface, publicKey);
  const watched = watch.keys.has(key);
  return (
    <div className="notify">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={watched}
          disabled={!watch.loaded || watch.busy.has(key)}
          onChange={(event) => void setWatched(routerId, iface, publicKey, event.target.checked)}
          aria-describedby="notify-explain"
          data-testid="notify-toggle"
        />
        <Bell size={14} aria-hidden className="faint" />
        <span>{t('trafficView.notify')}</span>
      </label>
      <p id="notify-explain" className="muted small">
        {t('trafficView.notifyExplain')}
      </p>
      {!notificationsOn ? <p className="warn-text small">{t('trafficView.notifyOff')}</p> : null}
      {watch.error ? <p className="danger-text small">{watch.error.message}</p> : null}
    </div>
  );
}

interface PingState {
  busy: boolean;
  result: PingResult | null;
  error: { offline: boolean; message: string } | null;
}

function PingTool({ routerId, peer, routerOnline, locale }: { routerId: string; peer: WgPeer | undefined; routerOnline: boolean; locale: string }) {
  const { t } = useTranslation();
  const targets = pingTargets(peer?.allowedAddress ?? []);
  const [typed, setTyped] = useState<string | null>(null);
  const [count, setCount] = useState<number>(5);
  const [ping, setPing] = useState<PingState>({ busy: false, result: null, error: null });
  const address = (typed ?? targets.hosts[0] ?? '').trim();
  const ms = (value: number | null) => (value === null ? '—' : `${formatDecimal(value, locale, value < 10 ? 2 : 1)} ms`);

  const run = async () => {
    setPing({ busy: true, result: null, error: null });
    try {
      const result = await invoke('peers:ping', { routerId, address, count });
      setPing({ busy: false, result, error: null });
    } catch (error) {
      const offline = error instanceof ApiError && (error.code === 'OFFLINE' || error.code === 'CONNECT_FAILED' || error.code === 'CONNECTION_LOST');
      setPing({ busy: false, result: null, error: { offline, message: errorMessage(error) } });
    }
  };

  const result = ping.result;
  return (
    <div className="ping" data-testid="ping">
      <div className="ping-title">
        <Radar size={14} aria-hidden className="faint" />
        <span className="strong">{t('trafficView.pingTitle')}</span>
      </div>
      <form
        className="ping-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (address && routerOnline && !ping.busy) void run();
        }}
      >
        <label className="visually-hidden" htmlFor="ping-address">
          {t('trafficView.pingAddress')}
        </label>
        <input
          id="ping-address"
          className="input mono ping-address"
          list="ping-targets"
          value={typed ?? targets.hosts[0] ?? ''}
          placeholder={targets.networks[0] ? t('trafficView.pingAddressInNetwork', { network: targets.networks[0] }) : t('trafficView.pingAddressPlaceholder')}
          onChange={(event) => setTyped(event.target.value)}
          spellCheck={false}
          data-testid="ping-address"
        />
        <datalist id="ping-targets">
          {targets.hosts.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
        <label className="visually-hidden" htmlFor="ping-count">
          {t('trafficView.pingCount')}
        </label>
        <select id="ping-count" className="select ping-count" value={count} onChange={(event) => setCount(Number(event.target.value))} data-testid="ping-count">
          {PING_COUNTS.map((n) => (
            <option key={n} value={n}>
              {t('trafficView.pingCountOption', { count: n })}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" variant="primary" busy={ping.busy} disabled={!address || !routerOnline} data-testid="ping-run">
          {t('trafficView.pingRun')}
        </Button>
      </form>
      {!routerOnline ? (
        <p className="warn-text small" data-testid="ping-offline-note">
          {t('trafficView.pingRouterOffline')}
        </p>
      ) : null}
      {ping.busy ? (
        <p className="muted small" role="status">
          {t('trafficView.pingBusy', { address, seconds: count })}
        </p>
      ) : null}
      {ping.error ? (
        <Banner tone={ping.error.offline ? 'warn' : 'danger'} compact title={ping.error.offline ? t('trafficView.pingOfflineTitle') : t('trafficView.pingFailed')} data-testid="ping-error">
          {ping.error.offline ? t('trafficView.pingRouterOffline') : ping.error.message}
        </Banner>
      ) : null}
      {result ? (
        <div className="ping-result" data-testid="ping-result" data-loss={result.lossPercent} data-received={result.received}>
          <dl className="ping-stats">
            <div>
              <dt>{t('trafficView.pingLoss')}</dt>
              <dd className={`num ${result.lossPercent === 0 ? 'ok-text' : result.lossPercent >= 100 ? 'danger-text' : 'warn-text'}`} data-testid="ping-loss">
                {formatRatio(result.lossPercent / 100, locale)}
              </dd>
              <dd className="ping-stat-sub">{t('trafficView.pingReceived', { received: result.received, sent: result.sent })}</dd>
            </div>
            <div>
              <dt>{t('trafficView.pingMin')}</dt>
              <dd className="num">{ms(result.minMs)}</dd>
            </div>
            <div>
              <dt>{t('trafficView.pingAvg')}</dt>
              <dd className="num">{ms(result.avgMs)}</dd>
            </div>
            <div>
              <dt>{t('trafficView.pingMax')}</dt>
              <dd className="num">{ms(result.maxMs)}</dd>
            </div>
          </dl>
          <ol className="ping-replies">
            {result.replies.map((reply, index) => (
              <li key={`${reply.seq}-${index}`} className={reply.timeMs === null ? 'lost' : ''} data-testid="ping-reply">
                <span className="faint">#{index + 1}</span> <span className="num">{reply.timeMs === null ? reply.status || t('trafficView.pingTimeout') : ms(reply.timeMs)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
