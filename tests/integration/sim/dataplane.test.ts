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
afterAll(() => client.destroy());

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
});
