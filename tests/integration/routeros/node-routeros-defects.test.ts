// Evidence for docs/decisions/0002-routeros-client.md: node-routeros 1.6.9 against the simulator over real
// TCP. Each probe runs node-routeros in a child process (its defects include uncaught exceptions that
// would take the test runner down) and waits a bounded time, so "never settles" is observed, not hung on.
// Where it helps, the same situation is run through our client as the contrast.
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import { encodeSentence } from '../../../main/routeros/protocol/codec.ts';
import { startRelay, type Relay } from './support/proxy.ts';
import { runProbe } from './support/run-probe.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let relay: Relay | undefined;

afterEach(async () => {
  await relay?.close();
  await sim?.close();
  relay = undefined;
  sim = undefined;
});

const turkish = 'ğüşıöç 🚀';

describe('node-routeros 1.6.9 defects (why it is not used)', () => {
  it('framing: with 1-byte TCP segments replies never resolve (dispatch waits for a chunk end or the next "!")', async () => {
    sim = await simulator();
    sim.faults.fragment(1);
    // The simulator yields between single-byte writes; the relay also paces them so the OS cannot merge
    // the final zero-length word into the previous read, which would hide the defect by luck.
    relay = await startRelay(sim);
    relay.trickle(2);
    const report = await runProbe('fragmented', relay.port);
    const replies = report['replies'] as boolean[];
    expect(replies).toContain(false);

    const ours = await connect(optionsFor({ host: '127.0.0.1', port: relay.port }));
    for (let i = 0; i < 3; i++) expect(await ours.print('/system/identity')).toHaveLength(1);
    ours.close();
  });

  it('encoding: a UTF-8 comment is read as windows-1252 mojibake', async () => {
    sim = await simulator();
    sim.state.add('/interface/wireguard', { name: 'wg0', comment: Buffer.from(turkish, 'utf8') });
    const report = await runProbe('read-comment', sim.port);
    const rows = (report['print'] as { value: Array<Record<string, string>> }).value;
    expect(rows[0]?.['comment']).not.toBe(turkish);
    expect(rows[0]?.['comment']).toBe(iconv.decode(Buffer.from(turkish, 'utf8'), 'windows-1252'));
  });

  it('encoding: writing Turkish text stores "?" bytes on the router', async () => {
    sim = await simulator();
    sim.state.add('/interface/wireguard', { name: 'wg0' });
    await runProbe('write-comment', sim.port, { env: { PROBE_COMMENT: turkish } });
    const stored = sim.state.table('/interface/wireguard').findBy('name', 'wg0')?.raw('comment');
    expect(stored?.equals(Buffer.from(turkish, 'utf8'))).toBe(false);
    expect(stored?.toString('latin1')).toContain('?');
  });

  it('!empty (RouterOS 7.18+) throws an uncaught exception and the print never settles', async () => {
    sim = await simulator({ version: '7.18' });
    const report = await runProbe('empty', sim.port);
    expect(report['print']).toEqual({ settled: false });
    expect(report.uncaught.join('\n')).toContain('unknown reply: !empty');
  });

  it('!trap loses the category and every trap after the first', async () => {
    sim = await simulator();
    const report = await runProbe('traps', sim.port);
    expect(report['print']).toEqual({
      settled: true,
      error: { message: 'no such command or directory (adress)' },
    });
  });

  it('!fatal closes the connection but leaves the pending call unsettled', async () => {
    sim = await simulator();
    const s = sim;
    const report = await runProbe('fatal', s.port, { onReady: () => s.faults.fatal('session terminated on request') });
    expect(report['closed']).toBe(true);
    expect(report['ping']).toEqual({ settled: false });
  });

  it('an idle socket timeout emits an unhandled "error" that would crash the app', async () => {
    sim = await simulator();
    const report = await runProbe('idle', sim.port);
    expect(report.uncaught.join('\n')).toContain('Timed out after 1 seconds');
  });

  it('a reply for an unknown tag throws an uncaught exception', async () => {
    sim = await simulator();
    relay = await startRelay(sim);
    const r = relay;
    const report = await runProbe('unknown-tag', r.port, {
      onReady: () => r.inject(Buffer.concat([encodeSentence(['!re', '.tag=nobody', '=name=x']), encodeSentence(['!done', '.tag=nobody'])])),
    });
    expect(report.uncaught.join('\n')).toMatch(/UNREGISTEREDTAG|unregistered tag/i);
  });
});
