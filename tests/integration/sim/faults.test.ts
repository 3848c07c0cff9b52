import { describe, expect, it } from 'vitest';
import { RawApi, summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

/** Waits for a server-side condition (no timing assertion: only how long the test may wait). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('fault injection', () => {
  it('dropAfter closes the connection after n more sentences, once', async () => {
    const sim = await start({ peers: 10 });
    const api = await login(sim);
    const before = api.received.length;
    sim.faults.dropAfter(3);
    api.write(['/interface/wireguard/peers/print', '.tag=x']);
    await api.closed;
    expect(api.received.length - before).toBe(3);
    const again = await login(sim);
    expect((await again.call(['/interface/wireguard/peers/print'])).at(-1)!.head).toBe('!done');
  });

  it('delayReplies holds replies back but keeps their order', async () => {
    const sim = await start();
    const api = await login(sim);
    sim.faults.delayReplies(30);
    const replies = await Promise.all([api.call(['/system/identity/print'], 'a'), api.call(['/ip/address/print'], 'b')]);
    expect(replies.map((r) => r.at(-1)!.head)).toEqual(['!done', '!done']);
    const order = api.received.map((r) => r.tag).filter((t) => t === 'a' || t === 'b');
    expect(order.indexOf('b')).toBeGreaterThan(order.lastIndexOf('a'));
  });

  it('fragment(1) delivers every byte in its own segment, and the reply still decodes', async () => {
    const sim = await start({ peers: 2 });
    const api = await login(sim);
    const chunks: number[] = [];
    api.socket.on('data', (chunk: Buffer) => chunks.push(chunk.length));
    sim.faults.fragment(1);
    const replies = await api.call(['/system/identity/print']);
    expect(replies[0]!.get('name')).toBeTruthy();
    expect(chunks.length).toBeGreaterThan(20);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(2);
  });

  it('fatal sends !fatal with a bare reason word and closes', async () => {
    const sim = await start();
    const api = await login(sim);
    sim.faults.fatal('too many commands before login');
    await api.closed;
    const last = api.received.at(-1)!;
    expect(last.head).toBe('!fatal');
    expect(last.other.map((w) => w.toString())).toEqual(['too many commands before login']);
    expect(last.attributes.size).toBe(0);
  });

  it('fatal armed with no connection open hits the next command', async () => {
    const sim = await start();
    sim.faults.fatal();
    const api = await RawApi.connect({ port: sim.port });
    api.write(['/login', '=name=admin', '=password=']);
    await api.closed;
    expect(api.received.map((r) => r.head)).toEqual(['!fatal']);
  });

  it('garbage sends bytes starting with a reserved length byte', async () => {
    const sim = await start();
    const api = await login(sim);
    const raw: Buffer[] = [];
    api.socket.on('data', (chunk: Buffer) => raw.push(chunk));
    sim.faults.garbage(8);
    await api.until(() => api.protocolError);
    expect(Buffer.concat(raw)[0]).toBeGreaterThanOrEqual(0xf8);
    expect(api.protocolError!.message).toMatch(/reserved/);
  });

  it('silence accepts and reads but never answers, until reset', async () => {
    const sim = await start();
    const api = await RawApi.connect({ port: sim.port });
    sim.faults.silence();
    api.write(['/login', '=name=admin', '=password=', '.tag=s']);
    await waitFor(() => sim.faults.ignoredSentences === 1);
    // A second connection after reset proves the server is alive while the first got nothing.
    sim.faults.reset();
    const other = await login(sim);
    expect(summary(await other.call(['/system/identity/print'])).at(-1)).toBe('!done');
    expect(api.received).toEqual([]);
  });
});
