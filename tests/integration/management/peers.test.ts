// Peers end to end: create with a local key pair and the next free address, edit, disable, delete; checks
// made before sending, router refusals with context, read-only router-made peers, and drift from WinBox.
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyFromPrivate } from '../../../src/domain/index.ts';
import { managedRouter, PEERS, tableRows, testKey, type Managed } from './support.ts';

const open: Managed[] = [];
async function router(options: Parameters<typeof managedRouter>[0] = {}) {
  const m = await managedRouter(options);
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

const byName = (m: Managed, name: string) => m.rows().find((r) => r['name'] === name);

describe('peer lifecycle', () => {
  it('creates a road-warrior peer: local key pair, next free address, keepalive 25 s, no endpoint, responder, client fields', async () => {
    const m = await router();
    const created = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'ayse-laptop', client: { dns: '10.10.0.1' } });
    // 10.10.0.1 is the router's own address; .3-.6 are taken by seeded peers: .2 is the first free one.
    expect(created.peer).toMatchObject({ name: 'ayse-laptop', allowedAddress: ['10.10.0.2/32'], persistentKeepaliveSec: 25, endpoint: null, hasPrivateKey: true, keyCustody: 'stored', responder: true });
    const row = byName(m, 'ayse-laptop')!;
    expect(row).toMatchObject({
      'persistent-keepalive': '25s', 'endpoint-address': '', responder: 'true',
      'client-address': '10.10.0.2/32', 'client-dns': '10.10.0.1', 'client-keepalive': '25s', 'preshared-key': '',
    });
    const secret = created.secret!;
    expect(publicKeyFromPrivate(secret.privateKey!)).toEqual({ ok: true, value: row['public-key'] });
    expect(secret.configProblem).toMatch(/does not know the public address/);
    expect(created.warnings.map((w) => w.code)).toContain('NO_ENDPOINT');

    const list = await m.call('peers:listManaged', { routerId: m.routerId });
    expect(list.source).toBe('live');
    expect(list.rows.find((p) => p.id === created.peer.id)).toMatchObject({ hasPrivateKey: true, vanishedAt: null, client: { address: '10.10.0.2/32', dns: '10.10.0.1' } });
    expect(JSON.stringify(list)).not.toContain(secret.privateKey!);
  });

  it('edits, disables and deletes a peer; the client address follows the allowed address', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'kiosk' });
    const edited = await m.call('peers:update', {
      routerId: m.routerId, peerId: peer.id, name: 'kiosk-lobby', comment: 'Lobi', allowedAddress: '10.10.0.20/32, 192.168.50.0/24', persistentKeepaliveSec: 0,
    });
    expect(edited.peer).toMatchObject({ name: 'kiosk-lobby', comment: 'Lobi', allowedAddress: ['10.10.0.20/32', '192.168.50.0/24'], persistentKeepaliveSec: null });
    expect(byName(m, 'kiosk-lobby')).toMatchObject({ 'allowed-address': '10.10.0.20/32,192.168.50.0/24', 'client-address': '10.10.0.20/32' });
    expect(byName(m, 'kiosk-lobby')!['persistent-keepalive']).toBeUndefined();

    const disabled = await m.call('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true });
    expect(disabled.peer).toMatchObject({ disabled: true, status: 'disabled' });
    expect(byName(m, 'kiosk-lobby')!['disabled']).toBe('true');

    await m.call('peers:delete', { routerId: m.routerId, peerId: peer.id });
    expect(byName(m, 'kiosk-lobby')).toBeUndefined();
    expect(tableRows(m.dataDir, `SELECT * FROM peer_keys WHERE public_key = '${peer.publicKey}'`)).toEqual([]);
  });

  it('site-to-site: an endpoint is dialled and responder is off; clearing it makes a road warrior again', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'izmir-branch', allowedAddress: '10.10.0.40/32,192.168.60.0/24', endpoint: 'izmir.example.com:13231', publicKey: testKey(1) });
    expect(byName(m, 'izmir-branch')).toMatchObject({ 'endpoint-address': 'izmir.example.com', 'endpoint-port': '13231', responder: 'false' });
    expect(peer.hasPrivateKey).toBe(false);
    await m.call('peers:update', { routerId: m.routerId, peerId: peer.id, endpoint: null });
    expect(byName(m, 'izmir-branch')).toMatchObject({ 'endpoint-address': '', 'endpoint-port': '0', responder: 'true' });
  });

  it('preshared key on and off: the new key is returned once and the router holds it', async () => {
    const m = await router();
    const created = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'psk-peer', presharedKey: true });
    expect(byName(m, 'psk-peer')!['preshared-key']).toBe(created.secret!.presharedKey);
    await m.call('peers:update', { routerId: m.routerId, peerId: created.peer.id, presharedKey: 'remove' });
    expect(byName(m, 'psk-peer')!['preshared-key']).toBe('');
    const again = await m.call('peers:update', { routerId: m.routerId, peerId: created.peer.id, presharedKey: 'generate' });
    expect(again.secret?.presharedKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(byName(m, 'psk-peer')!['preshared-key']).toBe(again.secret!.presharedKey);
  });
});

describe('checks before anything is sent', () => {
  it('refuses bad input with messages that say what to fix, and sends nothing', async () => {
    const m = await router();
    const before = m.rows().length;
    const base = { routerId: m.routerId, interface: 'wg-office', name: 'x' };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ publicKey: 'abc' }, 'publicKey', /exactly 44 characters/],
      [{ publicKey: 'a'.repeat(64) }, 'publicKey', /looks like hexadecimal/],
      [{ allowedAddress: '10.10.0.300/32' }, 'allowedAddress', /10\.10\.0\.300/],
      [{ allowedAddress: '10.10.0.5/24' }, 'allowedAddress', /not a network address: write 10\.10\.0\.0\/24/],
      [{ endpoint: 'branch.example.com' }, 'endpoint', /must be host:port/],
      [{ client: { dns: 'dns.google' } }, 'client.dns', /not an IP address/],
      [{ client: { endpoint: 'vpn.example.com:13231' } }, 'client.endpoint', /host only/],
      [{ allowedAddress: '10.10.0.1' }, 'allowedAddress', /router's own address on wg-office/],
    ];
    for (const [extra, field, message] of cases) {
      const error = await m.fail('peers:create', { ...base, ...extra } as never);
      expect(error, JSON.stringify(extra)).toMatchObject({ code: 'VALIDATION', details: { field } });
      expect(error.message).toMatch(message);
    }
    const range = await m.fail('peers:create', { ...base, persistentKeepaliveSec: 70000 });
    expect(range).toMatchObject({ code: 'BAD_INPUT' });
    expect(range.message).toMatch(/persistentKeepaliveSec: .*25 suits clients behind NAT/);
    // The contract refuses control characters in names before main's own check would (issue 12).
    const lineBreak = await m.fail('peers:create', { ...base, name: 'two\nlines' });
    expect(lineBreak).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^name: .*control character/) });
    expect(m.rows()).toHaveLength(before);
    expect((await m.call('audit:list', { routerId: m.routerId })).total).toBe(0);
  });

  it('names the other peer when allowed addresses overlap on one interface, and refuses a name in use', async () => {
    const m = await router();
    const other = m.rows().find((r) => r['interface'] === 'wg-office')!;
    const overlap = await m.fail('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'new', allowedAddress: '10.10.0.0/28' });
    expect(overlap.code).toBe('VALIDATION');
    expect(overlap.message).toContain('overlaps');
    expect(overlap.message).toMatch(/of peer "[^"]+" on wg-office/);
    const peer = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'mine' });
    const onEdit = await m.fail('peers:update', { routerId: m.routerId, peerId: peer.peer.id, allowedAddress: other['allowed-address']! });
    expect(onEdit.message).toContain(`of peer "${other['name']}" on wg-office`);
    const taken = await m.fail('peers:create', { routerId: m.routerId, interface: 'wg-office', name: other['name']!.toUpperCase() });
    expect(taken.message).toMatch(/already exists on this router/);
    expect((await m.fail('peers:create', { routerId: m.routerId, interface: 'wg-nope', name: 'n' })).message).toMatch(/no WireGuard interface named "wg-nope".*wg-office/);
  });
});

describe('what the router says', () => {
  it('refuses a public key another peer has, on this interface or on another, before sending, and says where it is used', async () => {
    const m = await router();
    const { routerId } = m;
    const other = m.rows().find((r) => r['interface'] === 'wg-office')!;
    await m.call('interfaces:create', { routerId, name: 'wg-ikinci', listenPort: 13299, address: '10.91.0.1/24' });
    m.sim.commands.start();
    const here = await m.fail('peers:create', { routerId, interface: 'wg-office', name: 'dup', publicKey: other['public-key']! });
    // RouterOS allows a key once per router, on any interface (the simulator refuses it there too).
    const there = await m.fail('peers:create', { routerId, interface: 'wg-ikinci', name: 'dup-2', publicKey: other['public-key']! });
    expect(m.sim.commands.stop().filter((c) => c.command.endsWith('/add'))).toEqual([]);
    for (const error of [here, there]) {
      expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'publicKey', reason: 'key-in-use', peer: other['name'], interface: 'wg-office' } });
      expect(error.message).toBe(`This public key is already used by peer "${other['name']}" on wg-office: RouterOS allows a key once per router, on any interface. Each device needs its own key pair.`);
    }
  });

  it('names the policy a login without write access lacks, from the router\'s real words', async () => {
    const m = await router();
    m.sim.faults.refuse('/interface/wireguard/peers/add'); // `not enough permissions (9)`, as a real router says it
    const error = await m.fail('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'yetkisiz' });
    expect(error).toMatchObject({ code: 'TRAP', details: { routerMessage: 'not enough permissions (9)', meaning: 'permission', policy: 'write' } });
    expect(error.message).toContain('the router said "not enough permissions (9)". The router login\'s group lacks the "write" policy');
  });

  it("shows the router's refusal of a key it already has (added in WinBox a moment ago) with what was attempted, and audits it as failed", async () => {
    const m = await router();
    // The router knows a peer with this key that WireDesk has not heard of yet: its answer is all there is.
    m.sim.faults.refuse('/interface/wireguard/peers/add', 'failure: entry already exists');
    const error = await m.fail('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'dup', publicKey: testKey(91) });
    expect(error.code).toBe('TRAP');
    expect(error.message).toBe('Adding peer "dup" to wg-office: the router said "failure: entry already exists". Another peer on this router (on this or another WireGuard interface) already has this public key; each device needs its own key pair.');
    expect(error.details).toMatchObject({ command: '/interface/wireguard/peers/add', routerMessage: 'failure: entry already exists' });
    const audit = await m.call('audit:list', { routerId: m.routerId });
    expect(audit.entries[0]).toMatchObject({ action: 'create', objectType: 'peer', objectName: 'dup', outcome: 'failed', error: error.message });
  });

  it('refuses every change to a router-made (Back To Home) peer with the reason, and lists it read-only', async () => {
    const m = await router();
    const bth = m.rows().find((r) => r['dynamic'] === 'true')!;
    const routerId = m.routerId;
    const peerId = bth['.id']!;
    const refusals = [
      await m.fail('peers:update', { routerId, peerId, comment: 'mine now' }),
      await m.fail('peers:setDisabled', { routerId, peerId, disabled: true }),
      await m.fail('peers:delete', { routerId, peerId }),
      await m.fail('peers:rotateKeys', { routerId, peerId }),
    ];
    for (const e of refusals) expect(e).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/made by the router itself .* read-only/) });
    const row = (await m.call('peers:listManaged', { routerId })).rows.find((p) => p.id === peerId)!;
    expect(row.readOnlyReason).toMatch(/read-only/);
    expect((await m.call('audit:list', { routerId })).total).toBe(0);
  });
});

describe('drift', () => {
  it('shows peers added or changed in WinBox on the next refresh, without a key here, and keeps vanished ones flagged', async () => {
    const m = await router();
    await m.call('peers:listManaged', { routerId: m.routerId });
    const added = m.sim.state.add(PEERS, { interface: 'wg-office', name: 'from-winbox', 'public-key': testKey(7), 'allowed-address': '10.10.0.77/32' });
    const gone = m.rows().find((r) => r['name'] && r['interface'] === 'wg-office' && r['name'] !== 'from-winbox')!;
    m.sim.state.remove(PEERS, gone['.id']!);
    await m.settle();

    const list = await m.call('peers:listManaged', { routerId: m.routerId });
    expect(list.rows.find((p) => p.id === added.idText)).toMatchObject({ name: 'from-winbox', hasPrivateKey: false, keyCustody: null, vanishedAt: null });
    const vanished = list.rows.find((p) => p.publicKey === gone['public-key'])!;
    expect(vanished.vanishedAt).toEqual(expect.any(Number));
    expect(vanished.name).toBe(gone['name']);

    // A peer made elsewhere gets a key here by rotation.
    const rotated = await m.call('peers:rotateKeys', { routerId: m.routerId, peerId: added.idText, custody: 'stored' });
    expect(rotated.peer.hasPrivateKey).toBe(true);
    expect(byName(m, 'from-winbox')!['public-key']).toBe(rotated.peer.publicKey);
  });
});
