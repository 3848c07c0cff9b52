import { describe, expect, it } from 'vitest';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';

const start = simulators();

function publicKeyOf(privateBase64: string): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.from(privateBase64, 'base64')]);
  const spki = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  return spki.subarray(-32).toString('base64');
}

describe('add / set / remove', () => {
  it('adds an interface with a generated X25519 key pair and defaults', async () => {
    const sim = await start();
    const api = await login(sim);
    const added = await api.call(['/interface/wireguard/add', '=name=wg-test']);
    expect(summary(added)).toEqual(['!done']);
    const id = added[0]!.get('ret')!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    const [row] = await api.rows(['/interface/wireguard/print', `?.id=${id}`]);
    expect(row).toMatchObject({ name: 'wg-test', mtu: '1420', 'listen-port': '13231', running: 'true', disabled: 'false' });
    expect(Buffer.from(row!['private-key']!, 'base64')).toHaveLength(32);
    expect(row!['public-key']).toBe(publicKeyOf(row!['private-key']!));
    // A second interface gets the next free port.
    const second = await api.call(['/interface/wireguard/add', '=name=wg-two']);
    expect((await api.rows(['/interface/wireguard/print', `?.id=${second[0]!.get('ret')}`]))[0]!['listen-port']).toBe('13232');
  });

  it('adds, sets and removes peers by id, including comma lists', async () => {
    const sim = await start();
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg0']);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = await api.call(['/interface/wireguard/peers/add', '=interface=wg0', `=public-key=${testKey(i)}`, `=allowed-address=10.9.0.${i + 1}`]);
      ids.push(r[0]!.get('ret')!);
    }
    const [first] = await api.rows(['/interface/wireguard/peers/print', `?.id=${ids[0]}`]);
    expect(first).toMatchObject({ interface: 'wg0', 'allowed-address': '10.9.0.2/32', 'endpoint-port': '0', rx: '0', tx: '0', 'current-endpoint-address': '', 'current-endpoint-port': '0' });
    expect(first).not.toHaveProperty('last-handshake');
    expect(first).not.toHaveProperty('persistent-keepalive');

    expect(summary(await api.call(['/interface/wireguard/peers/set', `=.id=${ids[0]},${ids[1]}`, '=persistent-keepalive=25', '=comment=Ofis'])))
      .toEqual(['!done']);
    const rows = await api.rows(['/interface/wireguard/peers/print', '?comment=Ofis', '=.proplist=persistent-keepalive']);
    expect(rows).toEqual([{ 'persistent-keepalive': '25s' }, { 'persistent-keepalive': '25s' }]);

    expect(summary(await api.call(['/interface/wireguard/peers/remove', `=.id=${ids[0]},${ids[2]}`]))).toEqual(['!done']);
    expect(sim.state.table('/interface/wireguard/peers').rows.map((r) => r.idText)).toEqual([ids[1]]);
    expect(summary(await api.call(['/interface/wireguard/peers/remove', `=.id=${ids[0]}`]))).toEqual(['!trap 0 no such item (4)', '!done']);
  });

  it('rejects a duplicate public key on the same interface and on another one (keys are unique per router)', async () => {
    const sim = await start();
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg0']);
    await api.call(['/interface/wireguard/add', '=name=wg1']);
    const add = ['/interface/wireguard/peers/add', '=interface=wg0', `=public-key=${testKey(7)}`, '=allowed-address=10.0.0.2/32'];
    expect(summary(await api.call(add))).toEqual(['!done']);
    expect(summary(await api.call(add))).toEqual(['!trap - failure: entry already exists', '!done']);
    expect(summary(await api.call(['/interface/wireguard/peers/add', '=interface=wg1', `=public-key=${testKey(7)}`, '=allowed-address=10.1.0.2/32']))).toEqual(['!trap - failure: entry already exists', '!done']);
    // Moving the peer to the other interface is its own key again: allowed.
    const [row] = await api.rows(['/interface/wireguard/peers/print', `?public-key=${testKey(7)}`]);
    expect(summary(await api.call(['/interface/wireguard/peers/set', `=.id=${row!['.id']}`, '=interface=wg1']))).toEqual(['!done']);
  });

  it('checks references and values like RouterOS', async () => {
    const sim = await start();
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg-office']);
    await api.call(['/interface/wireguard/add', '=name=wg-other']);
    const peer = (extra: string[]) => api.call(['/interface/wireguard/peers/add', `=public-key=${testKey(1)}`, '=allowed-address=10.0.0.2/32', ...extra]);
    expect(summary(await peer(['=interface=nope']))).toEqual(['!trap 1 input does not match any value of interface', '!done']);
    expect(summary(await peer(['=interface=wg-']))).toEqual(['!trap 1 ambiguous value of interface, more than one possible value matches input', '!done']);
    expect(summary(await peer([]))).toEqual(['!trap 1 missing value(s) of argument(s) interface', '!done']);
    expect(summary(await api.call(['/interface/wireguard/set', '=.id=wg-office', '=listen-port=70000'])))
      .toEqual(['!trap 1 value of listen-port out of range (1..65535)', '!done']);
    expect(summary(await api.call(['/ip/address/add', '=address=192.168.88.1', '=interface=asdf'])))
      .toEqual(['!trap 1 input does not match any value of interface', '!done']);
    expect(summary(await api.call(['/ip/address/add', '=address=300.1.1.1/24', '=interface=ether2'])))
      .toEqual(['!trap 1 invalid value for argument address', '!done']);
    expect(summary(await api.call(['/interface/wireguard/set', '=.id=wg-office', '=running=false'])))
      .toEqual(['!trap 1 unknown parameter running', '!done']);
    expect(summary(await peer(['=interface=wg-office', '=public-key=not-a-key'])))
      .toEqual(['!trap 1 invalid value for argument public-key', '!done']);
  });

  it('refuses to change dynamic rows (Back To Home)', async () => {
    const sim = await start({ peers: 5 });
    const api = await login(sim);
    const [bth] = await api.rows(['/interface/wireguard/peers/print', '?dynamic=true']);
    expect(bth).toMatchObject({ interface: 'back-to-home-vpn' });
    expect(summary(await api.call(['/interface/wireguard/peers/set', `=.id=${bth!['.id']}`, '=comment=x']))).toEqual(['!trap - can not change dynamic', '!done']);
    expect(summary(await api.call(['/interface/wireguard/peers/remove', `=.id=${bth!['.id']}`]))).toEqual(['!trap - can not change dynamic', '!done']);
  });

  it('keeps interface references when an interface is renamed, and removes its peers with it', async () => {
    const sim = await start({ peers: 3 });
    const api = await login(sim);
    await api.call(['/interface/wireguard/set', '=.id=wg-office', '=name=wg-hq']);
    expect((await api.rows(['/interface/wireguard/peers/print', '?interface=wg-hq'])).length).toBe(3);
    expect((await api.rows(['/ip/address/print', '?interface=wg-hq']))[0]).toMatchObject({ address: '10.10.0.1/24', network: '10.10.0.0' });
    await api.call(['/interface/wireguard/remove', '=.id=wg-hq']);
    expect(await api.rows(['/interface/wireguard/peers/print', '?interface=wg-hq'])).toEqual([]);
  });

  it('supports enable/disable, unset and get', async () => {
    const sim = await start({ peers: 1 });
    const api = await login(sim);
    const id = sim.state.table('/interface/wireguard/peers').rows[0]!.idText;
    await api.call(['/interface/wireguard/peers/disable', `=.id=${id}`]);
    expect(sim.state.table('/interface/wireguard/peers').find(id)!.get('disabled')).toBe('true');
    await api.call(['/interface/wireguard/peers/unset', `=.id=${id}`, '=value-name=persistent-keepalive']);
    const got = await api.call(['/interface/wireguard/peers/get', `=.id=${id}`, '=value-name=allowed-address']);
    expect(got[0]!.get('ret')).toBe('10.10.0.3/32');
    expect(sim.state.table('/interface/wireguard/peers').find(id)!.get('persistent-keepalive')).toBeUndefined();
  });

  it('needs the write policy to change anything', async () => {
    const sim = await start({ users: [{ name: 'viewer', password: 'v', policies: ['read', 'api'] }] });
    const api = await login(sim, 'viewer', 'v');
    expect(summary(await api.call(['/interface/wireguard/add', '=name=wg0']))).toEqual(['!trap - not enough permissions (9)', '!done']);
  });

  it('offers the same checks through sim.state for test setup', async () => {
    const sim = await start();
    const wg = sim.state.add('/interface/wireguard', { name: 'wg0' });
    expect(() => sim.state.add('/interface/wireguard', { name: 'wg0' })).toThrow('failure: already have interface with such name');
    sim.state.set('/interface/wireguard', wg.idText, { comment: 'note' });
    expect(sim.state.print('/interface/wireguard')[0]).toMatchObject({ name: 'wg0', comment: 'note' });
  });
});
