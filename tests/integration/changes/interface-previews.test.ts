// Interface changes and site links through their previews, against the simulator over TCP: the preview's
// commands are exactly the words the router received (sent-words.ts parses them by the console's rules), the diff's
// "after" is what the router has once applied, a preview the router outdated is refused with nothing sent, and
// a change that may cut a connection to the router says so in its plan. A site link previews one plan per router
// and applies exactly those two, or nothing on either router when one of them changed since.
import { afterEach, describe, expect, it } from 'vitest';
import { changeWrites, expectSent } from './sent-words.ts';
import { addRouter } from '../configs-service/support.ts';
import { managedRouter, PEERS, type Managed, type Sim } from '../management/support.ts';

const IFACES = '/interface/wireguard';
const ADDRESSES = '/ip/address';
const ROUTES = '/ip/route';

const open: Array<{ close: () => Promise<void> }> = [];
async function router(options: Parameters<typeof managedRouter>[0] = {}) {
  const m = await managedRouter(options);
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0).reverse()) await m.close();
});

/** Console values against the router's printed ones: yes/no as RouterOS stores booleans. */
function printed(value: string | undefined): string | undefined {
  return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
}

async function capture<T>(sim: Sim, run: () => Promise<T>): Promise<{ value: T; writes: ReturnType<typeof changeWrites> }> {
  sim.commands.start();
  try {
    const value = await run();
    return { value, writes: changeWrites(sim.commands.stop()) };
  } catch (error) {
    sim.commands.stop();
    throw error;
  }
}

const byName = (m: Managed, name: string) => m.rows(IFACES).find((r) => r['name'] === name);

describe('interface changes show exactly what is sent', () => {
  it('create with a tunnel address, edit, disable, enable and delete: each preview is what the router received', async () => {
    const m = await router({ peers: 2 });
    const routerId = m.routerId;

    // Create: the interface and its address, both "added" in the diff.
    const create = { routerId, name: 'wg-yeni', listenPort: 13250, mtu: 1400, address: '10.77.0.1/24', comment: 'Şube "B"' };
    const preview = await m.call('changes:preview', { kind: 'interface.create', input: create });
    expect(preview.kind).toBe('interface.create');
    expect(preview.commands).toHaveLength(2);
    expect(preview.commands[0]).toMatch(/^\/interface wireguard add name=wg-yeni mtu=1400 listen-port=13250 comment="Şube \\"B\\""$/);
    expect(preview.commands[1]).toBe('/ip address add address=10.77.0.1/24 interface=wg-yeni comment=WireGuard');
    expect(preview.diff.map((d) => [d.item.type, d.change])).toEqual([['interface', 'add'], ['address', 'add']]);
    expect(byName(m, 'wg-yeni')).toBeUndefined();
    const created = await capture(m.sim, () => m.call('interfaces:create', { ...create, planId: preview.planId }));
    expectSent(preview.commands, created.writes);
    expect(created.value.report).toMatchObject({ outcome: 'applied', differences: [] });
    const row = byName(m, 'wg-yeni')!;
    for (const [field, value] of Object.entries(preview.diff[0]!.after!)) expect(row[field], field).toBe(value);
    expect(m.rows(ADDRESSES).find((a) => a['interface'] === 'wg-yeni')).toMatchObject(preview.diff[1]!.after!);
    const id = created.value.interface.id;

    // Edit, disable, enable: one set each, the diff's "after" on the router afterwards.
    const cases = [
      { kind: 'interface.update' as const, input: { routerId, interfaceId: id, mtu: 1380, comment: 'Şube B' }, apply: 'interfaces:update' as const },
      { kind: 'interface.setDisabled' as const, input: { routerId, interfaceId: id, disabled: true }, apply: 'interfaces:setDisabled' as const },
      { kind: 'interface.setDisabled' as const, input: { routerId, interfaceId: id, disabled: false }, apply: 'interfaces:setDisabled' as const },
    ];
    for (const c of cases) {
      const p = await m.call('changes:preview', { kind: c.kind, input: c.input } as never);
      expect(p.commands, c.kind).toHaveLength(1);
      expect(p.commands[0]).toMatch(new RegExp(`^/interface wireguard set ${id.replace('*', '\\*')} `));
      const applied = await capture(m.sim, () => m.call(c.apply, { ...c.input, planId: p.planId } as never) as Promise<{ report?: { outcome: string } }>);
      expectSent(p.commands, applied.writes);
      expect(applied.value.report?.outcome).toBe('applied');
      const now = byName(m, 'wg-yeni')!;
      for (const [field, value] of Object.entries(p.diff[0]!.after!)) expect(printed(now[field]), `${c.kind} ${field}`).toBe(value);
      // "before" is what the router had: the undo puts exactly that back.
      expect(Object.keys(p.diff[0]!.before!)).toEqual(Object.keys(p.diff[0]!.after!));
    }

    // Delete: the plan that came with interfaces:deletePreview, its address removed before the interface.
    const del = await m.call('interfaces:deletePreview', { routerId, interfaceId: id });
    expect(del.plan.commands).toEqual([`/ip address remove ${m.rows(ADDRESSES).find((a) => a['interface'] === 'wg-yeni')!['.id']}`, `/interface wireguard remove ${id}`]);
    expect(del.plan.diff.map((d) => [d.item.type, d.change])).toEqual([['address', 'remove'], ['interface', 'remove']]);
    // The undo re-adds the interface with its own private key: hidden in the preview's script.
    expect(del.plan.rollback.script.join('\n')).toContain('private-key=<hidden>');
    const deleted = await capture(m.sim, () => m.call('interfaces:delete', { routerId, interfaceId: id, confirmName: 'wg-yeni', planId: del.plan.planId }));
    expectSent(del.plan.commands, deleted.writes);
    expect(byName(m, 'wg-yeni')).toBeUndefined();
    expect(m.rows(ADDRESSES).some((a) => a['interface'] === 'wg-yeni')).toBe(false);
    expect(m.rows('/system/scheduler')).toEqual([]);
  }, 30_000);

  it('refuses a preview the router outdated (changed in WinBox); nothing is sent', async () => {
    const m = await router({ peers: 1 });
    const iface = byName(m, 'wg-office')!;
    const preview = await m.call('changes:preview', { kind: 'interface.update', input: { routerId: m.routerId, interfaceId: iface['.id']!, mtu: 1300 } });
    m.sim.state.set(IFACES, iface['.id']!, { mtu: '1412' });
    await m.settle();
    const refused = await capture(m.sim, () => m.fail('interfaces:update', { routerId: m.routerId, interfaceId: iface['.id']!, mtu: 1300, planId: preview.planId }));
    expect(refused.value.code).toBe('PLAN_STALE');
    expect(refused.value.details).toMatchObject({ reason: 'changed', previewed: preview.commands });
    expect(refused.writes).toEqual([]);
    expect(byName(m, 'wg-office')!['mtu']).toBe('1412');
  });

  it('disabling or deleting the interface WireDesk reaches the router through says so in the plan', async () => {
    const m = await router({ peers: 2 });
    const iface = byName(m, 'wg-office')!;
    const id = iface['.id']!;
    const plain = await m.call('changes:preview', { kind: 'interface.setDisabled', input: { routerId: m.routerId, interfaceId: id, disabled: true } });
    // Without it, only the peers with a tunnel up now are named (the simulator gives some a recent handshake).
    const online = (await m.call('peers:listManaged', { routerId: m.routerId })).rows.filter((p) => p.interface === 'wg-office' && p.status === 'online');
    expect(plain.warnings.map((w) => w.message)).toEqual(online.length === 0 ? [] : [expect.stringMatching(new RegExp(`^${online.length} peers? ha(s|ve) a tunnel up through wg-office now \\("${online[0]!.name}"`))]);

    // WireDesk dials 127.0.0.1: put that subnet on wg-office, as when a technician manages the router over its tunnel.
    m.sim.state.add(ADDRESSES, { address: '127.0.0.1/8', interface: 'wg-office' });
    await m.settle();
    const disable = await m.call('changes:preview', { kind: 'interface.setDisabled', input: { routerId: m.routerId, interfaceId: id, disabled: true } });
    const [risk] = disable.warnings.filter((w) => w.code === 'MAY_CUT_LINK');
    expect(risk?.message).toMatch(/WireDesk reaches this router at 127\.0\.0\.1, which is on wg-office \(127\.0\.0\.1\/8\)\. Disabling wg-office cuts WireDesk's own connection/);
    expect(disable.rollback.script.join('\n')).toContain('disabled=no');
    const del = await m.call('interfaces:deletePreview', { routerId: m.routerId, interfaceId: id });
    expect(del.plan.warnings.map((w) => w.code)).toContain('MAY_CUT_LINK');
    // A new listen port cuts it too; an MTU alone does not.
    const port = await m.call('changes:preview', { kind: 'interface.update', input: { routerId: m.routerId, interfaceId: id, listenPort: 13299 } });
    expect(port.warnings.map((w) => w.code)).toContain('MAY_CUT_LINK');
    const mtu = await m.call('changes:preview', { kind: 'interface.update', input: { routerId: m.routerId, interfaceId: id, mtu: 1380 } });
    expect(mtu.warnings.map((w) => w.code)).not.toContain('MAY_CUT_LINK');
    // Enabling never warns.
    m.sim.state.set(IFACES, id, { disabled: 'true' });
    await m.settle();
    const enable = await m.call('changes:preview', { kind: 'interface.setDisabled', input: { routerId: m.routerId, interfaceId: id, disabled: false } });
    expect(enable.warnings).toEqual([]);
  });
});

describe('opening a closed port is a plan like any change', () => {
  it('adds an accept before the rule that drops the port, as previewed; the listing says open; undo takes it out', async () => {
    const m = await router();
    const { routerId } = m;
    const FILTER = '/ip/firewall/filter';
    const made = await m.call('interfaces:create', { routerId, name: 'wg-yeni', listenPort: 51999 });
    const drop = m.rows(FILTER).find((r) => r['comment'] === 'defconf: drop all not coming from LAN')!;
    const row = async () => (await m.call('interfaces:list', { routerId })).rows.find((i) => i.name === 'wg-yeni')!;
    expect((await row()).firewall).toEqual({ state: 'closed', blockedBy: { id: drop['.id'], action: 'drop', comment: 'defconf: drop all not coming from LAN' } });

    const preview = await m.call('changes:preview', { kind: 'interface.openPort', input: { routerId, interfaceId: made.interface.id } });
    expect(preview.commands).toEqual([`/ip firewall filter add chain=input action=accept protocol=udp dst-port=51999 comment="WireGuard wg-yeni" place-before=${drop['.id']}`]);
    const opened = await capture(m.sim, () => m.call('interfaces:openPort', { routerId, interfaceId: made.interface.id, planId: preview.planId }));
    expectSent(preview.commands, opened.writes);
    expect(opened.value.interface.firewall.state).toBe('open');
    const input = m.rows(FILTER).filter((r) => r['chain'] === 'input').map((r) => r['comment']);
    expect(input.indexOf('WireGuard wg-yeni')).toBe(input.indexOf('defconf: drop all not coming from LAN') - 1);
    expect((await m.fail('changes:preview', { kind: 'interface.openPort', input: { routerId, interfaceId: made.interface.id } })).details).toMatchObject({ reason: 'port-open' });

    // From the activity log: the undo removes exactly that rule, and the port is closed again.
    const entry = (await m.call('audit:list', { routerId })).entries.find((e) => e.objectType === 'firewall-rule')!;
    expect(entry).toMatchObject({ action: 'create', objectName: 'WireGuard wg-yeni', planId: preview.planId });
    const undo = await m.call('changes:preview', { kind: 'change.undo', input: { routerId, planId: entry.planId! } });
    expect(undo.commands).toEqual([expect.stringMatching(/^\/ip firewall filter remove \*/)]);
    await m.call('changes:undo', { routerId, planId: entry.planId!, previewId: undo.planId });
    expect(m.rows(FILTER).some((r) => r['comment'] === 'WireGuard wg-yeni')).toBe(false);
    expect((await row()).firewall.state).toBe('closed');
  });
});

describe('the set-up wizard can turn on IP Cloud DDNS in the same plan', () => {
  // Off is `no` before 7.17; from 7.17 `no` is refused and off is `auto` while Back To Home is off (7.17 changelog,
  // manual /ip/cloud), so the undo puts `auto` back. The router prints what it stores: true before 7.17, yes after.
  it.each<{ version: string; off: Record<string, string>; read: boolean | 'auto'; before: string; printed: string }>([
    { version: '7.16', off: { 'ddns-enabled': 'false' }, read: false, before: 'no', printed: 'true' },
    { version: '7.18', off: { 'ddns-enabled': 'auto', 'back-to-home-vpn': 'revoked-and-disabled' }, read: 'auto', before: 'auto', printed: 'yes' },
  ])('$version: sets ddns-enabled on the singleton menu as previewed, remembers the cloud name as where clients dial, and undoes it with the rest', async ({ version, off, read, before, printed }) => {
    const m = await router({ version });
    const { routerId } = m;
    m.sim.state.set('/ip/cloud', '', off);
    expect((await m.call('setup:propose', { routerId })).cloud).toMatchObject({ ddnsEnabled: read, dnsName: null });
    const input = { routerId, name: 'wg-ddns', listenPort: 51666, address: '10.88.0.1/24', openPort: true, ddns: true };
    const preview = await m.call('changes:preview', { kind: 'interface.create', input });
    expect(preview.commands.at(-1)).toBe('/ip cloud set ddns-enabled=yes');
    expect(preview.diff.at(-1)).toMatchObject({ item: { type: 'setting', key: 'ip-cloud' }, change: 'edit', before: { 'ddns-enabled': before }, after: { 'ddns-enabled': 'yes' } });
    const made = await capture(m.sim, () => m.call('interfaces:create', { ...input, planId: preview.planId }));
    expectSent(preview.commands, made.writes);
    expect(m.rows('/ip/cloud')[0]?.['ddns-enabled']).toBe(printed);
    const dnsName = m.rows('/ip/cloud')[0]!['dns-name']!;
    expect(await m.call('endpoints:get', { routerId, interface: 'wg-ddns' })).toMatchObject({ host: dnsName, port: 51666 });
    // The router's own rollback script puts DDNS back too (the singleton's set, with no [find]).
    expect(preview.rollback.script.filter((l) => l.includes('/ip cloud set'))).toEqual([`:do { /ip cloud set ddns-enabled=${before} } on-error={}`]);
  });
});

describe('the set-up wizard checks that full-tunnel clients reach the internet (source NAT)', () => {
  const NAT = '/ip/firewall/nat';
  const MEMBERS = '/interface/list/member';

  it('finds the default masquerade, adds one out of WAN where none takes the subnet, and refuses where it cannot tell the WAN', async () => {
    const m = await router();
    const { routerId } = m;
    // The default configuration masquerades everything going out of WAN: nothing to add.
    let proposal = await m.call('setup:propose', { routerId });
    expect(proposal.nat).toEqual({ state: 'covered', rule: 'defconf: masquerade', canAdd: false });
    const input = { routerId, name: proposal.name, listenPort: proposal.listenPort, address: proposal.address!, openPort: true, masquerade: true };
    expect((await m.call('changes:preview', { kind: 'interface.create', input })).commands.some((c) => c.startsWith('/ip firewall nat'))).toBe(false);

    // Someone deleted it (a router set up by hand): the plan adds a masquerade for the subnet, as previewed.
    const defconf = m.rows(NAT).find((r) => r['comment'] === 'defconf: masquerade')!;
    m.sim.state.remove(NAT, defconf['.id']!);
    await m.settle();
    proposal = await m.call('setup:propose', { routerId });
    expect(proposal.nat).toEqual({ state: 'missing', rule: null, canAdd: true });
    const subnet = proposal.address!.replace(/\.1\/24$/, '.0/24');
    const preview = await m.call('changes:preview', { kind: 'interface.create', input: { ...input, address: proposal.address! } });
    expect(preview.commands).toContain(`/ip firewall nat add chain=srcnat action=masquerade src-address=${subnet} out-interface-list=WAN comment="WireGuard ${proposal.name}"`);
    expect(preview.diff).toContainEqual(expect.objectContaining({ item: expect.objectContaining({ type: 'nat' }), change: 'add' }));
    const made = await capture(m.sim, () => m.call('interfaces:create', { ...input, planId: preview.planId }));
    expectSent(preview.commands, made.writes);
    expect(m.rows(NAT).filter((r) => r['chain'] === 'srcnat').map((r) => [r['action'], r['src-address'], r['out-interface-list']])).toEqual([['masquerade', subnet, 'WAN']]);
    // The router's own rollback script removes it again with the rest.
    expect(preview.rollback.script.some((l) => l.includes('/ip firewall nat remove'))).toBe(true);

    // No WAN list member: WireDesk cannot tell where the internet is, and says so before sending anything.
    for (const member of m.rows(MEMBERS).filter((r) => r['list'] === 'WAN')) m.sim.state.remove(MEMBERS, member['.id']!);
    await m.settle();
    proposal = await m.call('setup:propose', { routerId });
    expect(proposal.nat).toEqual({ state: 'missing', rule: null, canAdd: false });
    const refused = await m.fail('interfaces:create', { ...input, name: proposal.name, listenPort: proposal.listenPort, address: proposal.address! });
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { field: 'masquerade' } });
    expect(refused.message).toContain('no WAN interface list');
  });
});

describe('the set-up wizard gives the tunnel IPv6 alongside IPv4 when asked', () => {
  it('adds the unique local /64 to /ipv6/address in the same plan; peers get an address in it; deleting the interface takes it too', async () => {
    const m = await router();
    const { routerId } = m;
    const proposal = await m.call('setup:propose', { routerId });
    expect(proposal.address6).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:1::1\/64$/);
    // Written as RouterOS prints it (no leading zeros in a group): a random prefix has one about one time in eight.
    for (let i = 0; i < 40; i++) {
      const again = (await m.call('setup:propose', { routerId })).address6;
      expect(again).not.toMatch(/:0[0-9a-f]/);
    }
    const input = { routerId, name: 'wg-cift', listenPort: 51677, address: '10.91.0.1/24', address6: proposal.address6, openPort: true };
    const preview = await m.call('changes:preview', { kind: 'interface.create', input });
    expect(preview.commands.slice(0, 3)).toEqual([
      '/interface wireguard add name=wg-cift listen-port=51677',
      '/ip address add address=10.91.0.1/24 interface=wg-cift comment=WireGuard',
      `/ipv6 address add address=${proposal.address6} interface=wg-cift advertise=no comment=WireGuard`,
    ]);
    const made = await capture(m.sim, () => m.call('interfaces:create', { ...input, planId: preview.planId }));
    expectSent(preview.commands, made.writes);
    expect(made.value.interface.addresses).toEqual(['10.91.0.1/24', proposal.address6]);
    expect(m.rows('/ipv6/address').filter((a) => a['interface'] === 'wg-cift').map((a) => a['address'])).toEqual([proposal.address6]);

    // A new peer gets one address of each family, and its config has both.
    const peer = (await m.call('peers:create', { routerId, interface: 'wg-cift', name: 'cift-telefon' })).peer;
    const host6 = proposal.address6.replace('::1/64', '::2/128');
    expect(peer.allowedAddress).toEqual(['10.91.0.2/32', host6]);
    await m.call('endpoints:set', { routerId, interface: 'wg-cift', host: 'vpn.example.com', port: 51677 });
    const config = await m.call('configs:get', { routerId, peerId: peer.id });
    expect(config.text).toMatch(new RegExp(`^Address = 10\\.91\\.0\\.2/32, ${host6.replace(/\//g, '\\/')}$`, 'm'));

    // An IPv4 value where IPv6 belongs is refused before anything is sent.
    expect(await m.fail('interfaces:create', { ...input, name: 'wg-yanlis', listenPort: 51678, address: '10.92.0.1/24', address6: '10.93.0.1/24' })).toMatchObject({ code: 'VALIDATION', details: { field: 'address6' } });

    const gone = await m.call('interfaces:deletePreview', { routerId, interfaceId: made.value.interface.id });
    expect(gone.plan.commands.filter((c) => c.includes('address remove'))).toEqual([expect.stringMatching(/^\/ip address remove \*/), expect.stringMatching(/^\/ipv6 address remove \*/)]);
    await m.call('interfaces:delete', { routerId, interfaceId: made.value.interface.id, planId: gone.plan.planId, confirmName: 'wg-cift' });
    expect(m.rows('/ipv6/address').filter((a) => a['interface'] === 'wg-cift')).toEqual([]);
  });
});

describe('a site link previews one plan per router and applies exactly those', () => {
  async function twoSites() {
    const m = await router({ peers: 0 });
    const b = await addRouter(m);
    open.push({ close: () => b.sim.close() });
    await m.call('interfaces:create', { routerId: m.routerId, name: 'wg-site', listenPort: 13300, address: '10.255.0.1/24' });
    await m.call('interfaces:create', { routerId: b.routerId, name: 'wg-site', listenPort: 13301, address: '10.255.0.2/24' });
    const lan = b.sim.state.print(ADDRESSES).find((r) => r['interface'] === 'bridge')!;
    b.sim.state.set(ADDRESSES, lan['.id']!, { address: '192.168.20.1/24' });
    await m.s.models.live(b.routerId);
    const input = { a: { routerId: m.routerId, interface: 'wg-site', endpoint: 'a.example.net:13300' }, b: { routerId: b.routerId, interface: 'wg-site', endpoint: null } };
    return { m, b, input };
  }

  it('the preview names both routers\' commands; Connect with its id sends exactly them', async () => {
    const { m, b, input } = await twoSites();
    const preview = await m.call('changes:preview', { kind: 'site.link', input });
    expect(preview).toMatchObject({ kind: 'site.link', routerId: m.routerId, linked: { kind: 'site.link', routerId: b.routerId } });
    const linked = preview.linked!;
    // Each router: its peer for the other site, then its route to the other LAN (an item of type route).
    expect(preview.commands[0]).toMatch(/^\/interface wireguard peers add interface=wg-site public-key="[^"]+" allowed-address=10\.255\.0\.2\/32,192\.168\.20\.0\/24 /);
    expect(preview.commands[1]).toBe('/ip route add dst-address=192.168.20.0/24 gateway=wg-site comment="WireDesk site link to Branch ' + b.sim.port + '"');
    expect(linked.commands[0]).toMatch(/^\/interface wireguard peers add interface=wg-site .*endpoint-address=a\.example\.net endpoint-port=13300/);
    expect(linked.commands[1]).toMatch(/^\/ip route add dst-address=192\.168\.88\.0\/24 gateway=wg-site comment=/);
    expect(preview.diff.map((d) => [d.item.type, d.change])).toEqual([['peer', 'add'], ['route', 'add']]);
    expect(preview.diff[1]!.item.label).toBe('192.168.20.0/24 via wg-site');
    // The undo of a route removes exactly WireDesk's route: by destination, gateway and comment.
    expect(preview.rollback.script.join('\n')).toMatch(/\/ip route remove \[find dst-address=192\.168\.20\.0\/24 gateway=wg-site comment="WireDesk site link to /);
    expect(preview.verify.map((v) => v.item)).toEqual([expect.stringMatching(/^site-Branch/), '192.168.20.0/24 via wg-site']);
    expect(m.rows(PEERS)).toEqual([]);
    expect(b.sim.state.print(PEERS)).toEqual([]);

    m.sim.commands.start();
    b.sim.commands.start();
    const result = await m.call('sites:connect', { ...input, planId: preview.planId });
    const writesA = changeWrites(m.sim.commands.stop());
    const writesB = changeWrites(b.sim.commands.stop());
    expect(result.outcome).toBe('connected');
    expectSent(preview.commands, writesA);
    expectSent(linked.commands, writesB);
    // The diffs' "after" is what each router has.
    const [peerOnA] = m.rows(PEERS);
    for (const [field, value] of Object.entries(preview.diff[0]!.after!)) {
      if (field === 'persistent-keepalive' || field === 'responder') continue;
      expect(peerOnA![field], field).toBe(value);
    }
    expect(m.rows(ROUTES)).toEqual([expect.objectContaining(preview.diff[1]!.after!)]);
    expect(b.sim.state.print(ROUTES)).toEqual([expect.objectContaining(linked.diff[1]!.after!)]);
    // The preview was used up.
    expect((await m.fail('sites:connect', { ...input, planId: preview.planId })).code).toMatch(/PLAN_STALE|VALIDATION/);
  }, 30_000);

  it('refuses as stale when the other router changed since the preview: nothing is sent to either', async () => {
    const { m, b, input } = await twoSites();
    const preview = await m.call('changes:preview', { kind: 'site.link', input });
    // B's LAN renumbered in WinBox: A's route and peer would now differ from the preview.
    const lan = b.sim.state.print(ADDRESSES).find((r) => r['interface'] === 'bridge')!;
    b.sim.state.set(ADDRESSES, lan['.id']!, { address: '192.168.30.1/24' });
    await m.s.models.live(b.routerId);
    m.sim.commands.start();
    b.sim.commands.start();
    const error = await m.fail('sites:connect', { ...input, planId: preview.planId });
    expect(changeWrites(m.sim.commands.stop())).toEqual([]);
    expect(changeWrites(b.sim.commands.stop())).toEqual([]);
    expect(error.code).toBe('PLAN_STALE');
    expect(error.details).toMatchObject({ reason: 'changed', previewed: preview.commands });
    expect(m.rows(PEERS)).toEqual([]);
    expect(b.sim.state.print(PEERS)).toEqual([]);

    // A link blocked since the preview is stale too (a peer with B's key added on A in WinBox).
    const fresh = await m.call('changes:preview', { kind: 'site.link', input });
    const keyB = b.sim.state.print(IFACES).find((r) => r['name'] === 'wg-site')!['public-key']!;
    m.sim.state.add(PEERS, { interface: 'wg-site', name: 'by-hand', 'public-key': keyB, 'allowed-address': '10.255.0.2/32' });
    await m.settle();
    const blocked = await m.fail('sites:connect', { ...input, planId: fresh.planId });
    expect(blocked.code).toBe('PLAN_STALE');
    expect(blocked.message).toContain('already linked');
    // And a blocked link has no plan to preview.
    expect((await m.fail('changes:preview', { kind: 'site.link', input })).code).toBe('VALIDATION');
  }, 30_000);
});
