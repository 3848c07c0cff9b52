import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';

const start = simulators();

async function routerWithPeers() {
  const sim = await start();
  sim.state.add('/interface/wireguard', { name: 'wg0' });
  const names = ['alpha', 'beta', 'gamma', 'delta'];
  names.forEach((name, i) => {
    sim.state.add('/interface/wireguard/peers', {
      interface: 'wg0', name, 'public-key': testKey(i + 1), 'allowed-address': `10.0.0.${i + 2}/32`,
      ...(i === 1 ? { disabled: 'true' } : {}), ...(i >= 2 ? { comment: `c${i}` } : {}),
    });
  });
  return { sim, api: await login(sim) };
}

const names = (rows: Array<Record<string, string>>): string[] => rows.map((r) => r.name!);

describe('print queries', () => {
  it('filters by equality, presence and absence', async () => {
    const { api } = await routerWithPeers();
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?name=gamma']))).toEqual(['gamma']);
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?=disabled=true']))).toEqual(['beta']);
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?comment']))).toEqual(['gamma', 'delta']);
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?-comment']))).toEqual(['alpha', 'beta']);
  });

  it('compares with ?< and ?> (ids by value)', async () => {
    const { api } = await routerWithPeers();
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?>.id=*2']))).toEqual(['gamma', 'delta']);
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?<.id=*2']))).toEqual(['alpha']);
  });

  it('combines with the ?# stack operations', async () => {
    const { api } = await routerWithPeers();
    const print = '/interface/wireguard/peers/print';
    expect(names(await api.rows([print, '?name=alpha', '?name=delta', '?#|']))).toEqual(['alpha', 'delta']);
    expect(names(await api.rows([print, '?name=alpha', '?name=delta', '?#|!']))).toEqual(['beta', 'gamma']);
    expect(names(await api.rows([print, '?comment', '?disabled=false', '?#&']))).toEqual(['gamma', 'delta']);
    expect(names(await api.rows([print, '?name=alpha', '?#!']))).toEqual(['beta', 'gamma', 'delta']);
    // Numeric form: push a copy of stack[0].
    expect(names(await api.rows([print, '?name=beta', '?#0|']))).toEqual(['beta']);
  });

  it('without the stack ops, several queries all have to hold', async () => {
    const { api } = await routerWithPeers();
    expect(names(await api.rows(['/interface/wireguard/peers/print', '?comment', '?name=delta']))).toEqual(['delta']);
  });

  it('rejects a ?# word that underflows the stack', async () => {
    const { api } = await routerWithPeers();
    const replies = await api.call(['/interface/wireguard/peers/print', '?name=alpha', '?#|']);
    expect(replies.map((r) => r.head)).toEqual(['!trap', '!done']);
  });

  it('limits properties with .proplist and counts with count-only', async () => {
    const { api } = await routerWithPeers();
    const rows = await api.rows(['/interface/wireguard/peers/print', '=.proplist=.id,name,rx', '?disabled=false']);
    expect(rows).toEqual([
      { '.id': '*1', name: 'alpha', rx: '0' }, { '.id': '*3', name: 'gamma', rx: '0' }, { '.id': '*4', name: 'delta', rx: '0' },
    ]);
    // A property the row does not have is simply left out.
    expect(await api.rows(['/interface/wireguard/peers/print', '=.proplist=name,last-handshake', '?name=alpha'])).toEqual([{ name: 'alpha' }]);
    const count = await api.call(['/interface/wireguard/peers/print', '=count-only=', '?disabled=false']);
    expect(summary(count)).toEqual(['!done']);
    expect(count[0]!.get('ret')).toBe('3');
  });

  it('also accepts .proplist as an API attribute', async () => {
    const { api } = await routerWithPeers();
    expect(await api.rows(['/interface/wireguard/peers/print', '.proplist=name', '?name=beta'])).toEqual([{ name: 'beta' }]);
  });
});
