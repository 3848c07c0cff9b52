// Recent status transitions of the router's peers and of the router itself: the stored ones, with new ones
// added the moment main pushes them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { PEER_STATUS_VIEW, type Tone } from '../../lib/status.ts';
import { StatusDot } from '../../ui/StatusPill.tsx';
import { eventsFor, type StatusEvent } from './events-model.ts';
import { displayName } from './peer-model.ts';
import { NO_EVENTS, useStatusEvents } from './store.ts';

const REACHABILITY: Record<string, { tone: Tone; labelKey: string }> = {
  reachable: { tone: 'ok', labelKey: 'trafficView.reachable' },
  unreachable: { tone: 'danger', labelKey: 'trafficView.unreachable' },
};

function statusView(status: string): { tone: Tone; labelKey: string | null } {
  return PEER_STATUS_VIEW[status as keyof typeof PEER_STATUS_VIEW] ?? REACHABILITY[status] ?? { tone: 'neutral', labelKey: null };
}

export interface StatusEventsProps {
  routerId: string;
  /** The peer in focus, to offer "only this peer". */
  peer: { interface: string; publicKey: string; name: string } | null;
  locale: string;
}

export function StatusEvents({ routerId, peer, locale }: StatusEventsProps) {
  const { t } = useTranslation();
  // Only decides whether a time needs its date (not today).
  const now = useNow(60_000);
  const { events, loaded, error } = useStatusEvents((s) => s.byRouter[routerId]) ?? NO_EVENTS;
  const [onlyPeer, setOnlyPeer] = useState(true);
  const shown = eventsFor(events, onlyPeer ? peer : null);

  const label = (status: string) => {
    const key = statusView(status).labelKey;
    return key ? t(key) : status;
  };
  const who = (e: StatusEvent) => (e.kind === 'router' ? t('trafficView.eventRouter') : e.name || (e.publicKey ? displayName({ name: '', comment: '', publicKey: e.publicKey }) : '?'));

  return (
    <section className="section" aria-labelledby="events-heading" data-testid="status-events">
      <div className="section-head">
        <h2 id="events-heading" className="section-title">
          {t('trafficView.eventsTitle')}
        </h2>
        {peer ? (
          <label className="checkbox small events-filter">
            <input type="checkbox" checked={onlyPeer} onChange={(event) => setOnlyPeer(event.target.checked)} data-testid="events-only-peer" />
            <span className="ellipsis">{t('trafficView.eventsOnlyPeer', { name: peer.name })}</span>
          </label>
        ) : null}
      </div>
      <div className="panel events-list-wrap">
        {error && events.length === 0 ? <p className="events-empty danger-text small">{error.message}</p> : null}
        {!loaded && !error ? <p className="events-empty muted small">{t('trafficView.loading')}</p> : null}
        {loaded && !error && shown.length === 0 ? <p className="events-empty muted small">{t('trafficView.eventsEmpty')}</p> : null}
        {shown.length > 0 ? (
          <ol className="events-list">
            {shown.map((e) => {
              const to = statusView(e.to);
              return (
                <li key={`${e.kind}|${e.interface ?? ''}|${e.publicKey ?? ''}|${e.at}|${e.to}`} className="event-row" data-testid="status-event" data-kind={e.kind} data-to={e.to}>
                  <time className="event-time num faint" dateTime={new Date(e.at).toISOString()}>
                    {formatDateTime(e.at, locale, now)}
                  </time>
                  <StatusDot tone={to.tone} />
                  <span className="event-who ellipsis" title={e.detail ?? undefined}>
                    {who(e)}
                    {e.kind === 'peer' && e.interface ? <span className="faint"> · {e.interface}</span> : null}
                  </span>
                  <span className="event-change">
                    <span className="faint">{label(e.from)}</span> → <span className={`tone-text tone-${to.tone}`}>{label(e.to)}</span>
                  </span>
                </li>
              );
            })}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
