// The shell: sidebar + main area, the router dialogs, and the wiring to main's pushed events.
import { useEffect } from 'react';
import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { connectRouterEvents, useRouters } from '../features/routers/store.ts';
import { connectSettingsEvents, useSettings } from '../features/settings/store.ts';
import { RouterDialog } from '../features/routers/RouterDialog.tsx';
import { RemoveRouterDialog } from '../features/routers/RemoveRouterDialog.tsx';
import { Welcome } from '../features/routers/Welcome.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { ActivityScreen } from '../features/activity/ActivityScreen.tsx';
import { connectRollbackEvents, RollbackBanners } from '../features/changes/RollbackBanners.tsx';
import { Banner } from '../ui/Banner.tsx';
import { Button } from '../ui/Button.tsx';
import { LoadingState } from '../ui/ReadErrorState.tsx';
import { RouterPage } from './RouterPage.tsx';
import { Sidebar } from './Sidebar.tsx';
import { useNav } from './nav-store.ts';

export function App() {
  const { t } = useTranslation();
  const { profiles, loaded, loadError, load } = useRouters(useShallow((s) => ({ profiles: s.profiles, loaded: s.loaded, loadError: s.loadError, load: s.load })));
  const { screen, routerId, dialog, selectRouter, openDialog, closeDialog } = useNav(
    useShallow((s) => ({ screen: s.screen, routerId: s.routerId, dialog: s.dialog, selectRouter: s.selectRouter, openDialog: s.openDialog, closeDialog: s.closeDialog })),
  );

  useEffect(() => {
    const offRouters = connectRouterEvents();
    const offSettings = connectSettingsEvents();
    const offRollbacks = connectRollbackEvents();
    void useSettings.getState().load();
    void useRouters.getState().load();
    return () => {
      offRouters();
      offSettings();
      offRollbacks();
    };
  }, []);

  // The remembered router may be gone; fall back to the first one.
  const selected = profiles.find((p) => p.id === routerId) ?? profiles[0] ?? null;
  const dialogRouter = dialog && dialog.kind !== 'add' ? profiles.find((p) => p.id === dialog.routerId) : undefined;

  let content;
  if (screen === 'settings') content = <SettingsScreen />;
  else if (screen === 'activity') content = <ActivityScreen />;
  else if (!loaded) content = <LoadingState label={t('app.loading')} />;
  else if (loadError && profiles.length === 0)
    content = (
      <div className="page-pad">
        <Banner tone="danger" title={t('app.loadFailed')} actions={<Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={() => void load()}>{t('common.retry')}</Button>}>
          {loadError}
        </Banner>
      </div>
    );
  else if (!selected) content = <Welcome onAdd={() => openDialog({ kind: 'add' })} onDemoStarted={(id) => selectRouter(id)} />;
  else content = <RouterPage key={selected.id} router={selected} />;

  return (
    <div className="app">
      <Sidebar selectedId={selected?.id ?? null} />
      <main className="main">
        <RollbackBanners />
        {content}
      </main>

      {dialog?.kind === 'add' ? (
        <RouterDialog
          onClose={closeDialog}
          onSaved={(profile) => {
            closeDialog();
            selectRouter(profile.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' && dialogRouter ? (
        <RouterDialog key={dialogRouter.id} router={dialogRouter} onClose={closeDialog} onSaved={closeDialog} onRemove={() => openDialog({ kind: 'remove', routerId: dialogRouter.id })} />
      ) : null}
      {dialog?.kind === 'remove' && dialogRouter ? (
        <RemoveRouterDialog
          router={dialogRouter}
          onClose={closeDialog}
          onRemoved={() => {
            closeDialog();
            if (selected?.id === dialogRouter.id) selectRouter(profiles.find((p) => p.id !== dialogRouter.id)?.id ?? null);
          }}
        />
      ) : null}
    </div>
  );
}
