// The session's state machine over an in-memory stream pair: the test plays the router byte by byte.
// The same behaviours are proven over real TCP against the simulator in tests/integration/routeros.
import { duplexPair, type Duplex } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { encodeSentence, SentenceDecoder } from '../../../main/routeros/protocol/codec.ts';
import { parseSentence, type ParsedSentence } from '../../../main/routeros/protocol/sentence.ts';
import { ApiSession } from '../../../main/routeros/session.ts';
import type { RouterOsError } from '../../../main/routeros/errors.ts';

interface FakeRouter {
  session: ApiSession;
  /** Next command the client sent. */
  next(): Promise<ParsedSentence>;
  reply(...words: string[]): void;
  raw(bytes: Buffer): void;
  warn: ReturnType<typeof vi.fn>;
}

function fakeRouter(options: { keepaliveIntervalMs?: number; responseTimeoutMs?: number } = {}): FakeRouter {
  const [clientSide, routerSide]: [Duplex, Duplex] = duplexPair();
  const warn = vi.fn();
  const session = new ApiSession(clientSide, {
    label: 'r1',
    legacyCodePage: 'windows-1251',
    logger: { warn },
    keepaliveIntervalMs: options.keepaliveIntervalMs ?? 0,
    responseTimeoutMs: options.responseTimeoutMs ?? 60_000,
  });
  const decoder = new SentenceDecoder();
  const queue: ParsedSentence[] = [];
  const waiters: ((s: ParsedSentence) => void)[] = [];
  routerSide.on('data', (chunk: Buffer) => {
    for (const words of decoder.push(chunk)) {
      const s = parseSentence(words);
      const w = waiters.shift();
      if (w) w(s);
      else queue.push(s);
    }
  });
  routerSide.on('error', () => {});
  return {
    session,
    warn,
    next: () => {
      const s = queue.shift();
      return s ? Promise.resolve(s) : new Promise((resolve) => waiters.push(resolve));
    },
    reply: (...words) => routerSide.write(encodeSentence(words)),
    raw: (bytes) => routerSide.write(bytes),
  };
}

function closed(session: ApiSession): Promise<RouterOsError> {
  return new Promise((resolve) => session.onClose(resolve));
}

describe('ApiSession', () => {
  it('collects rows, accepts !empty and returns !done attributes', async () => {
    const r = fakeRouter();
    const print = r.session.send('/ip/address/print', []);
    const cmd = await r.next();
    expect(cmd.head).toBe('/ip/address/print');
    r.reply('!empty', `.tag=${cmd.tag}`);
    r.reply('!done', `.tag=${cmd.tag}`);
    await expect(print.reply).resolves.toEqual({ rows: [], done: {}, empty: true });

    const add = r.session.send('/ip/address/add', []);
    const addCmd = await r.next();
    r.reply('!done', '=ret=*1F', `.tag=${addCmd.tag}`);
    expect((await add.reply).done).toEqual({ ret: '*1F' });
  });

  it('keeps every trap with its category', async () => {
    const r = fakeRouter();
    const { reply } = r.session.send('/ip/adress/print', []);
    const cmd = await r.next();
    r.reply('!trap', `.tag=${cmd.tag}`, '=category=0', '=message=no such command or directory (adress)');
    r.reply('!trap', `.tag=${cmd.tag}`, '=message=no such command prefix');
    r.reply('!done', `.tag=${cmd.tag}`);
    await expect(reply).rejects.toMatchObject({
      code: 'TRAP',
      category: 0,
      traps: [
        { message: 'no such command or directory (adress)', category: 0 },
        { message: 'no such command prefix', category: undefined },
      ],
    });
  });

  it('logs and ignores a reply for an unknown tag', async () => {
    const r = fakeRouter();
    const { reply } = r.session.send('/system/identity/print', []);
    const cmd = await r.next();
    r.reply('!re', '.tag=nobody', '=name=x');
    r.reply('!re', `.tag=${cmd.tag}`, '=name=r1');
    r.reply('!done', `.tag=${cmd.tag}`);
    expect((await reply).rows).toEqual([{ name: 'r1' }]);
    expect(r.warn).toHaveBeenCalledWith('ignored a reply for an unknown tag', expect.objectContaining({ tag: 'nobody' }));
  });

  it('fails every pending command at once on !fatal, with the reason', async () => {
    const r = fakeRouter();
    const a = r.session.send('/a', []).reply;
    const b = r.session.send('/b', []).reply;
    await r.next();
    await r.next();
    const ended = closed(r.session);
    r.reply('!fatal', 'session terminated on request');
    await expect(a).rejects.toMatchObject({ code: 'FATAL', reason: 'session terminated on request', command: '/a' });
    await expect(b).rejects.toMatchObject({ code: 'FATAL', command: '/b' });
    expect((await ended).code).toBe('FATAL');
    await expect(r.session.send('/c', []).reply).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('drops the connection on bytes that are not API framing', async () => {
    const r = fakeRouter();
    const a = r.session.send('/a', []).reply;
    await r.next();
    r.raw(Buffer.from([0xff, 0xfe, 0x00]));
    await expect(a).rejects.toMatchObject({ code: 'PROTOCOL_ERROR', command: '/a' });
    expect(r.session.closeReason?.code).toBe('PROTOCOL_ERROR');
  });

  it('still delivers a reply that arrived complete just before the garbage', async () => {
    const r = fakeRouter();
    const done = r.session.send('/a', []).reply;
    const pending = r.session.send('/b', []).reply;
    const a = await r.next();
    await r.next();
    r.raw(Buffer.concat([encodeSentence(['!done', `.tag=${a.tag}`]), Buffer.from([0xf8])]));
    await expect(done).resolves.toMatchObject({ rows: [] });
    await expect(pending).rejects.toMatchObject({ code: 'PROTOCOL_ERROR' });
  });

  it('times out one command, cancels it on the router and stays usable', async () => {
    const r = fakeRouter();
    const slow = r.session.send('/slow', [], { timeoutMs: 1 }).reply;
    const slowCmd = await r.next();
    await expect(slow).rejects.toMatchObject({ code: 'TIMEOUT', command: '/slow' });
    const cancel = await r.next();
    expect(cancel.head).toBe('/cancel');
    expect(cancel.attributes.get('tag')?.toString()).toBe(slowCmd.tag);
    // Late replies of the abandoned command and of the /cancel are drained without noise.
    r.reply('!trap', `.tag=${slowCmd.tag}`, '=category=2', '=message=interrupted');
    r.reply('!done', `.tag=${slowCmd.tag}`);
    r.reply('!done', `.tag=${cancel.tag}`);
    const next = r.session.send('/fast', []).reply;
    const fastCmd = await r.next();
    r.reply('!done', `.tag=${fastCmd.tag}`);
    await expect(next).resolves.toMatchObject({ rows: [] });
    expect(r.warn).not.toHaveBeenCalled();
  });

  it('rejects with CANCELLED when the signal aborts', async () => {
    const r = fakeRouter();
    const controller = new AbortController();
    const { reply } = r.session.send('/tool/long', [], { signal: controller.signal });
    await r.next();
    controller.abort();
    await expect(reply).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await r.next()).head).toBe('/cancel');
  });

  it('declares the link dead when a keepalive probe gets no answer', async () => {
    const r = fakeRouter({ keepaliveIntervalMs: 5, responseTimeoutMs: 5 });
    const pending = r.session.send('/interface/listen', []).reply;
    const probe = await r.next().then(() => r.next());
    expect(probe.head).toBe('/system/identity/print');
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });
});
