import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();
const CP1251 = iconv.encode('Склад — старый роутер', 'win1251');

describe('bytes, not text', () => {
  it('seeds a cp1251 legacy comment and returns its bytes unchanged', async () => {
    const sim = await start({ peers: 10 });
    const api = await login(sim);
    const replies = await api.call(['/interface/wireguard/peers/print', '=.proplist=.id,comment']);
    const legacy = replies.filter((r) => r.head === '!re').find((r) => r.attributes.get('comment')?.equals(CP1251));
    expect(legacy).toBeDefined();
    // The bytes are not valid UTF-8: decoding them would have destroyed them.
    expect(Buffer.from(CP1251.toString('utf8')).equals(CP1251)).toBe(false);
  });

  it('stores a cp1251 comment written by a client byte for byte, and matches it in a query', async () => {
    const sim = await start({ peers: 2 });
    const api = await login(sim);
    const id = sim.state.table('/interface/wireguard/peers').rows[1]!.idText;
    const word = Buffer.concat([Buffer.from('=comment='), CP1251]);
    expect(summary(await api.call(['/interface/wireguard/peers/set', `=.id=${id}`, word]))).toEqual(['!done']);
    expect(sim.state.table('/interface/wireguard/peers').find(id)!.raw('comment')!.equals(CP1251)).toBe(true);
    const found = await api.call(['/interface/wireguard/peers/print', Buffer.concat([Buffer.from('?comment='), CP1251]), '=.proplist=.id']);
    expect(found.filter((r) => r.head === '!re').map((r) => r.get('.id'))).toEqual([id]);
  });

  it('keeps UTF-8 Turkish names intact', async () => {
    const sim = await start();
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg0']);
    await api.call(['/interface/wireguard/peers/add', '=interface=wg0', `=public-key=${Buffer.alloc(32, 9).toString('base64')}`, '=allowed-address=10.0.0.2', '=name=Çağrı-İş-Laptop']);
    expect((await api.rows(['/interface/wireguard/peers/print']))[0]!.name).toBe('Çağrı-İş-Laptop');
  });
});
