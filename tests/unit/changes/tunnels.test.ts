// The tunnel check's two rules: which up tunnels a change may interrupt without meaning to end them, and
// what counts as a sign of life after it (a handshake after the change, or more bytes received than right
// after it), within a window that ends before the router's own rollback.
import { describe, expect, it } from 'vitest';
import { awaitTunnels, tunnelCandidates, tunnelWindowSec, TUNNEL_UP_MS } from '../../../main/services/changes/tunnels.ts';
import type { ItemDiff } from '../../../main/services/changes/plan.ts';

type Peer = { publicKey: string; interface: string; name: string | undefined; comment: string; disabled: boolean; lastHandshakeMs: number | undefined; rx: bigint };
const peer = (over: Partial<Peer>): Peer => ({ publicKey: 'K1', interface: 'wg1', name: 'ayse', comment: '', disabled: false, lastHandshakeMs: 5_000, rx: 100n, ...over });
const state = (peers: Peer[]) => ({ peers }) as never;
const edit = (type: 'peer' | 'interface', key: string, before: Record<string, string>, after: Record<string, string>): ItemDiff => ({ item: { type, key, label: key }, change: 'edit', before, after });

describe('tunnel candidates', () => {
  it('are up tunnels of the peers and interfaces a change edits without ending them', () => {
    const peers = [peer({ publicKey: 'A' }), peer({ publicKey: 'B', interface: 'wg2' }), peer({ publicKey: 'C', lastHandshakeMs: TUNNEL_UP_MS + 1 }), peer({ publicKey: 'D', lastHandshakeMs: undefined }), peer({ publicKey: 'E', disabled: true })];
    expect(tunnelCandidates([edit('interface', 'wg1', { 'listen-port': '13231' }, { 'listen-port': '13232' })], state(peers)).map((w) => w.publicKey)).toEqual(['A']);
    expect(tunnelCandidates([edit('peer', 'B', { 'allowed-address': '10.0.0.2/32' }, { 'allowed-address': '10.0.0.3/32' })], state(peers)).map((w) => w.publicKey)).toEqual(['B']);
    // Meant to end the tunnel: never watched.
    for (const [field, from, to] of [['public-key', 'B', 'X'], ['preshared-key', '', '<hidden>'], ['disabled', 'no', 'yes']] as const) {
      expect(tunnelCandidates([edit('peer', 'B', { [field]: from }, { [field]: to })], state(peers)), field).toEqual([]);
    }
    expect(tunnelCandidates([edit('interface', 'wg1', { disabled: 'no' }, { disabled: 'yes' })], state(peers))).toEqual([]);
    expect(tunnelCandidates([{ item: { type: 'peer', key: 'A', label: 'A' }, change: 'remove', before: {}, after: null }], state(peers))).toEqual([]);
  });

  it('leave room before the rollback: at most 30 s, 10 s short of the delay, none under 11 s', () => {
    expect([tunnelWindowSec(60), tunnelWindowSec(25), tunnelWindowSec(10)]).toEqual([30, 15, 0]);
  });
});

describe('waiting for a sign of life', () => {
  function clock() {
    let t = 1_000_000;
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  }

  it('a handshake after the change, or traffic after it, counts; silence until the window ends does not', async () => {
    const c = clock();
    const watch = [{ publicKey: 'A', item: { type: 'peer' as const, key: 'A', label: 'a' } }, { publicKey: 'B', item: { type: 'peer' as const, key: 'B', label: 'b' } }, { publicKey: 'C', item: { type: 'peer' as const, key: 'C', label: 'c' } }];
    const start = c.now();
    let reads = 0;
    const read = async () => {
      reads++;
      const elapsed = c.now() - start;
      return state([
        // A handshakes 3 s after the change.
        peer({ publicKey: 'A', lastHandshakeMs: elapsed >= 3_000 ? 0 : 60_000 }),
        // B's keepalives: bytes grow from the second read on (its handshake stays old).
        peer({ publicKey: 'B', lastHandshakeMs: 90_000 + elapsed, rx: reads > 1 ? 148n : 100n }),
        // C: nothing new, ever.
        peer({ publicKey: 'C', lastHandshakeMs: 30_000 + elapsed, rx: 500n }),
      ]);
    };
    const silent = await awaitTunnels(watch, { windowMs: 6_000, read, now: c.now, sleep: c.sleep });
    expect(silent.map((w) => w.publicKey)).toEqual(['C']);
    expect(c.now() - start).toBe(6_000);
  });

  it('stops reading as soon as every watched tunnel answered', async () => {
    const c = clock();
    let reads = 0;
    const read = async () => {
      reads++;
      return state([peer({ publicKey: 'A', rx: reads > 1 ? 200n : 100n, lastHandshakeMs: 100_000 })]);
    };
    expect(await awaitTunnels([{ publicKey: 'A', item: { type: 'peer', key: 'A', label: 'a' } }], { windowMs: 30_000, read, now: c.now, sleep: c.sleep })).toEqual([]);
    expect(reads).toBe(2);
  });
});
