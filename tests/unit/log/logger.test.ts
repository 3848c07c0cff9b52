import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogging, configureLogging, createLogger, LOG_FILE_NAME, LogSink } from '../../../main/log/logger.ts';

const WG_PRIVATE = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const WG_PUBLIC = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const PSK = 'FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-log-'));
  file = path.join(dir, 'logs', 'wiredesk.log');
});
afterEach(() => {
  closeLogging();
  fs.rmSync(dir, { recursive: true, force: true });
});

function lines(f = file): Record<string, unknown>[] {
  return fs.readFileSync(f, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('logger', () => {
  it('writes one JSON object per line with time, level, module and message', () => {
    const sink = new LogSink({ file, now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
    const log = createLogger('routeros', sink);
    log.info('connected', { router: 'HQ', ms: 12 });
    log.warn('slow answer');
    sink.close();
    expect(lines()).toEqual([
      { time: '2025-01-02T03:04:05.000Z', level: 'info', module: 'routeros', msg: 'connected', router: 'HQ', ms: 12 },
      { time: '2025-01-02T03:04:05.000Z', level: 'warn', module: 'routeros', msg: 'slow answer' },
    ]);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never writes a password, token or WireGuard secret to the file', () => {
    const sink = new LogSink({ file });
    const log = createLogger('store', sink);
    const secretError = Object.assign(new Error('login failed for password=hunter2'), { code: 'AUTH', token: 'tok-123' });
    log.info('adding router', {
      router: { name: 'HQ', password: 'hunter2', nested: [{ 'private-key': WG_PRIVATE, 'public-key': WG_PUBLIC }] },
      peer: { privateKey: WG_PRIVATE, presharedKey: PSK, 'preshared-key': PSK, publicKey: WG_PUBLIC },
      oldPassword: 'hunter2',
      api_token: 'tok-123',
      clientSecret: 'shh-456',
      sentence: `/interface/wireguard/peers/add =interface=wg0 =public-key=${WG_PUBLIC} =private-key=${WG_PRIVATE} =preshared-key=${PSK}`,
      json: `{"password":"hunter2","secret": "shh-456"}`,
      error: secretError,
    });
    log.error(`login as admin with password: hunter2 failed`, new Error(`privateKey=${WG_PRIVATE}`));
    sink.close();

    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['hunter2', WG_PRIVATE, PSK, 'tok-123', 'shh-456']) expect(text, secret).not.toContain(secret);
    expect(text).toContain(WG_PUBLIC); // public keys are what a technician needs to read a log
    const [first] = lines();
    expect(first?.router).toEqual({ name: 'HQ', password: '[redacted]', nested: [{ 'private-key': '[redacted]', 'public-key': WG_PUBLIC }] });
  });

  it('serialises errors with name, code, message, stack and cause', () => {
    const sink = new LogSink({ file });
    const cause = Object.assign(new Error('connect ECONNREFUSED 192.0.2.1:8729'), { code: 'ECONNREFUSED', errno: -111 });
    const err = Object.assign(new Error('Router unreachable', { cause }), { code: 'ROUTER_UNREACHABLE' });
    createLogger('routeros', sink).error('connect failed', { error: err, router: 'HQ' });
    createLogger('routeros', sink).error('bare error', err);
    sink.close();
    const [withFields, bare] = lines();
    expect(withFields?.error).toMatchObject({
      name: 'Error',
      code: 'ROUTER_UNREACHABLE',
      message: 'Router unreachable',
      stack: expect.stringContaining('logger.test.ts'),
      cause: { name: 'Error', code: 'ECONNREFUSED', errno: -111, message: 'connect ECONNREFUSED 192.0.2.1:8729' },
    });
    expect(bare?.error).toMatchObject({ code: 'ROUTER_UNREACHABLE' });
  });

  it('rotates at the size limit and keeps the configured number of files', () => {
    const sink = new LogSink({ file, maxBytes: 1_000, maxFiles: 2 });
    const log = createLogger('poll', sink);
    const lineBytes = Buffer.byteLength(`${JSON.stringify({ time: new Date(0).toISOString(), level: 'info', module: 'poll', msg: 'tick', n: 100, pad: 'x'.repeat(100) })}\n`);
    for (let n = 100; n < 160; n++) log.info('tick', { n, pad: 'x'.repeat(100) });
    sink.close();

    const files = fs.readdirSync(path.dirname(file)).sort();
    expect(files).toEqual(['wiredesk.log', 'wiredesk.log.1', 'wiredesk.log.2']);
    const perFile = Math.floor(1_000 / lineBytes);
    for (const f of files) {
      const size = fs.statSync(path.join(path.dirname(file), f)).size;
      expect(size).toBeLessThanOrEqual(1_000);
      if (f !== 'wiredesk.log') expect(size).toBe(perFile * lineBytes); // rotated exactly when the next line would not fit
    }
    // Newest lines in the current file, the oldest ones dropped, no line lost or split in between.
    const seen = ['wiredesk.log.2', 'wiredesk.log.1', 'wiredesk.log'].flatMap((f) => lines(path.join(path.dirname(file), f)).map((l) => l.n));
    expect(seen.at(-1)).toBe(159);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => 160 - seen.length + i));
    expect(seen[0]).toBeGreaterThan(100);
  });

  it('continues an existing file after a restart and counts its size', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${'{"old":true}\n'.repeat(70)}`); // 910 bytes
    const sink = new LogSink({ file, maxBytes: 1_000, maxFiles: 1 });
    createLogger('app', sink).info('started', { pad: 'x'.repeat(100) });
    sink.close();
    expect(lines(`${file}.1`)).toHaveLength(70);
    expect(lines()).toHaveLength(1);
  });

  it('drops lines below the level and can mirror to stderr', () => {
    const mirrored: string[] = [];
    const sink = new LogSink({ file, level: 'warn', stderr: { write: (s: string) => mirrored.push(s) } });
    const log = createLogger('ui', sink);
    log.debug('noise');
    log.info('noise');
    log.warn('kept', { password: 'hunter2' });
    sink.close();
    expect(lines().map((l) => l.msg)).toEqual(['kept']);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]).not.toContain('hunter2');
  });

  it('keeps its own fields when the caller uses the same names', () => {
    const sink = new LogSink({ file });
    createLogger('app', sink).info('hello', { level: 'fake', module: 'fake', msg: 'fake', time: 1 });
    sink.close();
    expect(lines()[0]).toMatchObject({ level: 'info', module: 'app', msg: 'hello', level_: 'fake', module_: 'fake', msg_: 'fake', time_: 1 });
  });

  it('module loggers created before configureLogging() follow it', () => {
    const early = createLogger('early');
    configureLogging({ dir: path.dirname(file) });
    early.info('after configuration');
    closeLogging();
    expect(lines(path.join(path.dirname(file), LOG_FILE_NAME))).toMatchObject([{ module: 'early', msg: 'after configuration' }]);
  });

  it('survives circular data, buffers, bigints and a log folder that disappears', () => {
    const sink = new LogSink({ file });
    const log = createLogger('odd', sink);
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.info('odd values', { loop, key: Buffer.from(WG_PRIVATE, 'base64'), big: 2n ** 70n, when: new Date(0), fn: () => 1, missing: undefined });
    expect(lines()[0]).toMatchObject({ loop: { name: 'loop', self: '[circular]' }, key: '[32 bytes]', big: '1180591620717411303424', when: '1970-01-01T00:00:00.000Z', fn: '[function]', missing: null });

    sink.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    fs.writeFileSync(path.dirname(file), 'now a file, not a folder');
    const originalWrite = process.stderr.write.bind(process.stderr);
    const complaints: string[] = [];
    process.stderr.write = ((chunk: string) => (complaints.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(() => log.info('cannot be written')).not.toThrow();
      expect(() => log.info('still no throw')).not.toThrow();
    } finally {
      process.stderr.write = originalWrite;
    }
    expect(complaints.filter((c) => c.includes('logging to'))).toHaveLength(1);
  });
});

describe('logger robustness', () => {
  it('logs the message even when the fields cannot be read', () => {
    const file2 = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-log-')), 'x.log');
    const sink = new LogSink({ file: file2 });
    const hostile = { get boom(): never { throw new Error('getter exploded with token=abc123'); } };
    expect(() => createLogger('app', sink).warn('still logged', { hostile })).not.toThrow();
    sink.close();
    const [line] = lines(file2);
    expect(line).toMatchObject({ msg: 'still logged', fields_unreadable: 'getter exploded with token=[redacted]' });
    fs.rmSync(path.dirname(file2), { recursive: true, force: true });
  });
});
