// The connection doctor against the simulator over TCP: a router set up to show each cause gets that cause
// ranked first, with the right fix; the fix goes through the Preview step like any change (the words
// previewed are the words sent), and once applied the cause is gone from the next diagnosis.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeRequest, InvokeOutput } from '../../../src/contract/index.ts';
import { managedRouter, PEERS, testKey, type Managed } from '../management/support.ts';
import { changeWrites, expectSent } from '../changes/sent-words.ts';
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
    expect(codes(await m.call('peers:diagnose', { routerId, peerId: phone.id }))).toEqual(['never-connected']);

    // The interface's address removed in WinBox: no route to the tunnel subnet.
    const address = m.rows('/ip/address').find((a) => a['interface'] === 'wg-doktor')!;
    m.sim.state.remove('/ip/address', address['.id']!);
    await m.settle();
    expect((await m.call('peers:diagnose', { routerId, peerId: phone.id })).causes[0]).toEqual({ code: 'interface-no-address', params: { interface: 'wg-doktor' }, fix: null });
    m.sim.state.add('/ip/address', { address: '10.77.0.1/24', interface: 'wg-doktor' });
    await m.settle();

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
  });
});
