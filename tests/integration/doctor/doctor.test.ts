// The connection doctor against the simulator over TCP: a router set up to show each cause gets that cause
// ranked first, with the right fix; the fix goes through the Preview step like any change (the words
// previewed are the words sent), and once applied the cause is gone from the next diagnosis.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/services/app-services.ts';
import type { ChangeRequest, InvokeOutput } from '../../../src/contract/index.ts';
import { managedRouter, PEERS, testKey, type Managed } from '../management/support.ts';
import { changeWrites, expectSent } from '../changes/sent-words.ts';
import { startTestDns } from './dns-server.ts';
import { nextPoll } from '../router-model/support.ts';

const open: Managed[] = [];
async function router() {
  const m = await managedRouter({ peers: 4 });
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

/** Applies a fix the way the doctor panel does: its preview, then its own channel with that plan's id. */
async function applyFix(m: Managed, fix: ChangeRequest): Promise<void> {
  const preview = await m.call('changes:preview', fix);
  m.sim.commands.start();
  const planId = preview.planId;
  switch (fix.kind) {
    case 'peer.setDisabled': await m.call('peers:setDisabled', { ...fix.input, planId }); break;
    case 'peer.update': await m.call('peers:update', { ...fix.input, planId }); break;
    case 'interface.setDisabled': await m.call('interfaces:setDisabled', { ...fix.input, planId }); break;
    case 'interface.openPort': await m.call('interfaces:openPort', { ...fix.input, planId }); break;
    case 'interface.addAddress': await m.call('interfaces:addAddress', { ...fix.input, planId }); break;
    case 'peer.rotateKeys': await m.call('peers:rotateKeys', { ...fix.input, planId }); break;
    case 'router.ntp': await m.call('router:enableNtp', { ...fix.input, planId }); break;
    default: throw new Error(`no fix channel for ${fix.kind}`);
  }
  expectSent(preview.commands, changeWrites(m.sim.commands.stop()));
}

const codes = (d: InvokeOutput<'peers:diagnose'>) => d.causes.map((c) => c.code);

describe('the connection doctor', () => {
  it('ranks a disabled peer, a disabled interface and a dropped port first, and each fix clears its cause', async () => {
    const m = await router();
    const { routerId } = m;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-1' })).peer;

    // Never connected, nothing else wrong: the plain state, no fix.
    expect((await m.call('peers:diagnose', { routerId, peerId: peer.id })).causes).toEqual([{ code: 'never-connected', params: { name: 'doktor-1' }, fix: null }]);

    await m.call('peers:setDisabled', { routerId, peerId: peer.id, disabled: true });
    let d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'peer-disabled', fix: { kind: 'peer.setDisabled', input: { peerId: peer.id, disabled: false } } });
    await applyFix(m, d.causes[0]!.fix!);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).not.toContain('peer-disabled');

    // A new interface whose port the default firewall drops, with a phone that dials in.
    const made = await m.call('interfaces:create', { routerId, name: 'wg-doktor', listenPort: 51888, address: '10.77.0.1/24' });
    const phone = (await m.call('peers:create', { routerId, interface: 'wg-doktor', name: 'doktor-telefon' })).peer;
    d = await m.call('peers:diagnose', { routerId, peerId: phone.id });
    expect(d.causes[0]).toMatchObject({ code: 'port-closed', params: { interface: 'wg-doktor', port: 51888, rule: 'defconf: drop all not coming from LAN' }, fix: { kind: 'interface.openPort' } });
    await applyFix(m, d.causes[0]!.fix!);
    // The new accept has counted nothing yet: no packet of the phone has reached the router.
    d = await m.call('peers:diagnose', { routerId, peerId: phone.id });
    expect(d.causes).toEqual([
      { code: 'port-never-hit', params: { interface: 'wg-doktor', port: 51888, rule: 'WireGuard wg-doktor' }, fix: null },
      { code: 'never-connected', params: { name: 'doktor-telefon' }, fix: null },
    ]);

    // The interface's address removed in WinBox: no route to the tunnel subnet. The fix puts the router's
    // address back in the subnet of the interface's peers, on a host no peer has.
    const address = m.rows('/ip/address').find((a) => a['interface'] === 'wg-doktor')!;
    m.sim.state.remove('/ip/address', address['.id']!);
    await m.settle();
    d = await m.call('peers:diagnose', { routerId, peerId: phone.id });
    expect(phone.allowedAddress).toEqual(['10.77.0.2/32']);
    expect(d.causes[0]).toEqual({
      code: 'interface-no-address', params: { interface: 'wg-doktor', address: '10.77.0.1/24' },
      fix: { kind: 'interface.addAddress', input: { routerId, interfaceId: made.interface.id, address: '10.77.0.1/24' } },
    });
    await applyFix(m, d.causes[0]!.fix!);
    expect(m.rows('/ip/address').filter((a) => a['interface'] === 'wg-doktor').map((a) => a['address'])).toEqual(['10.77.0.1/24']);
    // From a precheck (no address given): WireDesk proposes one; the preview shows it and the apply sends just that.
    const bare = await m.call('interfaces:create', { routerId, name: 'wg-bos', listenPort: 51889 });
    const proposed = await m.call('changes:preview', { kind: 'interface.addAddress', input: { routerId, interfaceId: bare.interface.id } });
    expect(proposed.commands).toEqual([expect.stringMatching(/^\/ip address add address=\d+\.\d+\.\d+\.1\/24 interface=wg-bos comment=WireGuard$/)]);
    m.sim.commands.start();
    await m.call('interfaces:addAddress', { routerId, interfaceId: bare.interface.id, planId: proposed.planId });
    expectSent(proposed.commands, changeWrites(m.sim.commands.stop()));
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: phone.id }))).not.toContain('interface-no-address');

    await m.call('interfaces:setDisabled', { routerId, interfaceId: made.interface.id, disabled: true });
    d = await m.call('peers:diagnose', { routerId, peerId: phone.id });
    expect(d.causes[0]).toMatchObject({ code: 'interface-disabled', params: { interface: 'wg-doktor' }, fix: { kind: 'interface.setDisabled' } });
    await applyFix(m, d.causes[0]!.fix!);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: phone.id }))).not.toContain('interface-disabled');
  });

  it('finds an endpoint that points at the router itself, a dialled peer without keepalive, and addresses another peer claims', async () => {
    const m = await router();
    const { routerId } = m;
    const wan = m.rows('/ip/address').find((a) => a['interface'] === 'ether1')!['address']!.split('/')[0]!;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-2' })).peer;

    // The phone's own config line "Endpoint = <router>:13231" typed into the router's peer.
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': wan, 'endpoint-port': '13231' });
    await m.settle();
    let d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'endpoint-is-router', params: { endpoint: wan }, fix: { kind: 'peer.update', input: { endpoint: null } } });
    expect(codes(d)).not.toContain('keepalive-missing');
    await applyFix(m, d.causes[0]!.fix!);
    expect(m.rows().find((r) => r['.id'] === peer.id)?.['endpoint-address'] ?? '').toBe('');

    // A branch router the office dials, behind NAT, without keepalive.
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '198.51.100.77', 'endpoint-port': '13231', 'persistent-keepalive': '0s' });
    await m.settle();
    d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'keepalive-missing', params: { seconds: 25 }, fix: { kind: 'peer.update', input: { persistentKeepaliveSec: 25 } } });
    await applyFix(m, d.causes[0]!.fix!);
    expect(m.rows().find((r) => r['.id'] === peer.id)?.['persistent-keepalive']).toBe('25s');

    // Another peer claims the same tunnel address (added in WinBox): no fix offered, both named.
    const address = m.rows().find((r) => r['.id'] === peer.id)!['allowed-address']!;
    m.sim.state.add(PEERS, { interface: 'wg-office', name: 'kopya', 'public-key': testKey(7), 'allowed-address': address });
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '', 'endpoint-port': '0' });
    await m.settle();
    d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toEqual({ code: 'address-overlap', params: { name: 'doktor-2', address, other: 'kopya', otherAddress: address }, fix: null });
  });

  it('reads the counters: sent with nothing back, or packets in without a handshake', async () => {
    const m = await router();
    const { routerId } = m;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-3' })).peer;
    // Counters come with the polls: poll often, so the test does not wait long for the next one.
    m.s.settings.update({ pollIntervalSec: 2 });
    // The router dials a branch and its initiations go out unanswered.
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '198.51.100.9', 'endpoint-port': '13231', 'persistent-keepalive': '25s' });
    m.sim.state.setPeerTraffic(peer.id, { tx: 4440, rx: 0, handshakeAgeSeconds: null });
    await nextPoll(m.s, routerId);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).toEqual(['no-answer', 'never-connected']);
    // Packets come in, but no handshake completes (another key on one side).
    m.sim.state.setPeerTraffic(peer.id, { tx: 4440, rx: 1480, handshakeAgeSeconds: null });
    await nextPoll(m.s, routerId);
    expect((await m.call('peers:diagnose', { routerId, peerId: peer.id })).causes[0]).toMatchObject({ code: 'handshake-fails', params: { rx: 1480 } });
    // Connected once, last seen 20 minutes ago, nothing else to go on: the plain state, no fix.
    m.sim.state.setPeerTraffic(peer.id, { tx: 9000, rx: 7000, handshakeAgeSeconds: 1200 });
    await nextPoll(m.s, routerId);
    const stale = (await m.call('peers:diagnose', { routerId, peerId: peer.id })).causes;
    expect(stale).toEqual([{ code: 'handshake-stale', params: { name: 'doktor-3', seconds: expect.any(Number) }, fix: null }]);
    expect(Number(stale[0]!.params['seconds'])).toBeGreaterThanOrEqual(1200);
  });

  it('reads the traffic history: a branch that was connected, which the router keeps dialling with nothing coming back', async () => {
    // The polls' clock moves a minute and more between polls, so the history covers minutes in a few seconds.
    let shift = 0;
    const m = await managedRouter({ peers: 4 }, { now: () => Date.now() + shift });
    open.push(m);
    const { routerId } = m;
    m.s.settings.update({ pollIntervalSec: 2 });
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-9' })).peer;
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '198.51.100.44', 'endpoint-port': '13231', 'persistent-keepalive': '25s' });
    m.sim.state.setPeerTraffic(peer.id, { tx: 10_000, rx: 5_000, handshakeAgeSeconds: 900 });
    await nextPoll(m.s, routerId);
    for (let i = 1; i <= 4; i++) {
      shift += 70_000;
      m.sim.state.setPeerTraffic(peer.id, { tx: 10_000 + i * 1_480, rx: 5_000, handshakeAgeSeconds: 900 + i * 70 });
      await nextPoll(m.s, routerId);
    }
    const d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(codes(d)).toEqual(['answers-stopped', 'handshake-stale']);
    expect(d.causes[0]).toEqual({ code: 'answers-stopped', params: { name: 'doktor-9', tx: 5_920, minutes: 10 }, fix: null });

    // The branch answers again: its bytes come in, nothing is said about it.
    shift += 70_000;
    m.sim.state.setPeerTraffic(peer.id, { tx: 18_000, rx: 6_000, handshakeAgeSeconds: 5 });
    await nextPoll(m.s, routerId);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).toEqual([]);
  });
});

describe('the connection doctor, from what WireDesk keeps and what the network says', () => {
  it('finds a key changed on the router since WireDesk gave the device its config, and a kept key that is damaged; new keys clear both', async () => {
    const m = await router();
    const { routerId } = m;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-4' })).peer;
    const given = peer.publicKey;

    // Someone pastes another public key into the router's peer in WinBox: the phone still has WireDesk's config.
    m.sim.state.set(PEERS, peer.id, { 'public-key': testKey(41) });
    await m.settle();
    let d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toEqual({
      code: 'key-changed', params: { name: 'doktor-4', was: `${given.slice(0, 8)}…`, now: `${testKey(41).slice(0, 8)}…` },
      fix: { kind: 'peer.rotateKeys', input: { routerId, peerId: peer.id, custody: 'stored', presharedKey: 'keep' } },
    });
    await applyFix(m, d.causes[0]!.fix!);
    const rotated = m.rows().find((r) => r['.id'] === peer.id)!['public-key']!;
    expect([given, testKey(41)]).not.toContain(rotated);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).not.toContain('key-changed');
    // The new key makes a config (it is kept).
    expect((await m.call('configs:get', { routerId, peerId: peer.id })).text).toContain('PrivateKey = ');

    // The kept key's record damaged (another peer's sealed key copied over it): a config from it cannot be made.
    const other = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-5' })).peer;
    const db = new Database(join(m.dataDir, DATABASE_FILE));
    db.prepare('UPDATE peer_keys SET encrypted_private_key = (SELECT encrypted_private_key FROM peer_keys WHERE public_key = ?) WHERE public_key = ?').run(other.publicKey, rotated);
    db.close();
    d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'key-mismatch', params: { name: 'doktor-4' }, fix: { kind: 'peer.rotateKeys' } });
    await applyFix(m, d.causes[0]!.fix!);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).not.toContain('key-mismatch');
  });

  it('resolves the name clients dial: one that does not exist, and one that leads to an old address', async () => {
    const dns = await startTestDns();
    const m = await managedRouter({ peers: 4 }, { resolveHost: dns.resolveHost });
    open.push(m);
    try {
      const { routerId } = m;
      const wan = m.rows('/ip/cloud')[0]!['public-address']!;
      const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-6' })).peer;
      await m.call('endpoints:set', { routerId, interface: 'wg-office', host: 'ofis.example.test', port: 13231 });

      let d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
      expect(d.causes[0]).toEqual({ code: 'endpoint-unresolved', params: { host: 'ofis.example.test' }, fix: null });

      // The DDNS record still has the address of before the ISP changed it.
      dns.names.set('ofis.example.test', ['198.51.100.200']);
      d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
      expect(d.causes[0]).toEqual({ code: 'endpoint-elsewhere', params: { host: 'ofis.example.test', resolved: '198.51.100.200', wan }, fix: null });

      // Updated: the name leads to the router, nothing is said about it.
      dns.names.set('ofis.example.test', [wan]);
      d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
      expect(codes(d).filter((c) => c.startsWith('endpoint-'))).toEqual([]);

      // Without a remembered host, clients dial the router's own DDNS name (IP Cloud).
      await m.call('endpoints:clear', { routerId, interface: 'wg-office' });
      const ddns = m.rows('/ip/cloud')[0]!['dns-name']!;
      d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
      expect(d.causes[0]).toEqual({ code: 'endpoint-unresolved', params: { host: ddns }, fix: null });
    } finally {
      await dns.close();
    }
  });

  it("finds a router clock that went back to 1970, for a peer the router dials, and turns on NTP to set it", async () => {
    // A router without a battery-backed clock and without NTP starts at jan/02/1970 (manual "Clock").
    const booted = Date.now();
    const m = await managedRouter({ peers: 4, clock: { now: () => Date.UTC(1970, 0, 2) + (Date.now() - booted) } });
    open.push(m);
    const { routerId } = m;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-7' })).peer;
    // A phone: the router's clock does not matter for a peer that dials in.
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).not.toContain('router-clock');

    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '198.51.100.31', 'endpoint-port': '13231', 'persistent-keepalive': '25s' });
    await m.settle();
    const d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'router-clock', params: { ntp: 'off' }, fix: { kind: 'router.ntp', input: { routerId } } });
    expect(d.causes[0]!.params['routerTime']).toMatch(/^1970-01-02 00:00:\d\d$/);
    expect(Number(d.causes[0]!.params['seconds'])).toBeLessThan(-(booted - Date.UTC(1970, 0, 2)) / 1000 + 60);

    // The fix: the NTP client on with a server, previewed as the exact command; the router's clock follows it.
    const fix = d.causes[0]!.fix!;
    expect((await m.call('changes:preview', fix)).commands).toEqual(['/system ntp client set enabled=yes servers=pool.ntp.org']);
    await applyFix(m, fix);
    expect(m.rows('/system/ntp/client')[0]).toMatchObject({ enabled: 'true', servers: 'pool.ntp.org', status: 'synchronized' });
    expect(m.rows('/system/clock')[0]!['date']).toBe(new Date().toISOString().slice(0, 10));
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).not.toContain('router-clock');
    const [entry] = (await m.call('audit:list', { routerId })).entries;
    expect(entry).toMatchObject({ action: 'enable', objectType: 'ntp-client', outcome: 'ok' });
    // Nothing left to fix: the same request is refused with what is already so.
    const again = await m.fail('changes:preview', fix);
    expect(again).toMatchObject({ code: 'VALIDATION', details: { reason: 'ntp-on' } });
  });

  it('says when the NTP client is on but its servers do not answer, and offers no fix', async () => {
    const booted = Date.now();
    const m = await managedRouter({ peers: 4, ntpReachable: false, clock: { now: () => Date.UTC(1970, 0, 2) + (Date.now() - booted) } });
    open.push(m);
    const { routerId } = m;
    m.sim.state.set('/system/ntp/client', '', { enabled: 'yes', servers: '192.0.2.123' });
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-ntp' })).peer;
    m.sim.state.set(PEERS, peer.id, { 'endpoint-address': '198.51.100.32', 'endpoint-port': '13231', 'persistent-keepalive': '25s' });
    await m.settle();
    const d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toMatchObject({ code: 'router-clock', params: { ntp: 'waiting' }, fix: null });
  });

  it("watches the accept rule's counter between two looks: silent while the device tries, moving once packets arrive", async () => {
    let shift = 0;
    const m = await managedRouter({ peers: 4 }, { now: () => Date.now() + shift });
    open.push(m);
    const { routerId } = m;
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-office', name: 'doktor-8' })).peer;
    const accept = m.rows('/ip/firewall/filter').find((r) => r['chain'] === 'input' && r['dst-port'] === '13231' && r['action'] === 'accept')!;
    const setPackets = (n: number) => {
      const table = m.sim.state.table('/ip/firewall/filter');
      table.update(table.find(accept['.id']!)!, new Map([['packets', Buffer.from(String(n))]]));
    };
    setPackets(5120);
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: peer.id }))).toEqual(['never-connected']);
    shift = 90_000; // a minute and a half later, the device trying all along
    let d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(d.causes[0]).toEqual({ code: 'port-silent', params: { interface: 'wg-office', port: 13231, rule: accept['comment']!, packets: 5120, seconds: 90 }, fix: null });
    // Packets arrive now (they reach the rule): the counter moved, nothing is said about it.
    setPackets(5124);
    shift = 200_000;
    d = await m.call('peers:diagnose', { routerId, peerId: peer.id });
    expect(codes(d)).toEqual(['never-connected']);
  });
});

