// ManagedConnection with the real client: the simulator drops the connection, the wrapper reconnects
// after a backoff delay, and a wrong password stops the loop instead of hammering the router.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import { ManagedConnection, type ConnectionState } from '../../../main/routeros/managed-connection.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let managed: ManagedConnection<RouterOsClient> | undefined;

afterEach(async () => {
  await managed?.stop();
  await sim?.close();
  managed = undefined;
  sim = undefined;
});

/** Resolves on the first state matching `predicate` after the call. */
function nextState(
  states: Array<(s: ConnectionState<RouterOsClient>) => void>,
  predicate: (s: ConnectionState<RouterOsClient>) => boolean,
): Promise<ConnectionState<RouterOsClient>> {
  return new Promise((resolve) => {
    const watcher = (s: ConnectionState<RouterOsClient>): void => {
      if (!predicate(s)) return;
      states.splice(states.indexOf(watcher), 1);
      resolve(s);
    };
    states.push(watcher);
  });
}

describe('ManagedConnection against the simulator', () => {
  it('reconnects after the router drops the connection', async () => {
    const s = await simulator();
    sim = s;
    const watchers: Array<(state: ConnectionState<RouterOsClient>) => void> = [];
    managed = new ManagedConnection<RouterOsClient>({
      connect: (signal) => connect(optionsFor(s, { signal })),
      backoff: { initialMs: 20, maxMs: 200 },
      onState: (state) => [...watchers].forEach((w) => w(state)),
    });
    const first = nextState(watchers, (st) => st.status === 'connected');
    managed.start();
    const firstState = await first;
    const firstClient = firstState.status === 'connected' ? firstState.client : undefined;
    expect(await firstClient!.print('/system/identity')).toHaveLength(1);

    const waiting = nextState(watchers, (st) => st.status === 'waiting');
    const second = nextState(watchers, (st) => st.status === 'connected');
    s.faults.dropAfter(0);
    const waited = await waiting;
    expect(waited.status === 'waiting' && waited.error.code).toBe('CONNECTION_LOST');
    const secondState = await second;
    const secondClient = secondState.status === 'connected' ? secondState.client : undefined;
    expect(secondClient).not.toBe(firstClient);
    expect(await secondClient!.print('/system/identity')).toHaveLength(1);
  });

  it('stops on a wrong password', async () => {
    const s = await simulator({ users: [{ name: 'admin', password: 'right' }] });
    sim = s;
    const watchers: Array<(state: ConnectionState<RouterOsClient>) => void> = [];
    managed = new ManagedConnection<RouterOsClient>({
      connect: (signal) => connect(optionsFor(s, { password: 'wrong', signal })),
      onState: (state) => [...watchers].forEach((w) => w(state)),
    });
    const stopped = nextState(watchers, (st) => st.status === 'stopped');
    managed.start();
    const final = await stopped;
    expect(final.status === 'stopped' && final.error?.code).toBe('AUTH_FAILED');
  });
});
