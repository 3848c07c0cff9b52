// The one application window, created with the secure defaults from security.ts.
import { BrowserWindow, shell, nativeTheme } from 'electron';
import { guardWebContents, secureWebPreferences } from './security.ts';

export interface MainWindowOptions {
  preloadPath: string;
  rendererFile: string;
  devServerUrl: string | undefined;
  iconPath: string;
  isAppUrl: (url: string) => boolean;
  production: boolean;
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
    webPreferences: { ...secureWebPreferences(options.preloadPath), devTools: !options.production },
  });
  guardWebContents(win.webContents, (url) => shell.openExternal(url), options.isAppUrl);
  win.once('ready-to-show', () => win.show());
  if (options.devServerUrl) void win.loadURL(options.devServerUrl);
  else void win.loadFile(options.rendererFile);
  return win;
}
