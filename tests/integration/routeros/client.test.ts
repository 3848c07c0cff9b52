// The client against the simulator over real TCP: replies, traps, tags, listen and /cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import type { RouterOsTrapError } from '../../../main/routeros/errors.ts';
import { trapMeaning } from '../../../main/services/management/errors.ts';
import { encodeSentence } from '../../../main/routeros/protocol/codec.ts';
import type { Row } from '../../../main/routeros/rows.ts';
import { startRelay, type Relay } from './support/proxy.ts';
import { optionsFor, recordingLogger, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let client: RouterOsClient | undefined;
let relay: Relay | undefined;

afterEach(async () => {
  client?.close();
  await relay?.close();
  await sim?.close();
  client = undefined;
  relay = undefined;
  sim = undefined;
});

const PEERS = '/interface/wireguard/peers';
const KEY = 'dcKiJ0TpLjtSWZh3G0ILJ9cL56fTIfHBAsZsXdDIlFM=';

async function setup(version = '7.18'): Promise<{ sim: Sim; client: RouterOsClient }> {
  sim = await simulator({ version });
  client = await connect(optionsFor(sim));
  return { sim, client };
}

describe('replies', () => {
  it('prints, adds (returning the new .id), sets and removes', async () => {
    const { client } = await setup();
    await client.add('/interface/wireguard', { name: 'wg-office', 'listen-port': 13231 });
    const id = await client.add(PEERS, { interface: 'wg-office', 'public-key': KEY, 'allowed-address': '10.8.0.2/32' });
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    await client.set(PEERS, id, { comment: 'laptop' });
    const [peer] = await client.print(PEERS, { query: [`.id=${id}`], proplist: ['.id', 'comment', 'public-key'] });
    expect(peer).toEqual({ '.id': id, comment: 'laptop', 'public-key': KEY });
    await client.remove(PEERS, id);
    expect(await client.print(PEERS, { query: [`.id=${id}`] })).toEqual([]);
  });

  it('removes several items in one command', async () => {
    const { client, sim } = await setup();
    await client.add('/interface/wireguard', { name: 'wg0' });
    const ids = await Promise.all(['10.1.0.1/24', '10.2.0.1/24'].map((address) => client.add('/ip/address', { address, interface: 'wg0' })));
    await client.remove('/ip/address', ids);
    expect(ids.map((id) => sim.state.table('/ip/address').find(id))).toEqual([undefined, undefined]);
  });

  it('accepts !empty (7.18+) for a command without rows', async () => {
    const { client } = await setup('7.18');
    const result = await client.call(`${PEERS}/print`, {}, {});
    expect(result).toMatchObject({ rows: [], empty: true });
  });

  it('handles a router before 7.18 that ends an empty print with a bare !done', async () => {
    const { client } = await setup('7.12');
    expect(await client.call(`${PEERS}/print`)).toMatchObject({ rows: [], empty: false });
  });
});

describe('traps', () => {
  it('keeps the category of a refused command', async () => {
    const { client } = await setup();
    const error = await client.add('/ip/address', { address: '192.168.88.1/24', interface: 'asdf' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TRAP',
      category: 1,
      command: '/ip/address/add',
      traps: [{ message: 'input does not match any value of interface', category: 1 }],
    });
    expect((error as Error).message).toContain(sim!.host);
  });

  it('reports an item that is gone with the router\'s own text, no such item (4), which reads as no-such-item', async () => {
    const { client } = await setup();
    await client.add('/interface/wireguard', { name: 'wg0' });
    const id = await client.add(PEERS, { interface: 'wg0', 'public-key': KEY, 'allowed-address': '10.8.0.2/32' });
    await client.remove(PEERS, id);
    const error = await client.set(PEERS, id, { comment: 'late' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TRAP', traps: [{ message: 'no such item (4)', category: 0 }] });
    expect(trapMeaning((error as RouterOsTrapError).routerMessage)).toBe('no-such-item');
  });

  it('keeps every trap when several precede one !done', async () => {
    const { client } = await setup();
    const error = await client.print('/ip/adress').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TRAP',
      category: 0,
      traps: [
        { message: 'no such command or directory (adress)', category: 0 },
        { message: 'no such command prefix', category: undefined },
      ],
    });
    expect((error as Error).message).toContain('no such command prefix');
  });
});

describe('tags', () => {
  it('logs and ignores a reply for a tag it never sent', async () => {
    sim = await simulator();
    relay = await startRelay(sim);
    const logger = recordingLogger();
    client = await connect(optionsFor({ host: '127.0.0.1', port: relay.port }, { logger }));
    relay.inject(encodeSentence(['!re', '.tag=not-ours', '=name=intruder']));
    relay.inject(encodeSentence(['!done', '.tag=not-ours']));
    expect(await client.print('/system/identity')).toHaveLength(1);
    expect(logger.warnings).toContainEqual({
      message: 'ignored a reply for an unknown tag',
      context: expect.objectContaining({ tag: 'not-ours', reply: '!re' }),
    });
    expect(client.isOpen).toBe(true);
  });

  it('runs dozens of commands concurrently on one connection, each answer to its caller', async () => {
    const { client, sim } = await setup();
    await client.add('/interface/wireguard', { name: 'wg0' });
    const before = sim.state.table('/ip/address').size;
    const adds = Array.from({ length: 40 }, (_, i) =>
      client.add('/ip/address', { address: `10.${i}.0.1/24`, interface: 'wg0', comment: `n${i}` }),
    );
    const ids = await Promise.all(adds);
    expect(new Set(ids).size).toBe(40);
    const reads = ids.map((id) => client.print('/ip/address', { query: [`.id=${id}`], proplist: ['comment'] }));
    const rows = await Promise.all(reads);
    expect(rows.map((r) => r[0]?.['comment'])).toEqual(ids.map((_, i) => `n${i}`));
    expect(sim.state.table('/ip/address').size).toBe(before + 40);
  });
});

describe('long-running commands', () => {
  it('streams listen rows and ends the stream on cancel', async () => {
    const { client, sim } = await setup();
    await client.add('/interface/wireguard', { name: 'wg0' });
    const seen: Row[] = [];
    let sawPeer: () => void = () => {};
    const gotRow = new Promise<void>((resolve) => (sawPeer = resolve));
    const stream = client.listen(PEERS, (row) => {
      seen.push(row);
      sawPeer();
    });
    // listen is running once a later command on the same connection has completed.
    await client.print('/system/identity');
    sim.state.add(PEERS, { interface: 'wg0', 'public-key': KEY, 'allowed-address': '10.0.0.2/32' });
    await gotRow;
    expect(seen[0]?.['public-key']).toBe(KEY);
    await stream.cancel();
    await expect(stream.done).resolves.toBeUndefined();
    expect(client.isOpen).toBe(true);
  });

  it('cancels a running command by tag: its promise rejects with CANCELLED', async () => {
    const { client } = await setup();
    const endless = client.call('/ping', { address: '127.0.0.1' }, { tag: 'ping1', timeoutMs: 0 });
    client.cancel('ping1');
    await expect(endless).rejects.toMatchObject({ code: 'CANCELLED', command: '/ping' });
    expect(await client.print('/system/identity')).toHaveLength(1);
  });

  it('cancels a running command when its AbortSignal aborts', async () => {
    const { client } = await setup();
    const controller = new AbortController();
    const endless = client.call('/ping', { address: '127.0.0.1', interval: '10ms' }, { signal: controller.signal, timeoutMs: 0 });
    controller.abort();
    await expect(endless).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await client.print('/system/identity')).toHaveLength(1);
  });
});
