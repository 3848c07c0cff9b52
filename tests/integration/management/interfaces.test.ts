// WireGuard interfaces: create (router-made key pair, optional address in the same action, all or nothing),
// edit, enable/disable, delete after a preview naming every peer that goes with it.
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const IFACES = '/interface/wireguard';
const ADDRESSES = '/ip/address';

describe('interfaces', () => {
  it('creates an interface with its address; the router makes the keys; a closed firewall port is a warning', async () => {
    m = await managedRouter({ peers: 2 });
    const made = await m.call('interfaces:create', { routerId: m.routerId, name: 'wg-clients', listenPort: 13232, mtu: 1400, comment: 'Saha', address: '10.20.0.1/24' });
    expect(made.interface).toMatchObject({ name: 'wg-clients', listenPort: 13232, mtu: 1400, comment: 'Saha', addresses: ['10.20.0.1/24'], peerCount: 0, dynamic: false });
    expect(made.interface.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(made)).not.toContain(m.rows(IFACES).find((r) => r['name'] === 'wg-clients')!['private-key']!);
    expect(m.rows(ADDRESSES).find((r) => r['interface'] === 'wg-clients')).toMatchObject({ address: '10.20.0.1/24' });
    const firewall = made.warnings.find((w) => w.code === 'FIREWALL_CLOSED')!;
    expect(firewall.message).toMatch(/No firewall input rule accepts UDP port 13232 before "defconf: drop all not coming from LAN"/);
    expect(firewall.message).toContain('dst-port=13232 action=accept');
    // The seeded interface's port is let in by the seeded rule: no warning there.
    const office = m.rows(IFACES).find((r) => r['name'] === 'wg-office')!['.id']!;
    expect((await m.call('interfaces:setDisabled', { routerId: m.routerId, interfaceId: office, disabled: false })).warnings).toEqual([]);
  });

  it('checks names, ports, MTU and the address before sending', async () => {
    m = await managedRouter({ peers: 2 });
    const routerId = m.routerId;
    const count = m.rows(IFACES).length;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ name: 'wg-office' }, /already a WireGuard interface named wg-office/],
      [{ name: 'wg-x', listenPort: 13231 }, /Listen port 13231 is already used by wg-office; each WireGuard interface needs its own port/],
      [{ name: 'wg-x', address: '10.20.0.0/24' }, /network address; the router needs a host address in it, like 10\.20\.0\.1\/24/],
      [{ name: 'wg-x', address: '10.20.0.255/24' }, /broadcast address/],
      [{ name: 'wg-x', address: '10.20.0.1/32' }, /single address, so peers would get no subnet/],
      [{ name: 'wg-x', address: '10.10.0.9/24' }, /overlaps 10\.10\.0\.1\/24 \(it is on wg-office\)/],
      [{ name: 'wg-x', address: '192.168.88.7/16' }, /overlaps 192\.168\.88\.1\/24 \(it is on bridge\)/],
    ];
    for (const [extra, message] of cases) {
      const error = await m.fail('interfaces:create', { routerId, name: 'x', ...extra } as never);
      expect(error.code, JSON.stringify(extra)).toBe('VALIDATION');
      expect(error.message).toMatch(message);
    }
    // Names are shared with every interface type: the router refuses, and says so with what was attempted.
    const trap = await m.fail('interfaces:create', { routerId, name: 'bridge' });
    expect(trap).toMatchObject({ code: 'TRAP', details: { command: '/interface/wireguard/add' } });
    expect(trap.message).toBe('Creating WireGuard interface bridge: the router said "failure: already have interface with such name". Interface names are shared by every interface type on the router; choose another name.');
    const mtu = await m.fail('interfaces:create', { routerId, name: 'wg-x', mtu: 9000000 });
    expect(mtu).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/mtu: The MTU must be at most 65535/) });
    // The contract refuses control characters in names before main's own check would (issue 12).
    const lineBreak = await m.fail('interfaces:create', { routerId, name: 'line\nbreak' });
    expect(lineBreak).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^name: .*control character/) });
    expect(m.rows(IFACES)).toHaveLength(count);
  });

  it('edits, disables and enables; local records follow a rename', async () => {
    m = await managedRouter({ peers: 2 });
    const routerId = m.routerId;
    const id = m.rows(IFACES).find((r) => r['name'] === 'wg-office')!['.id']!;
    await m.call('reservations:reserve', { routerId, interface: 'wg-office', address: '10.10.0.99', note: 'camera' });
    await m.call('endpoints:set', { routerId, interface: 'wg-office', host: 'vpn.example.com', port: 13231 });

    const edited = await m.call('interfaces:update', { routerId, interfaceId: id, name: 'wg-main', listenPort: 13300, mtu: 1380, comment: 'HQ' });
    expect(edited.interface).toMatchObject({ name: 'wg-main', listenPort: 13300, mtu: 1380, comment: 'HQ', peerCount: 2 });
    expect(m.rows().filter((r) => r['interface'] === 'wg-main')).toHaveLength(2);
    expect(edited.warnings.map((w) => w.code)).toContain('FIREWALL_CLOSED');
    expect(await m.call('reservations:list', { routerId })).toMatchObject([{ interface: 'wg-main', address: '10.10.0.99/32', note: 'camera' }]);
    expect(await m.call('endpoints:get', { routerId, interface: 'wg-main' })).toMatchObject({ host: 'vpn.example.com' });
    expect(await m.call('endpoints:get', { routerId, interface: 'wg-office' })).toBeNull();

    expect((await m.call('interfaces:setDisabled', { routerId, interfaceId: id, disabled: true })).interface).toMatchObject({ disabled: true, running: false });
    expect((await m.call('interfaces:setDisabled', { routerId, interfaceId: id, disabled: false })).interface.disabled).toBe(false);
    const audit = await m.call('audit:list', { routerId, objectType: 'interface' });
    expect(audit.entries.map((e) => e.action)).toEqual(['enable', 'disable', 'edit']);
    expect(audit.entries[2]).toMatchObject({ before: { name: 'wg-office', listenPort: 13231 }, after: { name: 'wg-main', listenPort: 13300 } });
  });

  it('previews a deletion with its peers, needs the name typed, then removes interface, peers and address', async () => {
    m = await managedRouter({ peers: 3 });
    const routerId = m.routerId;
    const id = m.rows(IFACES).find((r) => r['name'] === 'wg-office')!['.id']!;
    const kept = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'goes-too' });
    const preview = await m.call('interfaces:deletePreview', { routerId, interfaceId: id });
    expect(preview.confirmName).toBe('wg-office');
    expect(preview.addresses).toEqual(['10.10.0.1/24']);
    expect(preview.peers).toHaveLength(4);
    expect(preview.peers.find((p) => p.name === 'goes-too')).toMatchObject({ hasPrivateKey: true, publicKey: kept.peer.publicKey });

    const wrong = await m.fail('interfaces:delete', { routerId, interfaceId: id, confirmName: 'wg-offic' });
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Type the interface name exactly as shown \(wg-office\).*nothing was deleted/) });
    expect(m.rows(IFACES).some((r) => r['name'] === 'wg-office')).toBe(true);

    // The plan: each peer, the address, then the interface, one command each (each with its own undo).
    expect(preview.plan.commands).toHaveLength(6);
    expect(preview.plan.commands.at(-1)).toBe(`/interface wireguard remove ${id}`);
    const deleted = await m.call('interfaces:delete', { routerId, interfaceId: id, confirmName: 'wg-office', planId: preview.plan.planId });
    expect(deleted).toMatchObject({ deleted: true, removedPeers: 4, removedAddresses: 1, report: { outcome: 'applied' } });
    expect(m.rows(IFACES).some((r) => r['name'] === 'wg-office')).toBe(false);
    expect(m.rows().filter((r) => r['interface'] === 'wg-office')).toEqual([]);
    expect(m.rows(ADDRESSES).filter((r) => r['interface'] === 'wg-office')).toEqual([]);
    const entry = (await m.call('audit:list', { routerId, actions: ['delete'] })).entries[0]!;
    expect(entry).toMatchObject({ objectType: 'interface', objectName: 'wg-office', outcome: 'ok' });
    expect((entry.before as { peers: unknown[] }).peers).toHaveLength(4);
  });

  it('refuses to touch the router-made Back To Home interface', async () => {
    m = await managedRouter({ peers: 1 });
    const bth = m.rows(IFACES).find((r) => r['name'] === 'back-to-home-vpn')!['.id']!;
    const error = await m.fail('interfaces:update', { routerId: m.routerId, interfaceId: bth, mtu: 1400 });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/back-to-home-vpn was made by the router itself/) });
  });
});
