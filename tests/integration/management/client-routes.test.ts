// The set-up wizard's tunnel choice is the interface's, not only its first peer's: with a split tunnel chosen,
// main remembers the routes with the new interface, and every later peer made through the normal create path,
// a CSV import and Config & QR of any of its peers route exactly those (on 7.21 the router's own
// client-allowed-address says so too). A full tunnel remembers nothing and keeps 0.0.0.0/0, ::/0. The routes
// follow a rename and go with a deletion of the interface; the technician changes or clears them, audited.
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const IFACES = '/interface/wireguard';
const FULL = ['0.0.0.0/0', '::/0'];
const LAN = '192.168.88.0/24';

const allowedIps = (config: string | null | undefined) => /^AllowedIPs = (.*)$/m.exec(config ?? '')?.[1]?.split(', ');

/** The wizard's request: the proposal as offered, the port let in, and the tunnel chosen. */
async function wizard(router: Managed, tunnel: 'full' | 'split') {
  const { routerId } = router;
  const proposal = await router.call('setup:propose', { routerId });
  const address = proposal.address!;
  const subnet = address.replace(/\.1\/24$/, '.0/24');
  const routes = [subnet, LAN];
  expect(proposal.lans.map((l) => l.network)).toContain(LAN);
  const input = {
    routerId, name: proposal.name, listenPort: proposal.listenPort, address, openPort: true,
    ...(tunnel === 'full' ? { masquerade: true } : { clientRoutes: routes }),
  };
  const preview = await router.call('changes:preview', { kind: 'interface.create', input });
  const made = await router.call('interfaces:create', { ...input, planId: preview.planId });
  await router.call('endpoints:set', { routerId, interface: made.interface.name, host: 'vpn.example.net', port: proposal.listenPort });
  return { iface: made.interface, routes };
}

describe('the wizard\'s tunnel choice is remembered for the interface', () => {
  it('split: the second peer, a CSV import and Config & QR route the chosen networks; the routes follow a rename, a change and a deletion', async () => {
    m = await managedRouter({ peers: 2, version: '7.21' });
    const { routerId } = m;
    const { iface, routes } = await wizard(m, 'split');
    expect(await m.call('clientRoutes:get', { routerId, interface: iface.name })).toMatchObject({ routes });

    // The first peer and a second one, both through the normal create path with no client routes given.
    const first = await m.call('peers:create', { routerId, interface: iface.name, name: 'ilk-telefon' });
    const second = await m.call('peers:create', { routerId, interface: iface.name, name: 'ikinci-laptop' });
    for (const made of [first, second]) {
      expect(allowedIps(made.secret?.config)).toEqual(routes);
      expect(m.rows().find((r) => r['.id'] === made.peer.id)?.['client-allowed-address']).toBe(routes.join(','));
    }

    // Config & QR of the second peer: the remembered routes unless another tunnel is asked for.
    const shown = await m.call('configs:get', { routerId, peerId: second.peer.id });
    expect(shown).toMatchObject({ preset: 'split', allowedIps: routes });
    expect(allowedIps(shown.text)).toEqual(routes);
    expect(await m.call('configs:get', { routerId, peerId: second.peer.id, preset: 'full' })).toMatchObject({ preset: 'full', allowedIps: FULL });
    // So does a ZIP of several peers' configs when no tunnel is asked for.
    const exported = await m.call('configs:export', { routerId, peerIds: [first.peer.id, second.peer.id], kind: 'zip' });
    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'));
    const texts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.conf')).map((f) => f.async('string')));
    expect(texts.map(allowedIps)).toEqual([routes, routes]);

    // CSV import: each row's client-allowed-address, and its Config & QR.
    const imported = await m.call('peers:importApply', { routerId, interface: iface.name, csv: 'name\ncsv-bir\ncsv-iki' });
    expect(imported.counts).toMatchObject({ applied: 2, failed: 0 });
    const importedRows = m.rows().filter((r) => r['name']?.startsWith('csv-'));
    expect(importedRows.map((r) => r['client-allowed-address'])).toEqual([routes.join(','), routes.join(',')]);
    expect((await m.call('configs:get', { routerId, peerId: importedRows[0]!['.id']! })).allowedIps).toEqual(routes);

    // Renamed: the routes go with the interface.
    await m.call('interfaces:update', { routerId, interfaceId: iface.id, name: 'wg-saha' });
    expect(await m.call('clientRoutes:get', { routerId, interface: iface.name })).toBeNull();
    expect(await m.call('clientRoutes:get', { routerId, interface: 'wg-saha' })).toMatchObject({ routes });
    expect((await m.call('configs:get', { routerId, peerId: second.peer.id })).allowedIps).toEqual(routes);

    // Changed, then cleared by the technician: new peers follow; both changes are in the activity log.
    const wider = [routes[0]!, '192.168.0.0/16', 'fd00:88::/64'];
    expect((await m.call('clientRoutes:set', { routerId, interface: 'wg-saha', routes: wider })).routes).toEqual(wider);
    expect(allowedIps((await m.call('peers:create', { routerId, interface: 'wg-saha', name: 'genis' })).secret?.config)).toEqual(wider);
    expect(await m.call('clientRoutes:clear', { routerId, interface: 'wg-saha' })).toEqual({ cleared: true });
    const full = await m.call('peers:create', { routerId, interface: 'wg-saha', name: 'tam' });
    expect(allowedIps(full.secret?.config)).toEqual(FULL);
    expect((await m.call('configs:get', { routerId, peerId: second.peer.id })).preset).toBe('full');
    const audit = await m.call('audit:list', { routerId, objectType: 'client-routes' });
    expect(audit.entries.map((e) => [e.action, e.objectName, e.before, e.after])).toEqual([
      ['delete', 'wg-saha', { routes: wider }, null],
      ['edit', 'wg-saha', { routes }, { routes: wider }],
    ]);

    // Deleted: nothing is left to be taken up by a later interface of the same name.
    await m.call('clientRoutes:set', { routerId, interface: 'wg-saha', routes });
    await m.call('interfaces:delete', { routerId, interfaceId: iface.id, confirmName: 'wg-saha' });
    expect(await m.call('clientRoutes:get', { routerId, interface: 'wg-saha' })).toBeNull();
  });

  it('full: nothing is remembered (not even what an earlier interface of that name left), and every peer keeps 0.0.0.0/0, ::/0', async () => {
    m = await managedRouter({ peers: 2, version: '7.21' });
    const { routerId } = m;
    // Left under the name the wizard proposes by an interface removed in WinBox.
    const name = (await m.call('setup:propose', { routerId })).name;
    await m.call('clientRoutes:set', { routerId, interface: name, routes: ['172.16.0.0/12'] });
    const { iface } = await wizard(m, 'full');
    expect(iface.name).toBe(name);
    expect(await m.call('clientRoutes:get', { routerId, interface: name })).toBeNull();
    for (const peer of ['bir', 'iki']) {
      const made = await m.call('peers:create', { routerId, interface: name, name: peer });
      expect(allowedIps(made.secret?.config)).toEqual(FULL);
      expect(m.rows().find((r) => r['.id'] === made.peer.id)?.['client-allowed-address']).toBe(FULL.join(','));
      expect(await m.call('configs:get', { routerId, peerId: made.peer.id })).toMatchObject({ preset: 'full', allowedIps: FULL });
    }
    await m.call('peers:importApply', { routerId, interface: name, csv: 'name\ncsv-tam' });
    expect(m.rows().find((r) => r['name'] === 'csv-tam')?.['client-allowed-address']).toBe(FULL.join(','));
  });

  it('on a router before 7.21 (no client-allowed-address) the routes still reach every config WireDesk builds', async () => {
    m = await managedRouter({ peers: 2, version: '7.18' });
    const { routerId } = m;
    const { iface, routes } = await wizard(m, 'split');
    const second = (await m.call('peers:create', { routerId, interface: iface.name, name: 'bir' }), await m.call('peers:create', { routerId, interface: iface.name, name: 'iki' }));
    expect(allowedIps(second.secret?.config)).toEqual(routes);
    expect(m.rows().find((r) => r['.id'] === second.peer.id)?.['client-allowed-address']).toBeUndefined();
    expect((await m.call('configs:get', { routerId, peerId: second.peer.id })).allowedIps).toEqual(routes);
    // A key rotation's one-time config too: the router has no list of its own to give.
    const rotated = await m.call('peers:rotateKeys', { routerId, peerId: second.peer.id, custody: 'stored' });
    expect(allowedIps(rotated.secret?.config)).toEqual(routes);
  });

  it('refuses a full tunnel and split routes together, and routes that are not networks, before sending anything', async () => {
    m = await managedRouter({ peers: 2 });
    const { routerId } = m;
    const count = m.rows(IFACES).length;
    const base = { routerId, name: 'wg-yeni', listenPort: 51700, address: '10.77.0.1/24' };
    const both = await m.fail('interfaces:create', { ...base, masquerade: true, clientRoutes: ['10.77.0.0/24'] });
    expect(both).toMatchObject({ code: 'VALIDATION', details: { field: 'clientRoutes' } });
    const hostBits = await m.fail('interfaces:create', { ...base, clientRoutes: ['10.77.0.0/24', '192.168.88.1/24'] });
    expect(hostBits).toMatchObject({ code: 'VALIDATION', details: { field: 'clientRoutes' } });
    expect(hostBits.message).toContain('192.168.88.1/24');
    expect(await m.fail('interfaces:create', { ...base, clientRoutes: ['lan'] })).toMatchObject({ code: 'BAD_INPUT' });
    expect(m.rows(IFACES)).toHaveLength(count);
    expect(await m.call('clientRoutes:get', { routerId, interface: 'wg-yeni' })).toBeNull();
    const setBad = await m.fail('clientRoutes:set', { routerId, interface: 'wg-office', routes: ['10.10.0.1/24'] });
    expect(setBad).toMatchObject({ code: 'VALIDATION', details: { field: 'routes' } });
    expect(await m.fail('clientRoutes:get', { routerId: 'no-such-router', interface: 'wg-office' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
