// Left column: brand, every router with its live status in colour and words, Add router, Settings.
import { FlaskConical, History, Plus, Settings as SettingsIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { RouterProfile, RouterStatus } from '../../src/contract/index.ts';
import { CONNECTION_STATE_VIEW } from '../lib/status.ts';
import { StatusDot } from '../ui/StatusPill.tsx';
import { Button } from '../ui/Button.tsx';
import { useRouters } from '../features/routers/store.ts';
import { LogoMark } from './Logo.tsx';
import { useNav } from './nav-store.ts';

export function Sidebar({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation();
  const { profiles, statuses, loaded } = useRouters(useShallow((s) => ({ profiles: s.profiles, statuses: s.statuses, loaded: s.loaded })));
  const { screen, selectRouter, openSettings, openActivity, openDialog } = useNav(
    useShallow((s) => ({ screen: s.screen, selectRouter: s.selectRouter, openSettings: s.openSettings, openActivity: s.openActivity, openDialog: s.openDialog })),
  );

  return (
    <aside className="sidebar" aria-label={t('app.sidebar')}>
      <div className="brand">
        <LogoMark />
        <span className="brand-name">WireDesk</span>
      </div>

      <div className="sidebar-heading">
        <span id="routers-heading">{t('sidebar.routers')}</span>
        {profiles.length > 0 ? <span className="count-badge">{profiles.length}</span> : null}
      </div>

      <nav className="router-nav" aria-labelledby="routers-heading">
        {loaded && profiles.length === 0 ? <p className="sidebar-empty">{t('sidebar.noRouters')}</p> : null}
        <ul className="router-list">
          {profiles.map((profile) => (
            <li key={profile.id}>
              <RouterRow
                profile={profile}
                status={statuses[profile.id]}
                selected={screen === 'router' && profile.id === selectedId}
                onSelect={() => selectRouter(profile.id)}
              />
            </li>
          ))}
        </ul>
      </nav>

      <div className="sidebar-add">
        <Button icon={<Plus size={15} aria-hidden />} onClick={() => openDialog({ kind: 'add' })} data-testid="add-router" className="add-router-btn">
          {t('sidebar.addRouter')}
        </Button>
      </div>

      <div className="sidebar-footer">
        <button
          type="button"
          className={`sidebar-link${screen === 'activity' ? ' active' : ''}`}
          aria-current={screen === 'activity' ? 'page' : undefined}
          onClick={() => openActivity()}
          data-testid="nav-activity"
        >
          <History size={16} aria-hidden />
          {t('nav.activity')}
        </button>
        <button
          type="button"
          className={`sidebar-link${screen === 'settings' ? ' active' : ''}`}
          aria-current={screen === 'settings' ? 'page' : undefined}
          onClick={openSettings}
          data-testid="nav-settings"
        >
          <SettingsIcon size={16} aria-hidden />
          {t('nav.settings')}
        </button>
      </div>
    </aside>
  );
}

function RouterRow({ profile, status, selected, onSelect }: { profile: RouterProfile; status: RouterStatus | undefined; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const state = status?.state ?? 'idle';
  const view = CONNECTION_STATE_VIEW[state];
  const problem = state === 'online' || state === 'connecting' ? null : (status?.message ?? status?.lastError?.message ?? null);
  return (
    <button type="button" className={`router-row${selected ? ' selected' : ''}`} aria-current={selected ? 'page' : undefined} onClick={onSelect} data-testid={`router-row-${profile.name}`} title={problem ?? undefined}>
      <span className="router-row-top">
        <span className="router-row-name ellipsis">{profile.name}</span>
        {profile.isDemo ? (
          <span className="badge accent" title={t('router.demoTooltip')}>
            <FlaskConical size={11} aria-hidden />
            {t('router.demo')}
          </span>
        ) : null}
      </span>
      <span className="router-row-meta">
        <span className={`router-row-status tone-${view.tone}`} data-testid={`router-status-${profile.name}`} data-state={state}>
          <StatusDot tone={view.tone} pulse={view.pulse ?? false} />
          {t(view.labelKey)}
        </span>
        <span className="router-row-addr ellipsis">
          {profile.host}:{profile.port}
        </span>
      </span>
      {problem ? <span className="router-row-problem ellipsis">{problem}</span> : null}
    </button>
  );
}
