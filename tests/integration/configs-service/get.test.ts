// configs:get over the real stack: SQLite, the OS keychain (key vault), the simulator over TCP, the invoker.
// A stored-key peer's config is rebuilt byte for byte and its QR code scans to the same bytes; a peer
// without a kept key gets a reason, never a config.
import { afterAll, afterEach, expect, it } from 'vitest';
import { buildClientConfig, fullTunnelAllowedIps } from '../../../src/domain/index.ts';
import { NO_KEY_MESSAGE } from '../../../main/services/configs/private-key.ts';
import { managedRouter, type Managed } from '../management/support.ts';
import { cleanupTemp, qrPayload } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});
afterAll(() => cleanupTemp());

const IFACE = 'wg-office';

async function officeInterface(mm: Managed) {
  const list = await mm.call('interfaces:list', { routerId: mm.routerId });
  return list.rows.find((i) => i.name === IFACE)!;
}

it('rebuilds a stored-key peer\'s config exactly as buildClientConfig makes it, and its QR code holds the same bytes', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: IFACE, host: 'vpn.example.com', port: 13231 });
  const made = await m.call('peers:create', { routerId, interface: IFACE, name: 'ayse-phone', custody: 'stored', presharedKey: true, client: { dns: '1.1.1.1, 9.9.9.9' } });
  const secret = made.secret!;

  const got = await m.call('configs:get', { routerId, peerId: made.peer.id });
  const expected = buildClientConfig({
    privateKey: secret.privateKey!,
    addresses: made.peer.allowedAddress,
    dns: ['1.1.1.1', '9.9.9.9'],
    serverPublicKey: (await officeInterface(m)).publicKey,
    presharedKey: secret.presharedKey!,
    allowedIps: fullTunnelAllowedIps(),
    endpointHost: 'vpn.example.com',
    endpointPort: 13231,
  });
  expect(expected.ok).toBe(true);
  expect(got.text).toBe(expected.ok && expected.value);
  // The same text the technician got once at creation.
  expect(got.text).toBe(secret.config);
  expect(got).toMatchObject({ fileName: 'ayse-phone.conf', hasPresharedKey: true, endpoint: { host: 'vpn.example.com', port: 13231, source: 'remembered' }, warnings: [] });
  expect(qrPayload(got.qrDataUrl!).equals(Buffer.from(got.text, 'utf8'))).toBe(true);

  // Asked again later, still the same bytes; an explicit DNS and MTU change only their lines.
  expect((await m.call('configs:get', { routerId, peerId: made.peer.id })).text).toBe(got.text);
  const tuned = await m.call('configs:get', { routerId, peerId: made.peer.id, dns: [], mtu: 1380, keepaliveSec: 0 });
  expect(tuned.text).toBe(got.text.replace('DNS = 1.1.1.1, 9.9.9.9\n', 'MTU = 1380\n').replace('PersistentKeepalive = 25\n', ''));
  expect(tuned.warnings.map((w) => w.code)).toEqual(['NO_DNS']);
});

it('offers the router\'s LANs and builds a split-tunnel config from them', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: IFACE, host: 'vpn.example.com', port: 13231 });
  const made = await m.call('peers:create', { routerId, interface: IFACE, name: 'laptop' });
  const full = await m.call('configs:get', { routerId, peerId: made.peer.id });
  expect(full.allowedIps).toEqual(['0.0.0.0/0', '::/0']);
  const lan = full.lanOptions.find((l) => l.interface === 'bridge')!;
  expect(lan).toMatchObject({ network: '192.168.88.0/24', address: '192.168.88.1/24', private: true });
  expect(full.lanOptions.some((l) => l.interface === IFACE)).toBe(false);

  const split = await m.call('configs:get', { routerId, peerId: made.peer.id, preset: 'split', lans: [lan.network] });
  expect(split.allowedIps).toEqual(['10.10.0.0/24', '192.168.88.0/24']);
  expect(split.text).toContain('AllowedIPs = 10.10.0.0/24, 192.168.88.0/24\n');
  expect(split.warnings).toEqual([]);
});

it('refuses a peer whose private key is not kept, with the reason and no config', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: IFACE, host: 'vpn.example.com', port: 13231 });
  const once = await m.call('peers:create', { routerId, interface: IFACE, name: 'shown-once', custody: 'shown-once' });
  const seeded = (await m.call('peers:listManaged', { routerId })).rows.find((p) => !p.hasPrivateKey && p.keyCustody === null && !p.dynamic)!;

  const onceError = await m.fail('configs:get', { routerId, peerId: once.peer.id });
  expect(onceError).toMatchObject({ code: 'NOT_FOUND', message: NO_KEY_MESSAGE, details: { reason: 'KEY_SHOWN_ONCE' } });
  const outsideError = await m.fail('configs:get', { routerId, peerId: seeded.id });
  expect(outsideError).toMatchObject({ code: 'NOT_FOUND', message: NO_KEY_MESSAGE, details: { reason: 'NO_PRIVATE_KEY' } });
  expect(JSON.stringify([onceError.details, outsideError.details])).not.toMatch(/PrivateKey|\[Interface\]/);

  // A single .conf export of such a peer is refused the same way.
  const exported = await m.fail('configs:export', { routerId, peerIds: [seeded.id], kind: 'conf' });
  expect(exported).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'NO_PRIVATE_KEY' } });
});

it('suggests the router\'s DDNS name with the listen port when no endpoint is remembered, then its public address when DDNS is off', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  const made = await m.call('peers:create', { routerId, interface: IFACE, name: 'no-endpoint-yet' });
  expect(made.secret!.config).toBeNull();

  const ddns = await m.call('endpoints:suggest', { routerId, interface: IFACE });
  expect(ddns).toMatchObject({ host: m.sim.state.hardware.dnsName, port: 13231, source: 'ddns' });
  expect(ddns.warnings.map((w) => w.code)).toEqual(['ENDPOINT_NOT_SAVED']);

  // The config is still made, with the suggestion and the warning that it is not saved yet.
  const got = await m.call('configs:get', { routerId, peerId: made.peer.id });
  expect(got.text).toContain(`Endpoint = ${m.sim.state.hardware.dnsName}:13231\n`);
  expect(got.endpoint.source).toBe('ddns');
  expect(got.endpointSuggestion).toEqual(ddns);
  expect(got.warnings.map((w) => w.code)).toContain('ENDPOINT_NOT_SAVED');

  // DDNS off on 7.17+: `auto` (no is refused there) with Back To Home off, so the router shows no name.
  m.sim.state.set('/ip/cloud', '', { 'ddns-enabled': 'auto', 'back-to-home-vpn': 'revoked-and-disabled' });
  const publicAddress = await m.call('endpoints:suggest', { routerId, interface: IFACE });
  expect(publicAddress).toMatchObject({ host: m.sim.state.hardware.publicAddress, port: 13231, source: 'public-address' });
  expect(publicAddress.warnings.map((w) => w.code)).toEqual(['ENDPOINT_NOT_SAVED', 'DDNS_OFF']);

  // Remembered wins over anything the router suggests.
  await m.call('endpoints:set', { routerId, interface: IFACE, host: 'office.example.net', port: 51820 });
  expect(await m.call('endpoints:suggest', { routerId, interface: IFACE })).toEqual({ host: 'office.example.net', port: 51820, source: 'remembered', warnings: [] });
});

it('warns that phones outside the network will not reach a private or loopback endpoint', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: IFACE, host: '192.168.88.1', port: 13231 });
  const made = await m.call('peers:create', { routerId, interface: IFACE, name: 'lan-only' });

  const suggestion = await m.call('endpoints:suggest', { routerId, interface: IFACE });
  expect(suggestion.warnings).toEqual([{ code: 'PRIVATE_ENDPOINT', message: expect.stringContaining('phones outside this network will not reach it') }]);
  const got = await m.call('configs:get', { routerId, peerId: made.peer.id });
  expect(got.warnings.map((w) => w.code)).toEqual(['PRIVATE_ENDPOINT', 'NO_DNS']);
  const loopback = await m.call('configs:get', { routerId, peerId: made.peer.id, endpoint: '127.0.0.1:13231' });
  expect(loopback.endpoint).toEqual({ host: '127.0.0.1', port: 13231, source: 'request' });
  expect(loopback.warnings[0]!.message).toContain('127.0.0.1 is a private or local address: phones outside this network will not reach it');
});

it('refuses when the router hides preshared keys from WireDesk\'s user, instead of a config that may lack one', async () => {
  // Same login as managedRouter's default user, without the "sensitive" policy.
  const policies = ['read', 'write', 'api', 'test', 'policy'];
  m = await managedRouter({ users: [{ name: 'tech', password: 'Test-Parola-7!', policies }] });
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: IFACE, host: 'vpn.example.com', port: 13231 });
  const made = await m.call('peers:create', { routerId, interface: IFACE, name: 'psk-unknown', presharedKey: true });
  const error = await m.fail('configs:get', { routerId, peerId: made.peer.id });
  expect(error).toMatchObject({ code: 'MISSING_POLICY', details: { reason: 'PSK_HIDDEN' } });
  expect(error.message).toContain('"sensitive" policy');
});
