import { describe, expect, it } from 'vitest';
import { encodeSentence } from '../../../main/routeros/protocol/codec.ts';
import { summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

describe('protocol', () => {
  it('puts .tag right after the reply word on every sentence', async () => {
    const sim = await start({ peers: 3 });
    const api = await login(sim);
    const replies = await api.call(['/interface/wireguard/peers/print'], 'abc');
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) expect(reply.words[1]!.toString()).toBe('.tag=abc');
  });

  it('runs many tagged commands concurrently on one connection', async () => {
    const sim = await start({ peers: 20 });
    const api = await login(sim);
    const paths = ['/interface/wireguard/peers/print', '/system/resource/print', '/ip/address/print', '/interface/print'];
    const calls = Array.from({ length: 40 }, (_, i) => api.call([paths[i % paths.length]!], `c${i}`));
    const results = await Promise.all(calls);
    results.forEach((replies, i) => {
      expect(replies.at(-1)!.head).toBe('!done');
      expect(replies.every((r) => r.tag === `c${i}`)).toBe(true);
    });
    expect(results[0]!.filter((r) => r.head === '!re')).toHaveLength(21);
  });

  it('answers untagged commands without a tag', async () => {
    const sim = await start();
    const api = await login(sim);
    api.write(['/system/identity/print']);
    const replies = await api.until(() => (api.received.some((r) => r.head === '!done' && r.tag === undefined) ? api.received.slice(-2) : undefined));
    expect(replies.map((r) => [r.head, r.tag])).toEqual([['!re', undefined], ['!done', undefined]]);
  });

  it('decodes a request that arrives one byte at a time', async () => {
    const sim = await start();
    const api = await login(sim);
    const bytes = encodeSentence(['/system/identity/print', '.tag=slow']);
    for (const byte of bytes) {
      api.socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const replies = await api.until(() => (api.tagged('slow').some((r) => r.head === '!done') ? api.tagged('slow') : undefined));
    expect(replies[0]!.get('name')).toBe('MikroTik');
  });

  it('reports unknown commands like RouterOS: two traps then !done', async () => {
    const sim = await start();
    const api = await login(sim);
    expect(summary(await api.call(['/ip/adress/print']))).toEqual([
      '!trap 0 no such command or directory (adress)', '!trap - no such command prefix', '!done',
    ]);
    expect(summary(await api.call(['/interface/wireguard/peers/frobnicate']))).toEqual([
      '!trap 0 no such command or directory (frobnicate)', '!trap - no such command prefix', '!done',
    ]);
  });

  it('sends !empty then !done for a print without rows on 7.18', async () => {
    const sim = await start({ version: '7.18' });
    const api = await login(sim);
    expect(summary(await api.call(['/interface/wireguard/peers/print']))).toEqual(['!empty', '!done']);
    const tagged = await api.call(['/interface/wireguard/print'], 'e1');
    expect(tagged.map((r) => [r.head, r.tag])).toEqual([['!empty', 'e1'], ['!done', 'e1']]);
  });

  it('sends a plain !done for a print without rows on 7.17', async () => {
    const sim = await start({ version: '7.17' });
    const api = await login(sim);
    expect(summary(await api.call(['/interface/wireguard/peers/print']))).toEqual(['!done']);
  });

  it('ends the session with !fatal on /quit', async () => {
    const sim = await start();
    const api = await login(sim);
    api.write(['/quit']);
    await api.closed;
    const fatal = api.received.at(-1)!;
    expect(fatal.head).toBe('!fatal');
    expect(fatal.other.map((w) => w.toString())).toEqual(['session terminated on request']);
  });

  it('returns a several-megabyte word intact', async () => {
    const sim = await start({ peers: 2 });
    const big = sim.bigWord(5 * 1024 * 1024);
    const api = await login(sim);
    const replies = await api.call([`${big.path}/print`, `?.id=${big.id}`, '=.proplist=comment']);
    expect(replies[0]!.attributes.get('comment')!.equals(big.value)).toBe(true);
  });

  it('accepts a several-megabyte word from the client', async () => {
    const sim = await start({ peers: 1 });
    const api = await login(sim);
    const comment = Buffer.alloc(3 * 1024 * 1024, 0x41);
    const id = sim.state.table('/interface/wireguard/peers').rows[0]!.idText;
    expect(summary(await api.call(['/interface/wireguard/peers/set', `=.id=${id}`, Buffer.concat([Buffer.from('=comment='), comment])]))).toEqual(['!done']);
    expect(sim.state.table('/interface/wireguard/peers').find(id)!.raw('comment')!.equals(comment)).toBe(true);
  });
});
