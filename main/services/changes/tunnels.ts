// The tunnels a change may interrupt, and the wait for a sign of life from them after it is applied (the
// opt-in "tunnel check" of the Preview step). A peer's tunnel counts as up when its last handshake is recent;
// the change must leave it able to come back: an edit of that peer or of its interface that keeps its keys and
// leaves it enabled (a new listen port, a new MTU, other allowed addresses, another endpoint). A change that
// is meant to end the tunnel (disable, delete, new keys, a new preshared key) is never checked.
//
// After applying, WireDesk reads the peers until each watched one shows a handshake after the change or more
// received bytes than right after it (a keepalive is enough), for a window that ends well before the router's
// own rollback would run. A peer that stays silent fails the verification, and the change is undone like any
// other failed verification (Safe Mode's unroll, or the undo steps).
import type { PlanView } from '../../../src/contract/index.ts';
import type { RouterState } from '../router-model/index.ts';
import type { ItemDiff, PlanItem } from './plan.ts';
import { peerLabel } from '../management/router-read.ts';

/** WireGuard re-handshakes every 2 minutes while traffic flows: a handshake this recent means the tunnel is in use. */
export const TUNNEL_UP_MS = 180_000;
/** The longest wait for a sign of life. */
const MAX_WINDOW_SEC = 30;
/** Kept between the end of the wait and the router's rollback: undoing and disarming take a few seconds. */
const ROLLBACK_MARGIN_SEC = 10;

const ENDS_PEER = new Set(['public-key', 'preshared-key', 'disabled', 'interface']);
const ENDS_INTERFACE = new Set(['disabled', 'private-key']);

export interface TunnelWatch {
  readonly publicKey: string;
  readonly item: PlanItem;
}

/** How long the check waits with this rollback delay; 0 when the delay leaves no room for it. */
export function tunnelWindowSec(rollbackDelaySec: number): number {
  return Math.max(0, Math.min(MAX_WINDOW_SEC, rollbackDelaySec - ROLLBACK_MARGIN_SEC));
}

function changedFields(d: ItemDiff): string[] {
  const fields = new Set([...Object.keys(d.before ?? {}), ...Object.keys(d.after ?? {})]);
  return [...fields].filter((f) => (d.before?.[f] ?? '') !== (d.after?.[f] ?? ''));
}

/** Peers with a tunnel up now that this change touches without meaning to end it. */
export function tunnelCandidates(diff: readonly ItemDiff[], state: Pick<RouterState, 'peers'>): TunnelWatch[] {
  const edits = diff.filter((d) => d.change === 'edit');
  const peers = new Set(edits.filter((d) => d.item.type === 'peer' && !changedFields(d).some((f) => ENDS_PEER.has(f))).map((d) => d.item.key));
  const interfaces = new Set(edits.filter((d) => d.item.type === 'interface' && !changedFields(d).some((f) => ENDS_INTERFACE.has(f))).map((d) => d.item.key));
  return state.peers
    .filter((p) => !p.disabled && p.lastHandshakeMs !== undefined && p.lastHandshakeMs < TUNNEL_UP_MS && (peers.has(p.publicKey) || interfaces.has(p.interface)))
    .map((p) => ({ publicKey: p.publicKey, item: { type: 'peer' as const, key: p.publicKey, label: peerLabel(p) } }));
}

/** A preview with the tunnel check it can offer (none when no such tunnel is up, or the delay leaves no room). */
export function offerTunnelCheck(view: PlanView, state: Pick<RouterState, 'peers'>, rollbackDelaySec: number): PlanView {
  const seconds = tunnelWindowSec(rollbackDelaySec);
  const peers = seconds > 0 ? tunnelCandidates(view.diff, state) : [];
  return peers.length === 0 ? view : { ...view, tunnelCheck: { seconds, peers: peers.map((p) => ({ key: p.publicKey, label: p.item.label })) } };
}

export interface AwaitOptions {
  readonly windowMs: number;
  /** The router's peers as they are now (a fresh print). */
  readonly read: () => Promise<Pick<RouterState, 'peers'>>;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The watched peers that showed no handshake and no received traffic after the change within the window. */
export async function awaitTunnels(watch: readonly TunnelWatch[], o: AwaitOptions): Promise<TunnelWatch[]> {
  if (watch.length === 0) return [];
  const start = o.now();
  const first = await o.read();
  const byKey = (state: Pick<RouterState, 'peers'>, key: string) => state.peers.find((p) => p.publicKey === key);
  const base = new Map(watch.map((w) => [w.publicKey, byKey(first, w.publicKey)?.rx ?? 0n]));
  const alive = new Set<string>();
  const look = (state: Pick<RouterState, 'peers'>, at: number): void => {
    for (const w of watch) {
      const p = byKey(state, w.publicKey);
      if (!p) continue;
      // last-handshake is printed in whole seconds: a handshake in the second the change went out counts.
      const handshakeAt = p.lastHandshakeMs === undefined ? -Infinity : at - p.lastHandshakeMs;
      if (p.rx > (base.get(w.publicKey) ?? 0n) || handshakeAt >= start - 1_000) alive.add(w.publicKey);
    }
  };
  look(first, start);
  while (alive.size < watch.length && o.now() - start < o.windowMs) {
    await o.sleep(1_000);
    look(await o.read(), o.now());
  }
  return watch.filter((w) => !alive.has(w.publicKey));
}
