// Electron glue: one ipcMain.handle per contract channel, each refusing senders that are not our window.
import { INVOKE_CHANNELS, type Envelope } from '../../src/contract/index.ts';
import type { Invoker } from './invoker.ts';

/** The parts of Electron's IpcMainInvokeEvent we rely on; a test passes a plain object. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from a WireDesk window and was refused.' },
};

export function registerIpcHandlers(ipcMain: IpcMainLike, invoke: Invoker, isTrustedSender: SenderCheck): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, input) => {
      // Why: any frame (a compromised iframe, a devtools extension) can reach ipcMain; only our own
      // top-level window may drive routers.
      if (!isTrustedSender(event)) return forbidden;
      return invoke(channel, input);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Accepts only the given webContents ids, and only frames showing our own bundled page. */
export function senderCheckFor(trustedIds: () => ReadonlySet<number>, isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    if (!trustedIds().has(event.sender.id)) return false;
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url);
  };
}
