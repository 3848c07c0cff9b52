import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';

const start = simulators();

async function peerAdd(version: string, extra: string[]) {
  const sim = await start({ version });
  const api = await login(sim);
  await api.call(['/interface/wireguard/add', '=name=wg0']);
  const replies = await api.call(['/interface/wireguard/peers/add', '=interface=wg0', `=public-key=${testKey(3)}`, '=allowed-address=10.0.0.2/32', ...extra]);
  const rows = await api.rows(['/interface/wireguard/peers/print']);
  return { sim, replies: summary(replies), row: rows[0] };
}

describe('version differences', () => {
  it('7.17+: responder; is-responder is unknown', async () => {
    expect((await peerAdd('7.17', ['=responder=yes'])).row).toMatchObject({ responder: 'true' });
    const old = await peerAdd('7.18', ['=is-responder=yes']);
    expect(old.replies).toEqual(['!trap 1 unknown parameter is-responder', '!done']);
  });

  it('7.15-7.16: is-responder; responder is unknown', async () => {
    const { row } = await peerAdd('7.15', ['=is-responder=true']);
    expect(row).toMatchObject({ 'is-responder': 'true' });
    expect(row).not.toHaveProperty('responder');
    expect((await peerAdd('7.16', ['=responder=yes'])).replies).toEqual(['!trap 1 unknown parameter responder', '!done']);
  });

  it('name exists from 7.15 (auto-named peerN), not before', async () => {
    expect((await peerAdd('7.15', [])).row).toMatchObject({ name: 'peer1' });
    expect((await peerAdd('7.12', [])).row).not.toHaveProperty('name');
    expect((await peerAdd('7.12', ['=name=x'])).replies).toEqual(['!trap 1 unknown parameter name', '!done']);
  });

  it('client settings from 7.12, client-allowed-address from 7.21', async () => {
    const v721 = await peerAdd('7.21', ['=client-allowed-address=10.0.0.0/8']);
    expect(v721.row).toMatchObject({ 'client-allowed-address': '10.0.0.0/8', 'client-address': '' });
    expect((await peerAdd('7.18', ['=client-allowed-address=10.0.0.0/8'])).replies).toEqual(['!trap 1 unknown parameter client-allowed-address', '!done']);
    expect((await peerAdd('7.12', ['=client-dns=1.1.1.1'])).row).toMatchObject({ 'client-dns': '1.1.1.1' });
    const v71 = await peerAdd('7.1', []);
    expect(v71.row).not.toHaveProperty('client-address');
    expect(v71.row).not.toHaveProperty('private-key');
  });

  it('vrf on interfaces from 7.21', async () => {
    const sim = await start({ version: '7.21' });
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg0']);
    expect((await api.rows(['/interface/wireguard/print']))[0]).toMatchObject({ vrf: 'main' });
    const older = await start({ version: '7.20' });
    const api2 = await login(older);
    expect(summary(await api2.call(['/interface/wireguard/add', '=name=wg0', '=vrf=main']))).toEqual(['!trap 1 unknown parameter vrf', '!done']);
  });

  it('7.17+: ddns-enabled is yes or auto; auto runs DDNS only while Back To Home is enabled; no is refused', async () => {
    const sim = await start({ version: '7.17' });
    const api = await login(sim);
    const cloud = async () => (await api.rows(['/ip/cloud/print']))[0]!;
    expect(await cloud()).toMatchObject({ 'ddns-enabled': 'yes', status: 'updated', 'dns-name': sim.state.hardware.dnsName });
    expect(summary(await api.call(['/ip/cloud/set', '=ddns-enabled=auto']))).toEqual(['!done']);
    const off = await cloud();
    expect(off).toMatchObject({ 'ddns-enabled': 'auto', 'back-to-home-vpn': 'disabled' });
    expect(off).not.toHaveProperty('dns-name');
    expect(off).not.toHaveProperty('status');
    expect(summary(await api.call(['/ip/cloud/set', '=back-to-home-vpn=enabled']))).toEqual(['!done']);
    expect(await cloud()).toMatchObject({ 'ddns-enabled': 'auto', 'dns-name': sim.state.hardware.dnsName, status: 'updated' });
    for (const value of ['no', 'false']) {
      expect(summary(await api.call(['/ip/cloud/set', `=ddns-enabled=${value}`])))
        .toEqual(['!trap 1 invalid value of ddns-enabled, must be either yes or auto', '!done']);
    }
    expect((await cloud())['ddns-enabled']).toBe('auto');
  });

  it('before 7.17: ddns-enabled is a yes/no flag and auto is refused', async () => {
    const sim = await start({ version: '7.16' });
    const api = await login(sim);
    expect((await api.rows(['/ip/cloud/print']))[0]).toMatchObject({ 'ddns-enabled': 'true', 'dns-name': sim.state.hardware.dnsName });
    expect(summary(await api.call(['/ip/cloud/set', '=ddns-enabled=auto']))).toEqual(['!trap 1 invalid value for argument ddns-enabled', '!done']);
    expect(summary(await api.call(['/ip/cloud/set', '=ddns-enabled=no']))).toEqual(['!done']);
    const [off] = await api.rows(['/ip/cloud/print']);
    expect(off).toMatchObject({ 'ddns-enabled': 'false' });
    expect(off).not.toHaveProperty('dns-name');
  });

  it('reports the version in /system/resource, with the 7.16 build-time format change', async () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['7.18', /^7\.18\.2 \(stable\)$/, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/],
      ['7.13.4', /^7\.13\.4 \(stable\)$/, /^[A-Z][a-z]{2}\/\d\d\/\d{4} \d\d:\d\d:\d\d$/],
      ['7.19beta4', /^7\.19beta4 \(testing\)$/, /^\d{4}-/],
    ];
    for (const [version, expected, buildTime] of cases) {
      const sim = await start({ version });
      const [resource] = await (await login(sim)).rows(['/system/resource/print']);
      expect(resource!.version).toMatch(expected);
      expect(resource!['build-time']).toMatch(buildTime);
    }
  });

  it('has no WireGuard before 7.1', async () => {
    const sim = await start({ version: '6.49.10' });
    const api = await login(sim);
    expect(summary(await api.call(['/interface/wireguard/print']))).toEqual([
      '!trap 0 no such command or directory (wireguard)', '!trap - no such command prefix', '!done',
    ]);
  });
});
