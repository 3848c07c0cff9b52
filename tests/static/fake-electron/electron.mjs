// A fake `electron` module recording what the main process does, then driving start-up and quit.
// It prints one JSON report line (prefixed "FAKE-ELECTRON-REPORT ") for tests/static/main-bundle.test.ts.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const report = { singleInstance: false, windows: [], handled: [], permissionHandlers: 0, ipc: {}, quit: false, errors: [] };
const handlers = new Map();
const appEvents = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));

export const app = {
  isPackaged: false,
  requestSingleInstanceLock() {
    report.singleInstance = true;
    return true;
  },
  whenReady: () => ready,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return process.env.FAKE_ELECTRON_USER_DATA;
  },
  getVersion: () => '0.0.0-fake',
  on: (event, listener) => appEvents.on(event, listener),
  quit() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    appEvents.emit('before-quit', event);
    if (!event.defaultPrevented) {
      report.quit = true;
      finish();
    }
  },
  exit(code) {
    report.errors.push(`app.exit(${code})`);
    finish();
  },
};

// Like Electron's WebFrameMain: one object per frame; the top-level frame has no parent.
class WebFrameMain {
  constructor(url, parent) {
    this.url = url;
    this.parent = parent;
  }
}

let nextWebContentsId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextWebContentsId++;
    this.openHandler = undefined;
    this.mainFrame = new WebFrameMain('about:blank', null);
  }
  setWindowOpenHandler(h) {
    this.openHandler = h;
  }
  send() {}
}

export class BrowserWindow extends EventEmitter {
  static created = [];
  constructor(options) {
    super();
    this.webContents = new WebContents();
    this.record = { options, loaded: null, preloadExists: existsSync(options.webPreferences.preload), iconExists: existsSync(options.icon), guarded: false };
    report.windows.push(this.record);
    BrowserWindow.created.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  async loadFile(file) {
    this.record.loaded = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    this.record.loadedExists = existsSync(file);
    this.record.guarded = this.webContents.listenerCount('will-navigate') > 0 && typeof this.webContents.openHandler === 'function';
  }
  async loadURL(url) {
    this.record.loaded = url;
    this.webContents.mainFrame.url = url;
  }
  show() {}
  isDestroyed() {
    return false;
  }
}

export const ipcMain = {
  handle(channel, listener) {
    report.handled.push(channel);
    handlers.set(channel, listener);
  },
  removeHandler() {},
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      report.permissionHandlers += 1;
    },
    setPermissionCheckHandler() {
      report.permissionHandlers += 1;
    },
  },
};

export const shell = { openExternal: async () => {} };
export const nativeTheme = { shouldUseDarkColors: false };
export class Notification {
  static isSupported() {
    return false;
  }
  show() {}
}
export const contextBridge = { exposeInMainWorld() {} };
export const ipcRenderer = { invoke: async () => undefined, on() {}, removeListener() {} };

function finish() {
  process.stdout.write(`FAKE-ELECTRON-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

process.on('uncaughtException', (error) => {
  report.errors.push(String(error?.stack ?? error));
  finish();
});

// One settings:get from each kind of sender, as Electron would shape the event: our window's top-level
// frame, an iframe inside our window (same webContents, its own frame), a frame that is gone (null), and
// another webContents showing our page. Records each answer's ok / error code.
async function probeIpc(win) {
  const contents = win.webContents;
  const stranger = new WebContents();
  stranger.mainFrame.url = contents.mainFrame.url;
  const senders = {
    topFrame: { sender: contents, senderFrame: contents.mainFrame },
    subframe: { sender: contents, senderFrame: new WebFrameMain(contents.mainFrame.url, contents.mainFrame) },
    goneFrame: { sender: contents, senderFrame: null },
    otherWebContents: { sender: stranger, senderFrame: stranger.mainFrame },
  };
  const listener = handlers.get('settings:get');
  for (const [name, event] of Object.entries(senders)) {
    const answer = listener ? await listener(event, undefined) : { ok: false, error: { code: 'NO_HANDLER' } };
    report.ipc[name] = answer.ok ? 'ok' : answer.error.code;
  }
}

// Start-up: ready now; quit once the window exists (or give up after 20 s with what we have).
setImmediate(() => readyResolve());
const started = Date.now();
const timer = setInterval(() => {
  if (report.windows.length > 0 && report.windows[0].loaded) {
    clearInterval(timer);
    const win = BrowserWindow.created[0];
    setTimeout(() => {
      probeIpc(win)
        .catch((error) => report.errors.push(`ipc probe: ${String(error?.stack ?? error)}`))
        .finally(() => app.quit());
    }, 300);
  } else if (Date.now() - started > 20_000) {
    clearInterval(timer);
    report.errors.push('no window was created within 20 s');
    finish();
  }
}, 50);
