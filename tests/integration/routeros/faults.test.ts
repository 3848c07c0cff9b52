// How a session ends, against the simulator's fault injection over real TCP: every pending call settles
// with a clear code, the 'close' hook reports why, and nothing escapes as an unhandled 'error'.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import type { RouterOsError } from '../../../main/routeros/errors.ts';
import { startRelay, type Relay } from './support/proxy.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let client: RouterOsClient | undefined;
let relay: Relay | undefined;

afterEach(async () => {
  client?.close();
  await relay?.close();
  await sim?.close();
  client = undefined;
  relay = undefined;
  sim = undefined;
});

function closeReason(c: RouterOsClient): Promise<RouterOsError> {
  return new Promise((resolve) => c.onClose(resolve));
}

/** Commands that stay pending until something ends them: an endless ping and a listen. */
function pendingCommands(c: RouterOsClient): Array<Promise<unknown>> {
  const ping = c.call('/ping', { address: '127.0.0.1' }, { timeoutMs: 0 });
  const listen = c.listen('/interface/wireguard/peers', () => {}).done;
  return [ping, listen];
}

describe('session end', () => {
  it('!fatal fails every pending call at once with the router reason', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const closed = closeReason(client);
    const pending = pendingCommands(client);
    await client.print('/system/identity'); // both are running on the router now
    sim.faults.fatal('session terminated on request');
    for (const p of pending) {
      await expect(p).rejects.toMatchObject({ code: 'FATAL', reason: 'session terminated on request' });
    }
    expect((await closed).code).toBe('FATAL');
    await expect(client.print('/system/identity')).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('garbage bytes drop the connection with PROTOCOL_ERROR and reject every pending call', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const closed = closeReason(client);
    const pending = pendingCommands(client);
    await client.print('/system/identity');
    sim.faults.garbage(32);
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'PROTOCOL_ERROR' });
    const reason = await closed;
    expect(reason.code).toBe('PROTOCOL_ERROR');
    expect(reason.message).toContain('not the RouterOS API');
  });

  it('a dropped connection rejects pending calls with CONNECTION_LOST', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const closed = closeReason(client);
    const pending = pendingCommands(client);
    await client.print('/system/identity');
    sim.faults.dropAfter(0);
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    expect((await closed).code).toBe('CONNECTION_LOST');
  });

  it('closing from the app rejects pending calls with CLOSED', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    const pending = pendingCommands(client);
    client.close();
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'CLOSED' });
    expect(client.closeReason?.code).toBe('CLOSED');
  });
});

describe('timeouts and idle links', () => {
  it('a per-command timeout rejects with TIMEOUT and the connection stays usable', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim));
    sim.faults.delayReplies(400);
    await expect(client.print('/system/identity', { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      command: '/system/identity/print',
    });
    sim.faults.reset();
    expect(await client.print('/system/identity')).toHaveLength(1);
    expect(client.isOpen).toBe(true);
  });

  it('a router that goes quiet is detected by the keepalive and reported as CONNECTION_LOST', async () => {
    sim = await simulator();
    client = await connect(optionsFor(sim, { keepaliveIntervalMs: 50, responseTimeoutMs: 200 }));
    const closed = closeReason(client);
    const listen = client.listen('/interface/wireguard/peers', () => {});
    sim.faults.silence();
    const reason = await closed;
    expect(reason.code).toBe('CONNECTION_LOST');
    expect(reason.message).toContain('stopped answering');
    await expect(listen.done).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });

  it('a link that dies without FIN or RST ends the session cleanly', async () => {
    sim = await simulator();
    relay = await startRelay(sim);
    client = await connect(optionsFor({ host: '127.0.0.1', port: relay.port }, { keepaliveIntervalMs: 50, responseTimeoutMs: 200 }));
    const closed = closeReason(client);
    relay.blackhole();
    const stuck = client.print('/system/identity', { timeoutMs: 0 });
    await expect(stuck).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    expect((await closed).code).toBe('CONNECTION_LOST');
  });

  it('an idle connection answers keepalive probes and stays open', async () => {
    sim = await simulator();
    let probes = 0;
    let threeProbes: () => void = () => {};
    const probed = new Promise<void>((resolve) => (threeProbes = resolve));
    const logger = {
      warn: () => {},
      debug: (message: string, context?: Record<string, unknown>) => {
        if (message === 'send' && context?.['command'] === '/system/identity/print' && ++probes === 3) threeProbes();
      },
    };
    client = await connect(optionsFor(sim, { keepaliveIntervalMs: 20, responseTimeoutMs: 5000, logger }));
    await probed;
    expect(client.isOpen).toBe(true);
    expect(await client.print('/system/identity')).toHaveLength(1);
  });
});
