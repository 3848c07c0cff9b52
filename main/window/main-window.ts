// The one application window, created with the secure defaults from security.ts.
import { BrowserWindow, nativeTheme } from 'electron';
import { guardWebContents } from './security.ts';

export interface MainWindowOptions {
  preloadPath: string;
  rendererFile: string;
  devServerUrl: string | undefined;
  iconPath: string;
  isAppUrl: (url: string) => boolean;
  production: boolean;
  /** The app's single, allowlist-checked door to the system browser. */
  openExternal: (url: string) => unknown;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'WireDesk',
    icon: options.iconPath,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#f6f7f9',
    autoHideMenuBar: true,
    // Written out literally (not spread from a helper) so that reviewers and Electronegativity's static
    // checks see every security-relevant preference where the window is created.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click (auxclick) could otherwise open links in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !options.production,
    },
  });
  guardWebContents(win.webContents, options.openExternal, options.isAppUrl);
  win.once('ready-to-show', () => win.show());
  if (options.devServerUrl) void win.loadURL(options.devServerUrl);
  else void win.loadFile(options.rendererFile);
  return win;
}
