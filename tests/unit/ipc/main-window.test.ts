// The thin Electron layer, run against a fake `electron` module: the window is created with the secure
// preferences and its webContents are guarded before any page loads.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; loaded: string[]; handlers: Map<string, unknown>; openHandler?: unknown }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: { on: (e: string, h: unknown) => void; setWindowOpenHandler: (h: unknown) => void };
    private record: (typeof created)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], handlers: new Map() };
      created.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (e, h) => record.handlers.set(e, h),
        setWindowOpenHandler: (h) => {
          record.openHandler = h;
        },
      };
    }
    once() {}
    loadFile(file: string) {
      this.record.loaded.push(`file:${file}`);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal: vi.fn() }, nativeTheme: { shouldUseDarkColors: false } };
});

const { createMainWindow } = await import('../../../main/window/main-window.ts');

describe('main window (fake electron)', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates an isolated, sandboxed window without Node and with devtools off in production', () => {
    createMainWindow({ preloadPath: '/app/preload.cjs', rendererFile: '/app/index.html', devServerUrl: undefined, iconPath: '/i.png', isAppUrl: () => false, production: true, openExternal: () => {} });
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(created[0]!.loaded).toEqual(['file:/app/index.html']);
  });

  it('guards navigation and window.open before loading any page', () => {
    createMainWindow({ preloadPath: '/p', rendererFile: '/app/index.html', devServerUrl: 'http://localhost:5173', iconPath: '/i.png', isAppUrl: () => false, production: false, openExternal: () => {} });
    const rec = created[0]!;
    expect(rec.handlers.has('will-navigate')).toBe(true);
    expect(rec.handlers.has('will-redirect')).toBe(true);
    expect(typeof rec.openHandler).toBe('function');
    expect((rec.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(rec.loaded).toEqual(['http://localhost:5173']);
  });
});
