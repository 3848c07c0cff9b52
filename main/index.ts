// Electron main process: lifecycle only. Everything with logic lives in services that run without Electron.
import type { BrowserWindow} from 'electron';
import { app, ipcMain, session, shell, Notification } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_PREFIX } from '../src/contract/names.ts';
import { createInvoker } from './ipc/invoker.ts';
import { registerIpcHandlers, senderCheckFor } from './ipc/register.ts';
import { createHandlers } from './ipc/handlers.ts';
import { createAppServices, type AppServices } from './services/app-services.ts';
import { createMainWindow } from './window/main-window.ts';
import { appUrlCheck, guardWebContents } from './window/security.ts';
import { createLogger } from './log/logger.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const production = app.isPackaged || process.env.NODE_ENV === 'production';
const devServerUrl = production ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');
const isAppUrl = appUrlCheck({ rendererFile, devServerUrl });
const log = createLogger('app');

// One WireDesk per user: a second launch focuses the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: AppServices | undefined;
  const windows = new Set<BrowserWindow>();

  app.on('second-instance', () => {
    const [win] = windows;
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // guardWebContents only calls this for URLs that pass isAllowedExternalUrl (https + allowlisted host).
  const openExternal = (url: string) => shell.openExternal(url);

  // Defence in depth: guard every webContents, including any created later by mistake.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, openExternal, isAppUrl);
  });

  app.whenReady().then(async () => {
    // The renderer needs no browser permission (notifications are shown from main).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    services = await createAppServices({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      platform: process.platform,
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
      autoDemo: true,
    });
    services.events.subscribe((event, payload) => {
      for (const win of windows) if (!win.isDestroyed()) win.webContents.send(EVENT_PREFIX + event, payload);
    });

    const invoke = createInvoker(createHandlers(services), {
      onUnexpectedError: (channel, error) => log.error('ipc handler failed', { channel, error }),
    });
    const trustedIds = () => new Set([...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents.id));
    registerIpcHandlers(ipcMain, invoke, senderCheckFor(trustedIds, isAppUrl));

    const win = createMainWindow({
      preloadPath: join(here, '../preload/index.cjs'),
      rendererFile,
      devServerUrl,
      iconPath: join(here, '../../assets/icon.png'),
      isAppUrl,
      production,
      openExternal,
    });
    windows.add(win);
    win.on('closed', () => windows.delete(win));
  }).catch((error: unknown) => {
    log.error('start-up failed', { error });
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());

  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown || !services) return;
    // Close router connections and the database cleanly before the process exits.
    event.preventDefault();
    shuttingDown = true;
    void services.shutdown().finally(() => app.quit());
  });
}
