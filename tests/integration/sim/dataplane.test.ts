import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPlaneUnavailableReason, startSimulator, DataPlaneUnavailableError } from '../../../main/sim/index.ts';
import { ClientNamespace, sh } from './helpers/client-namespace.ts';
import { login, simulators } from './helpers/sim.ts';

const reason = dataPlaneUnavailableReason();
if (reason) console.warn(`[sim data plane tests skipped] ${reason}`);

const start = simulators();
const client = new ClientNamespace('dp');
const walled = new ClientNamespace('dpfw');
afterAll(async () => {
  await client.destroy();
  await walled.destroy();
});

function keyPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  return { privateKey: Buffer.from(jwk.d!, 'base64url').toString('base64'), publicKey: Buffer.from(jwk.x!, 'base64url').toString('base64') };
}

describe('real data plane (wireguard-go in a network namespace)', () => {
  it.skipIf(reason === null)('is refused with a clear reason where it cannot run', async () => {
    await expect(startSimulator({ dataPlane: {} })).rejects.toThrow(DataPlaneUnavailableError);
  });

  it.skipIf(reason !== null)('carries real traffic for a peer created through the API', async () => {
    await client.create();
    const sim = await start({
      dataPlane: { uplink: { namespace: client.name, hostAddress: '198.18.0.1/30', routerAddress: '198.18.0.2/30' } },
    });
    const namespace = sim.dataPlane!.namespace;
    const api = await login(sim);

    const wgId = (await api.call(['/interface/wireguard/add', '=name=wg-dp', '=listen-port=51900']))[0]!.get('ret')!;
    const [iface] = await api.rows(['/interface/wireguard/print', `?.id=${wgId}`]);
    expect(iface!.running).toBe('true');
    await api.call(['/ip/address/add', '=address=10.77.0.1/24', '=interface=wg-dp']);
    // The default configuration drops what does not come from LAN: the port is let in, as on a real router.
    const drop = (await api.rows(['/ip/firewall/filter/print', '?comment=defconf: drop all not coming from LAN']))[0]!['.id']!;
    await api.call(['/ip/firewall/filter/add', '=chain=input', '=action=accept', '=protocol=udp', '=dst-port=51900', `=place-before=${drop}`]);

    const clientKeys = keyPair();
    const add = await api.call(['/interface/wireguard/peers/add', '=interface=wg-dp', `=public-key=${clientKeys.publicKey}`, '=allowed-address=10.77.0.2/32']);
    expect(add.at(-1)!.head).toBe('!done');
    expect(sim.dataPlane!.errors).toEqual([]);

    const device = sim.dataPlane!.deviceName('wg-dp')!;
    const dump = await sh('ip', ['netns', 'exec', namespace, 'wg', 'show', device, 'dump']);
    expect(dump).toContain(clientKeys.publicKey);
    expect(await sh('ip', ['-n', namespace, 'addr', 'show', 'dev', device])).toContain('10.77.0.1/24');

    await client.startWireguard({
      privateKey: clientKeys.privateKey,
      address: '10.77.0.2/24',
      peerPublicKey: iface!['public-key']!,
      endpoint: '198.18.0.2:51900',
      allowedIps: '10.77.0.0/24',
    });
    // -w: overall deadline; exit code 0 means at least one reply came back through the tunnel.
    await client.exec(['ping', '-n', '-c', '3', '-i', '0.2', '-w', '15', '10.77.0.1']);

    const [peer] = await api.rows(['/interface/wireguard/peers/print', `?public-key=${clientKeys.publicKey}`]);
    expect(Number(peer!.rx)).toBeGreaterThan(0);
    expect(Number(peer!.tx)).toBeGreaterThan(0);
    expect(peer!['last-handshake']).toMatch(/^\d+s$|^\d+m/);
    expect(peer!['current-endpoint-address']).toBe('198.18.0.1');
    expect(Number(peer!['current-endpoint-port'])).toBeGreaterThan(0);

    // The router's own /ping goes through the real tunnel too.
    const pings = await api.rows(['/ping', '=address=10.77.0.2', '=count=2', '=interval=100ms']);
    expect(pings.some((r) => r.status !== 'timeout' && r.time !== undefined)).toBe(true);

    // Disabling the peer removes it from the device.
    await api.call(['/interface/wireguard/peers/disable', `=.id=${peer!['.id']}`]);
    expect(await sh('ip', ['netns', 'exec', namespace, 'wg', 'show', device, 'peers'])).not.toContain(clientKeys.publicKey);

    await sim.close();
    expect(await sh('ip', ['netns', 'list'])).not.toContain(namespace);
    expect(existsSync(`/var/run/wireguard/${device}.sock`)).toBe(false);
  });

  it.skipIf(reason !== null)('enforces the firewall filter in order, and its counters count what each rule matched', async () => {
    await walled.create();
    const sim = await start({
      dataPlane: { uplink: { namespace: walled.name, hostAddress: '198.18.0.21/30', routerAddress: '198.18.0.22/30' } },
    });
    const api = await login(sim);
    const wgId = (await api.call(['/interface/wireguard/add', '=name=wg-fw', '=listen-port=51910']))[0]!.get('ret')!;
    const [iface] = await api.rows(['/interface/wireguard/print', `?.id=${wgId}`]);
    await api.call(['/ip/address/add', '=address=10.78.0.1/24', '=interface=wg-fw']);
    const clientKeys = keyPair();
    await api.call(['/interface/wireguard/peers/add', '=interface=wg-fw', `=public-key=${clientKeys.publicKey}`, '=allowed-address=10.78.0.2/32']);
    // The accept for the port sits after defconf's drop: the drop takes the handshakes first.
    await api.call(['/ip/firewall/filter/add', '=chain=input', '=action=accept', '=protocol=udp', '=dst-port=51910', '=comment=late accept']);
    const rule = async (comment: string) => (await api.rows(['/ip/firewall/filter/print', `?comment=${comment}`]))[0]!;
    const dropBefore = Number((await rule('defconf: drop all not coming from LAN')).packets);
    await walled.startWireguard({
      privateKey: clientKeys.privateKey, address: '10.78.0.2/24', peerPublicKey: iface!['public-key']!,
      endpoint: '198.18.0.22:51910', allowedIps: '10.78.0.0/24',
    });
    await expect(walled.exec(['ping', '-n', '-c', '2', '-i', '0.5', '-w', '4', '10.78.0.1'])).rejects.toThrow();
    const [silent] = await api.rows(['/interface/wireguard/peers/print', `?public-key=${clientKeys.publicKey}`]);
    expect(silent!['last-handshake']).toBeUndefined();
    expect(Number((await rule('late accept')).packets)).toBe(0);
    expect(Number((await rule('defconf: drop all not coming from LAN')).packets)).toBeGreaterThan(dropBefore);

    // An accept placed before the drop (as the one-click fix adds it): the same device's next handshake gets through.
    const drop = (await rule('defconf: drop all not coming from LAN'))['.id']!;
    const early = (await api.call(['/ip/firewall/filter/add', '=chain=input', '=action=accept', '=protocol=udp', '=dst-port=51910', '=comment=early accept', `=place-before=${drop}`]))[0]!.get('ret')!;
    await walled.exec(['ping', '-n', '-c', '3', '-i', '0.2', '-w', '15', '10.78.0.1']);
    const [peer] = await api.rows(['/interface/wireguard/peers/print', `?public-key=${clientKeys.publicKey}`]);
    expect(peer!['last-handshake']).toMatch(/^\d+s$/);
    expect(Number((await rule('late accept')).packets)).toBe(0);
    const counted = await rule('early accept');
    expect(Number(counted.packets)).toBeGreaterThan(0);
    expect(Number(counted.bytes)).toBeGreaterThan(Number(counted.packets) * 28);
    // Disabled, a rule matches nothing and its counters stay; the tunnel, now an established connection, goes on
    // through defconf's first rule.
    await api.call(['/ip/firewall/filter/disable', `=.id=${early}`]);
    const kept = Number((await rule('early accept')).packets);
    const established = Number((await rule('defconf: accept established,related,untracked')).packets);
    await walled.exec(['ping', '-n', '-c', '2', '-i', '0.2', '-w', '10', '10.78.0.1']);
    expect(Number((await rule('early accept')).packets)).toBe(kept);
    expect(Number((await rule('defconf: accept established,related,untracked')).packets)).toBeGreaterThan(established);
    expect(sim.dataPlane!.errors).toEqual([]);
    await sim.close();
  });
});
