import { describe, expect, it } from 'vitest';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

describe('large routers', () => {
  it('prints 10,000 peers, each row complete, ids unique', async () => {
    const sim = await start({ peers: 10_000 });
    const api = await login(sim);
    const replies = await api.call(['/interface/wireguard/peers/print']);
    const rows = replies.filter((r) => r.head === '!re');
    // 10,000 seeded + the dynamic Back To Home peer.
    expect(rows).toHaveLength(10_001);
    expect(replies.at(-1)!.head).toBe('!done');
    expect(new Set(rows.map((r) => r.get('.id'))).size).toBe(10_001);
    expect(new Set(rows.map((r) => r.get('public-key'))).size).toBe(10_001);
    for (const row of rows) expect(row.get('allowed-address')).toMatch(/^[\d.]+\/\d+/);
    const interfaces = await api.rows(['/interface/wireguard/print', '=.proplist=name']);
    expect(interfaces.map((r) => r.name)).toEqual(['wg-office', 'wg-clients', 'back-to-home-vpn']);
    const [address] = await api.rows(['/ip/address/print', '?interface=wg-clients']);
    expect(address!.address).toBe('10.20.0.1/16');
    const count = await api.call(['/interface/wireguard/peers/print', '=count-only=', '?interface=wg-clients']);
    expect(count[0]!.get('ret')).toBe('9940');
  });
});
