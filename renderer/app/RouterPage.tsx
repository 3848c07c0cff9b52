// The selected router: who it is, whether WireDesk can reach it (and what to do when not), and its tabs.
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { Activity, Archive, ArrowLeftRight, FlaskConical, History, Network, Pencil, RefreshCw, Trash2, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RouterProfile, RouterStatus } from '../../src/contract/index.ts';
import { formatAge, formatDateTime } from '../lib/format.ts';
import { useLocale } from '../i18n/index.ts';
import { useNow } from '../lib/hooks.ts';
import { CONNECTION_STATE_VIEW } from '../lib/status.ts';
import { Banner } from '../ui/Banner.tsx';
import { Button } from '../ui/Button.tsx';
import { StatusPill } from '../ui/StatusPill.tsx';
import { LoadingState } from '../ui/ReadErrorState.tsx';
import { Fingerprint } from '../features/routers/ConnectionErrorPanel.tsx';
import { pinnedFingerprint, presentedCertificate } from '../features/routers/tls-details.ts';
import { useRouters } from '../features/routers/store.ts';
import { InterfacesTab } from '../features/interfaces/InterfacesTab.tsx';
import { PeersTab } from '../features/peers/PeersTab.tsx';
import { BackupsTab } from '../features/backups/BackupsTab.tsx';
import { SitesDialog } from '../features/sites/SitesDialog.tsx';
import { ROUTER_TABS, useNav, type RouterTab } from './nav-store.ts';

// The chart library is only loaded when the Traffic tab is first opened.
const TrafficTab = lazy(() => import('../features/traffic/TrafficTab.tsx').then((m) => ({ default: m.TrafficTab })));

const TAB_ICONS = { interfaces: Network, peers: Users, traffic: Activity, backups: Archive } as const;

export function RouterPage({ router }: { router: RouterProfile }) {
  const { t } = useTranslation();
  const tab = useNav((s) => s.tab);
  const setTab = useNav((s) => s.setTab);
  const tabRefs = useRef<Record<RouterTab, HTMLButtonElement | null>>({ interfaces: null, peers: null, traffic: null, backups: null });

  // Arrow keys move between tabs (WAI-ARIA tabs pattern with automatic activation).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = ROUTER_TABS.indexOf(tab);
    let next: RouterTab | undefined;
    if (event.key === 'ArrowRight') next = ROUTER_TABS[(index + 1) % ROUTER_TABS.length];
    else if (event.key === 'ArrowLeft') next = ROUTER_TABS[(index - 1 + ROUTER_TABS.length) % ROUTER_TABS.length];
    else if (event.key === 'Home') next = ROUTER_TABS[0];
    else if (event.key === 'End') next = ROUTER_TABS[ROUTER_TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="router-page" data-testid="router-page">
      <RouterHeader router={router} />
      <div className="tabs" role="tablist" aria-label={t('router.tabsLabel')}>
        {ROUTER_TABS.map((id) => {
          const Icon = TAB_ICONS[id];
          const selected = id === tab;
          return (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={selected}
              aria-controls={`panel-${id}`}
              tabIndex={selected ? 0 : -1}
              className={`tab${selected ? ' selected' : ''}`}
              onClick={() => setTab(id)}
              onKeyDown={onTabKey}
              data-testid={`nav-${id}`}
            >
              <Icon size={15} aria-hidden />
              {t(`nav.${id}`)}
            </button>
          );
        })}
      </div>
      <section className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'interfaces' ? <InterfacesTab key={router.id} routerId={router.id} /> : null}
        {tab === 'peers' ? <PeersTab key={router.id} routerId={router.id} /> : null}
        {tab === 'traffic' ? (
          <Suspense fallback={<LoadingState label={t('traffic.healthLoading')} />}>
            <TrafficTab key={router.id} routerId={router.id} />
          </Suspense>
        ) : null}
        {tab === 'backups' ? <BackupsTab key={router.id} routerId={router.id} /> : null}
      </section>
    </div>
  );
}

function RouterHeader({ router }: { router: RouterProfile }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const locale = useLocale();
  const status = useRouters((s) => s.statuses[router.id]);
  const reconnecting = useRouters((s) => s.reconnecting[router.id] ?? false);
  const reconnect = useRouters((s) => s.reconnect);
  const openDialog = useNav((s) => s.openDialog);
  const openActivity = useNav((s) => s.openActivity);
  const [sitesOpen, setSitesOpen] = useState(false);
  const state = status?.state ?? 'idle';
  const view = CONNECTION_STATE_VIEW[state];
  const dash = <span className="faint">—</span>;

  let seen: string;
  if (state === 'online') seen = t('router.connectedSince', { time: formatDateTime(status?.since ?? now, locale, now) });
  else if (status?.lastSeenAt) seen = t('router.lastSeen', { age: formatAge(now - status.lastSeenAt, t) });
  else seen = t('router.neverSeen');

  return (
    <header className="router-header">
      <div className="router-title-row">
        <div className="router-title">
          <h1 className="ellipsis" data-testid="router-title">
            {router.name}
          </h1>
          <StatusPill tone={view.tone} label={t(view.labelKey)} pulse={view.pulse ?? false} data-testid="router-header-status" />
          {router.isDemo ? (
            <span className="badge accent" title={t('router.demoTooltip')}>
              <FlaskConical size={11} aria-hidden />
              {t('router.demoLong')}
            </span>
          ) : null}
        </div>
        <div className="router-actions">
          <Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={() => void reconnect(router.id).catch(() => undefined)} busy={reconnecting} data-testid="reconnect">
            {t('router.reconnect')}
          </Button>
          <Button size="sm" variant="ghost" icon={<History size={14} aria-hidden />} onClick={() => openActivity(router.id)} title={t('router.activityTitle', { name: router.name })} data-testid="router-activity">
            {t('router.activity')}
          </Button>
          <Button size="sm" variant="ghost" icon={<ArrowLeftRight size={14} aria-hidden />} onClick={() => setSitesOpen(true)} title={t('sitesView.openTitle', { name: router.name })} data-testid="connect-sites">
            {t('sitesView.open')}
          </Button>
          {sitesOpen ? <SitesDialog key={router.id} routerId={router.id} onClose={() => setSitesOpen(false)} /> : null}
          <Button size="sm" variant="ghost" icon={<Pencil size={14} aria-hidden />} onClick={() => openDialog({ kind: 'edit', routerId: router.id })} data-testid="edit-router">
            {t('router.edit')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<Trash2 size={14} aria-hidden />}
            onClick={() => openDialog({ kind: 'remove', routerId: router.id })}
            aria-label={t('router.removeLabel', { name: router.name })}
            title={t('router.removeLabel', { name: router.name })}
            data-testid="remove-router"
          />
        </div>
      </div>
      <dl className="router-facts">
        <div>
          <dt>{t('router.address')}</dt>
          <dd className="mono-ish">
            {router.host}:{router.port} <span className="faint">· {router.transport === 'api-ssl' ? 'API-SSL' : 'API'}</span>
          </dd>
        </div>
        <div>
          <dt>{t('router.identity')}</dt>
          <dd data-testid="router-identity">{router.identity ?? dash}</dd>
        </div>
        <div>
          <dt>{t('router.version')}</dt>
          <dd data-testid="router-version">{router.version ?? dash}</dd>
        </div>
        <div>
          <dt>{t('router.board')}</dt>
          <dd data-testid="router-board">{router.board ?? dash}</dd>
        </div>
        <div>
          <dt>{t('router.seen')}</dt>
          <dd data-testid="router-seen">{seen}</dd>
        </div>
      </dl>
      {status ? <StatusBanner router={router} status={status} now={now} /> : null}
    </header>
  );
}

function StatusBanner({ router, status, now }: { router: RouterProfile; status: RouterStatus; now: number }) {
  const { t } = useTranslation();
  const openDialog = useNav((s) => s.openDialog);
  const edit = (
    <Button size="sm" onClick={() => openDialog({ kind: 'edit', routerId: router.id })} data-testid="status-edit-router">
      {t('router.editConnection')}
    </Button>
  );
  const reason = status.message ?? status.lastError?.message ?? null;
  const retry = status.nextRetryAt && status.nextRetryAt > now ? t('router.retryIn', { seconds: Math.ceil((status.nextRetryAt - now) / 1000) }) : null;

  switch (status.state) {
    case 'online':
    case 'idle':
    case 'connecting':
      return null;
    case 'offline':
      return (
        <Banner tone="danger" compact title={t('routerStatus.offline.title')} data-testid="status-banner">
          {reason ? <span>{reason}</span> : null}
          {retry ? <span className="muted"> · {retry}</span> : null}
        </Banner>
      );
    case 'auth-failed':
      return (
        <Banner tone="danger" compact title={t('routerStatus.auth.title')} actions={edit} data-testid="status-banner">
          {t('routerStatus.auth.body')}
        </Banner>
      );
    case 'certificate-mismatch': {
      const pinned = pinnedFingerprint(status.details) ?? router.tlsFingerprint;
      const presented = presentedCertificate(status.details).fingerprint;
      return (
        <Banner tone="danger" title={t('connErr.mismatch.title')} actions={edit} data-testid="status-banner">
          <p>{t('connErr.mismatch.body')}</p>
          {pinned || presented ? (
            <dl className="cert-facts">
              {pinned ? (
                <>
                  <dt>{t('connErr.mismatch.pinned')}</dt>
                  <dd>
                    <Fingerprint value={pinned} label={t('connErr.mismatch.pinned')} />
                  </dd>
                </>
              ) : null}
              {presented ? (
                <>
                  <dt>{t('connErr.mismatch.presented')}</dt>
                  <dd>
                    <Fingerprint value={presented} label={t('connErr.mismatch.presented')} />
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
          <p className="strong-note">{t('connErr.mismatch.howTo')}</p>
        </Banner>
      );
    }
    case 'certificate-untrusted':
      return (
        <Banner tone="warn" compact title={t('routerStatus.untrusted.title')} actions={edit} data-testid="status-banner">
          {t('routerStatus.untrusted.body')}
        </Banner>
      );
    case 'unsupported':
      return (
        <Banner tone="warn" compact title={t('routerStatus.unsupported.title')} data-testid="status-banner">
          {reason ?? t('connErr.unsupported.body')}
        </Banner>
      );
    case 'keychain-unavailable':
      return (
        <Banner tone="warn" compact title={t('connErr.keychain.title')} data-testid="status-banner">
          {t('connErr.keychain.body')}
        </Banner>
      );
  }
}
