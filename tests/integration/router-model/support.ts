// Waiting on the router model in tests: its pushed `model:changed` events, as the renderer hears them.
import type { ModelChanged } from '../../../src/contract/index.ts';
import type { AppServices } from '../../../main/services/app-services.ts';

/** Resolves with the next model:changed event of the router whose changes include `kind`. */
export function nextChange(s: AppServices, routerId: string, kind: ModelChanged['changes'][number], timeoutMs = 15_000): Promise<ModelChanged> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no model:changed with '${kind}' for ${routerId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = s.events.subscribe((event, payload) => {
      const p = payload as ModelChanged;
      if (event === 'model:changed' && p.routerId === routerId && p.changes.includes(kind)) {
        clearTimeout(timer);
        off();
        resolve(p);
      }
    });
  });
}

/** The next poll of the router, once the model has it (every poll moves the counters). */
export const nextPoll = (s: AppServices, routerId: string) => nextChange(s, routerId, 'counters');

/** The peer-table prints a simulator received (a `.id` query is a change's own read, not a table print). */
export const PEER_TABLE_PRINT = '/interface/wireguard/peers/print';
export const isTablePrint = (e: { words: readonly string[] }) => !e.words.some((w) => w.startsWith('?.id='));
