// Framing under stress over real TCP: replies cut into 1-byte segments (inside length prefixes too),
// words of several MB, a 10,000-row print.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let client: RouterOsClient | undefined;

afterEach(async () => {
  client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

describe('fragmentation', () => {
  it('logs in and reads with every reply split into 1-byte TCP writes', async () => {
    sim = await simulator();
    sim.faults.fragment(1);
    client = await connect(optionsFor(sim));
    const [identity] = await client.print('/system/identity');
    expect(identity?.['name']).toBe(sim.state.print('/system/identity')[0]?.['name']);
    // A comment over 127 bytes needs a 2-byte length prefix, which the 1-byte segments split.
    const comment = 'x'.repeat(300);
    await client.add('/interface/wireguard', { name: 'wg0', comment });
    const [wg] = await client.print('/interface/wireguard', { proplist: ['name', 'comment'] });
    expect(wg).toEqual({ name: 'wg0', comment });
  });

  it('reads a word with a 3-byte length prefix delivered one byte at a time', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const comment = 'ğ'.repeat(10_000); // 20,000 bytes of UTF-8: over 0x4000, so a 3-byte prefix
    await client.add('/interface/wireguard', { name: 'wg0', comment });
    sim.faults.fragment(1);
    const [wg] = await client.print('/interface/wireguard', { proplist: ['comment'] });
    expect(wg?.['comment'] === comment).toBe(true);
  });

  it('keeps concurrent replies apart under odd segment sizes', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    await client.add('/interface/wireguard', { name: 'wg0', comment: 'é'.repeat(100) });
    sim.faults.fragment(3);
    const reads = Array.from({ length: 10 }, () => client!.print('/interface/wireguard', { proplist: ['comment'] }));
    for (const rows of await Promise.all(reads)) expect(rows).toEqual([{ comment: 'é'.repeat(100) }]);
  });
});

describe('size', () => {
  it('writes and reads back a word of several MB', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const comment = 'WireGuard-'.repeat(400_000); // 4 MB: a 4-byte length prefix
    await client.add('/interface/wireguard', { name: 'wg0', comment });
    const [wg] = await client.print('/interface/wireguard', { proplist: ['comment'] });
    expect(wg?.['comment']?.length).toBe(comment.length);
    expect(wg?.['comment'] === comment).toBe(true);
  });

  it('prints 10,000 rows', async () => {
    sim = await simulator();
    // Firewall rules seed fast; 10,000 peers take the simulator's key and duplicate checks a while.
    const filter = sim.state.table('/ip/firewall/filter');
    const before = filter.size;
    for (let i = 0; i < 10_000; i++) {
      sim.state.add('/ip/firewall/filter', { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': 20_000 + i });
    }
    client = await connect(optionsFor(sim));
    const rows = await client.print('/ip/firewall/filter', { proplist: ['.id', 'dst-port'] });
    expect(rows).toHaveLength(before + 10_000);
    expect(new Set(rows.map((r) => r['.id'])).size).toBe(rows.length);
    expect(rows.at(-1)).toMatchObject({ 'dst-port': '29999' });
  });
});
