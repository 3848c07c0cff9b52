// Menu helpers against the simulator: RouterOS strings in, domain objects out, version-aware writes.
import { afterEach, describe, expect, it } from 'vitest';
import { parseRouterOsVersion, type RouterOsVersion } from '../../../src/domain/routeros-version.ts';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import {
  addFilterRule,
  addIpAddress,
  addPeer,
  addWireGuardInterface,
  getIdentity,
  getResource,
  getRouterVersion,
  listFilterRules,
  listIpAddresses,
  listPeers,
  listWireGuardInterfaces,
  ping,
  removeIpAddress,
  removePeers,
  setIdentity,
  setPeer,
  toIpCloud,
  IP_CLOUD_PATH,
} from '../../../main/routeros/menus/index.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let client: RouterOsClient | undefined;

afterEach(async () => {
  client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const KEY = 'dcKiJ0TpLjtSWZh3G0ILJ9cL56fTIfHBAsZsXdDIlFM=';

async function setup(version: string): Promise<{ sim: Sim; client: RouterOsClient; version: RouterOsVersion }> {
  sim = await simulator({ version, peers: 3, clock: { now: () => NOW } });
  client = await connect(optionsFor(sim));
  return { sim, client, version: await getRouterVersion(client) };
}

function v(text: string): RouterOsVersion {
  const parsed = parseRouterOsVersion(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('system', () => {
  it('reads identity, resource and version', async () => {
    const { client, version } = await setup('7.16');
    expect(await getIdentity(client)).toBe('HQ-Gateway');
    await setIdentity(client, 'Şube-İzmir');
    expect(await getIdentity(client)).toBe('Şube-İzmir');
    const resource = await getResource(client);
    expect(resource).toMatchObject({ versionText: '7.16.2 (stable)', boardName: 'RB5009UG+S+', cpuCount: 4 });
    expect(resource.uptimeMs).toBeGreaterThan(0);
    expect(resource.totalMemory).toBe(1073741824);
    expect(version).toMatchObject({ major: 7, minor: 16, patch: 2 });
  });

  it('reads /ip/cloud', async () => {
    const { client } = await setup('7.18');
    const [row] = await client.print(IP_CLOUD_PATH);
    expect(toIpCloud(row!)).toMatchObject({
      ddnsEnabled: true,
      dnsName: expect.stringMatching(/\.sn\.mynetname\.net$/),
      status: 'updated',
    });
  });
});

describe('wireguard peers', () => {
  it('maps counters, handshake age and absent handshakes', async () => {
    const { client, sim } = await setup('7.21');
    const [first, second] = sim.state.table('/interface/wireguard/peers').rows;
    sim.state.setPeerTraffic(first!.idText, { rx: 5_300, tx: 2 ** 53 + 10, handshakeAgeSeconds: 105 });
    sim.state.setPeerTraffic(second!.idText, { rx: 0, tx: 0, handshakeAgeSeconds: null });
    const peers = await listPeers(client, { interface: 'wg-office' });
    const a = peers.find((p) => p.id === first!.idText)!;
    const b = peers.find((p) => p.id === second!.idText)!;
    expect(a).toMatchObject({ rx: 5300n, lastHandshakeMs: 105_000, responder: false, persistentKeepaliveMs: 25_000 });
    expect(a.tx).toBe(BigInt(2 ** 53 + 10));
    expect(a.client.allowedAddress).toBe('::/0');
    expect(b.lastHandshakeMs).toBeUndefined();
    expect(b.id).toMatch(/^\*[0-9A-F]+$/);
  });

  it('writes responder as is-responder on 7.15-7.16 and as responder from 7.17', async () => {
    for (const [versionText, field] of [['7.16', 'is-responder'], ['7.17', 'responder']] as const) {
      const { client, sim, version } = await setup(versionText);
      const id = await addPeer(client, { interface: 'wg-office', publicKey: KEY, allowedAddress: ['10.10.9.2/32'], responder: true, name: 'road-warrior' }, version);
      expect(sim.state.table('/interface/wireguard/peers').find(id)?.get(field)).toBe('true');
      const peer = (await listPeers(client)).find((p) => p.id === id);
      expect(peer).toMatchObject({ responder: true, name: 'road-warrior', endpointAddress: undefined });
      client.close();
      await sim.close();
    }
  });

  it('refuses fields the router version does not have, before sending anything', async () => {
    const { client, version } = await setup('7.12');
    expect(() => addPeer(client, { interface: 'wg-office', publicKey: KEY, allowedAddress: ['10.0.0.2/32'], name: 'x' }, version)).toThrow(/7\.15/);
    expect(() => addPeer(client, { interface: 'wg-office', publicKey: KEY, allowedAddress: ['10.0.0.2/32'], client: { allowedAddress: '10.0.0.0/24' } }, v('7.20'))).toThrow(/7\.21/);
  });

  it('adds, updates and removes a peer and a WireGuard interface', async () => {
    const { client, version, sim } = await setup('7.21');
    await addWireGuardInterface(client, { name: 'wg-branch', listenPort: 13232 }, version);
    const wg = (await listWireGuardInterfaces(client)).find((i) => i.name === 'wg-branch');
    expect(wg).toMatchObject({ listenPort: 13232, mtu: 1420, running: true, disabled: false, vrf: 'main' });
    const id = await addPeer(
      client,
      {
        interface: 'wg-branch',
        publicKey: KEY,
        allowedAddress: ['10.20.0.2/32', '10.20.1.0/24'],
        persistentKeepaliveMs: 25_000,
        comment: 'Şube router',
        client: { address: '10.20.0.2/32', allowedAddress: '10.20.0.0/16' },
      },
      version,
    );
    await setPeer(client, id, { persistentKeepaliveMs: 0, disabled: true }, version);
    const peer = (await listPeers(client, { interface: 'wg-branch' }))[0]!;
    expect(peer).toMatchObject({
      allowedAddress: ['10.20.0.2/32', '10.20.1.0/24'],
      comment: 'Şube router',
      persistentKeepaliveMs: undefined,
      disabled: true,
      client: { address: '10.20.0.2/32', allowedAddress: '10.20.0.0/16' },
    });
    await removePeers(client, [id]);
    expect(sim.state.table('/interface/wireguard/peers').find(id)).toBeUndefined();
  });
});

describe('ip and firewall', () => {
  it('manages addresses on the WireGuard interface', async () => {
    const { client } = await setup('7.18');
    const before = await listIpAddresses(client, { interface: 'wg-office' });
    const id = await addIpAddress(client, { address: '10.99.0.1/24', interface: 'wg-office', comment: 'wg server' });
    const entry = (await listIpAddresses(client, { interface: 'wg-office' })).find((a) => a.id === id);
    expect(entry).toMatchObject({ address: '10.99.0.1/24', network: '10.99.0.0', comment: 'wg server', invalid: false, dynamic: false });
    await removeIpAddress(client, id);
    expect(await listIpAddresses(client, { interface: 'wg-office' })).toEqual(before);
  });

  it('lists input rules and inserts one before another', async () => {
    const { client } = await setup('7.18');
    const input = await listFilterRules(client, { chain: 'input' });
    const last = input.at(-1)!;
    const id = await addFilterRule(client, {
      chain: 'input',
      action: 'accept',
      protocol: 'udp',
      dstPort: '13233',
      comment: 'WireDesk',
      placeBefore: last.id,
    });
    const after = await listFilterRules(client, { chain: 'input' });
    expect(after.map((r) => r.id).slice(-2)).toEqual([id, last.id]);
    expect(after.find((r) => r.id === id)).toMatchObject({ protocol: 'udp', dstPort: '13233', bytes: 0n });
  });
});

describe('ping', () => {
  it('pings from the router and reads round-trip times', async () => {
    const { client } = await setup('7.18');
    const result = await ping(client, { address: '192.168.88.1', count: 3, intervalMs: 20 });
    expect(result).toMatchObject({ sent: 3, received: 3, packetLossPercent: 0 });
    expect(result.replies).toHaveLength(3);
    expect(result.replies[0]!.timeMs).toBeGreaterThan(0);
    expect(result.avgRttMs).toBeGreaterThan(0);
  });

  it('reports lost probes', async () => {
    const { client } = await setup('7.18');
    const result = await ping(client, { address: '10.255.255.1', count: 2, intervalMs: 20 });
    expect(result).toMatchObject({ sent: 2, received: 0, packetLossPercent: 100, avgRttMs: undefined });
    expect(result.replies.map((r) => r.status)).toEqual(['timeout', 'timeout']);
  });
});
