// peers:listManaged keeps its rows per model state and hands unchanged rows on to the next state: a second
// reader of the same state gets the same listing, a new state or new key custody a new one, and every
// listing equals what a PeerList with nothing kept makes. (Here with the monitoring tests: the Peers tab's
// per-poll cost, bench/router-model.bench.ts.)
import { describe, expect, it } from 'vitest';
import { PeerList } from '../../../main/services/management/peer-list.ts';
import type { ManagementDeps } from '../../../main/services/management/deps.ts';
import type { ModelPeer, RouterState, VanishedPeer } from '../../../main/services/router-model/index.ts';
import { MODEL_PARTS } from '../../../main/services/router-model/parts.ts';
import type { KeyCustody } from '../../../main/store/peer-keys.ts';

const ROUTER = 'r1';

function peer(n: number, over: Partial<ModelPeer> = {}): ModelPeer {
  return {
    id: `*${n}`, interface: 'wg0', name: `p${n}`, comment: '', publicKey: `key${n}`, allowedAddress: [`10.0.0.${n}/32`],
    endpointAddress: undefined, endpointPort: 0, currentEndpointAddress: '203.0.113.7', currentEndpointPort: 51820,
    persistentKeepaliveMs: 25_000, presharedKey: undefined, rx: BigInt(n * 1000), tx: BigInt(n * 10), lastHandshakeMs: 5_000,
    disabled: false, dynamic: false, responder: false, client: { address: `10.0.0.${n}/32` }, legacy: {} as ModelPeer['legacy'],
    status: 'online', presharedKeyState: 'none' as ModelPeer['presharedKeyState'], unreadable: [],
    ...over,
  } as ModelPeer;
}

function state(peers: ModelPeer[], vanished: VanishedPeer[] = [], version = '7.18 (stable)'): RouterState {
  const parts = Object.fromEntries(MODEL_PARTS.map((p) => [p, { known: true, readAt: 1 }]));
  return { routerId: ROUTER, source: 'live', seenAt: 1, parts, peers, vanished, facts: { identity: 'r', version, board: 'x', readAt: 1 } } as unknown as RouterState;
}

/** A PeerList over a model whose state and key custody the test sets. */
function fixture() {
  const world = { state: state([]), custody: new Map<string, KeyCustody>() };
  const deps = {
    models: { state: async () => world.state },
    keys: { custodyByKey: () => new Map(world.custody) },
    routers: { get: () => undefined },
    now: () => 0,
  } as unknown as ManagementDeps;
  return { world, list: new PeerList(deps), fresh: () => new PeerList(deps).list(ROUTER) };
}

describe('peers:listManaged kept per model state', () => {
  it('gives a second reader of the same state the same listing', async () => {
    const f = fixture();
    f.world.state = state([peer(1), peer(2)]);
    const first = await f.list.list(ROUTER);
    expect(await f.list.list(ROUTER)).toBe(first);
    expect(first).toEqual(await f.fresh());
  });

  it('makes a new listing for a new state, keeping the rows of the peers it did not touch', async () => {
    const f = fixture();
    const unchanged = peer(1);
    f.world.state = state([unchanged, peer(2), peer(3)]);
    const before = await f.list.list(ROUTER);
    // A poll moved peer 2's counters (a new object) and peer 3 went offline; peer 1 was handed on as it was.
    f.world.state = state([unchanged, peer(2, { rx: 99_999n, lastHandshakeMs: 7_000 }), peer(3, { status: 'offline' })]);
    const after = await f.list.list(ROUTER);
    expect(after).not.toBe(before);
    expect(after).toEqual(await f.fresh());
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(after.rows[1]).toMatchObject({ rx: 99_999, lastHandshakeMs: 7_000 });
    expect(after.rows[2]).toMatchObject({ status: 'offline' });
    // A peer added in front: the rows no longer line up with the state before, and are made again.
    f.world.state = state([peer(9), unchanged]);
    expect(await f.list.list(ROUTER)).toEqual(await f.fresh());
  });

  it('follows key custody and the version within one state', async () => {
    const f = fixture();
    const peers = [peer(1), peer(2)];
    f.world.state = state(peers);
    const before = await f.list.list(ROUTER);
    expect(before.rows.map((r) => r.hasPrivateKey)).toEqual([false, false]);
    f.world.custody.set('key2', 'stored');
    const stored = await f.list.list(ROUTER);
    expect(stored.rows.map((r) => [r.hasPrivateKey, r.keyCustody])).toEqual([[false, null], [true, 'stored']]);
    expect(stored.rows[0]).toBe(before.rows[0]);
    expect(stored).toEqual(await f.fresh());
    // A router before 7.12 has no client-* settings: every row changes.
    f.world.state = state(peers, [], '7.11 (stable)');
    const old = await f.list.list(ROUTER);
    expect(old.rows.map((r) => r.client)).toEqual([null, null]);
    expect(old).toEqual(await f.fresh());
  });

  it('lists vanished peers after the present ones, and notices when one comes or goes', async () => {
    const f = fixture();
    const gone: VanishedPeer = { peer: peer(5), status: 'offline', vanishedAt: 1234 } as VanishedPeer;
    f.world.state = state([peer(1)], [gone]);
    const first = await f.list.list(ROUTER);
    expect(first.rows.map((r) => [r.publicKey, r.vanishedAt])).toEqual([['key1', null], ['key5', 1234]]);
    f.world.state = state([peer(1)], [{ ...gone }]);
    const second = await f.list.list(ROUTER);
    expect(second.rows[1]).toBe(first.rows[1]); // the same vanished peer, handed on in a new entry
    f.world.state = state([peer(1)], [{ ...gone, vanishedAt: 5678 }]);
    expect((await f.list.list(ROUTER)).rows[1]).toMatchObject({ vanishedAt: 5678 });
    f.world.state = state([peer(1)]);
    expect(await f.list.list(ROUTER)).toEqual(await f.fresh());
  });
});
