// Electron glue: one ipcMain.handle per contract channel, each refusing senders that are not our window.
import { INVOKE_CHANNELS, type Envelope } from '../../src/contract/index.ts';
import type { Invoker } from './invoker.ts';

/** The parts of Electron's WebFrameMain we rely on. */
export interface FrameLike {
  readonly url: string;
}

/** The parts of Electron's IpcMainInvokeEvent we rely on; a test passes a plain object. */
export interface InvokeEventLike {
  /** The webContents that sent the message: shared by its top-level frame and every iframe in it. */
  sender: { id: number; readonly mainFrame: FrameLike };
  /** The frame that sent it; Electron gives null once that frame has navigated away or is gone. */
  readonly senderFrame?: FrameLike | null;
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

/**
 * Accepts only the given webContents ids, only their top-level frame (never an iframe inside them), and
 * only while that frame shows our own bundled page. Anything it cannot establish is refused.
 */
export function senderCheckFor(trustedIds: () => ReadonlySet<number>, isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    if (!trustedIds().has(event.sender.id)) return false;
    try {
      const frame = event.senderFrame;
      // Why: an iframe in our window has the same sender (webContents id) but its own frame. Electron hands
      // out one WebFrameMain object per frame, so the top-level frame is the very object in sender.mainFrame.
      if (!frame || frame !== event.sender.mainFrame) return false;
      const url = frame.url;
      return typeof url === 'string' && isAppUrl(url);
    } catch {
      // A frame or webContents disposed while the message was in flight throws on access: refuse it.
      return false;
    }
  };
}
