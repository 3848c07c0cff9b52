import { describe, expect, it } from 'vitest';
import { RouterOsError } from '../../../main/routeros/errors.ts';
import { ManagedConnection, type Closable, type ConnectionState } from '../../../main/routeros/managed-connection.ts';

/** A client whose connection the test ends by hand. */
class FakeClient implements Closable {
  private listener: ((reason: RouterOsError) => void) | undefined;
  onClose(listener: (reason: RouterOsError) => void): () => void {
    this.listener = listener;
    return () => {};
  }
  drop(code: 'CONNECTION_LOST' | 'FATAL' = 'CONNECTION_LOST'): void {
    this.listener?.(new RouterOsError(code, 'dropped'));
  }
  close(): void {
    this.listener?.(new RouterOsError('CLOSED', 'closed'));
  }
}

/** Sleep that resolves when the test says so, recording requested delays. */
function manualSleep(): { sleep: (ms: number) => Promise<void>; delays: number[]; wake: () => void } {
  const delays: number[] = [];
  let wakeOne: (() => void) | undefined;
  return {
    delays,
    sleep: (ms) =>
      new Promise((resolve) => {
        delays.push(ms);
        wakeOne = resolve;
      }),
    wake: () => wakeOne?.(),
  };
}

function waitFor<C>(states: ConnectionState<C>[], predicate: (s: ConnectionState<C>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (states.some(predicate)) resolve();
      else setImmediate(check);
    };
    check();
  });
}

describe('ManagedConnection', () => {
  it('reconnects after failures with growing delays and resets after a stable connection', async () => {
    const clients: FakeClient[] = [];
    let failuresLeft = 2;
    let now = 0;
    const { sleep, delays, wake } = manualSleep();
    const states: ConnectionState<FakeClient>[] = [];
    const managed = new ManagedConnection<FakeClient>({
      connect: async () => {
        if (failuresLeft-- > 0) throw new RouterOsError('CONNECT_FAILED', 'unreachable');
        const c = new FakeClient();
        clients.push(c);
        return c;
      },
      backoff: { initialMs: 100, jitter: 0 },
      stableAfterMs: 1000,
      now: () => now,
      sleep,
      onState: (s) => states.push(s),
    });
    managed.start();
    await waitFor(states, (s) => s.status === 'waiting');
    wake();
    await waitFor(states, (s) => s.status === 'waiting' && s.attempt === 2);
    wake();
    await waitFor(states, (s) => s.status === 'connected');
    expect(delays).toEqual([100, 200]);
    expect(managed.client).toBe(clients[0]);

    now += 5000; // the connection was up long enough to count as stable
    clients[0]!.drop();
    await waitFor(states, (s) => s.status === 'waiting' && s.error.code === 'CONNECTION_LOST');
    expect(delays).toEqual([100, 200, 100]);
    expect(managed.client).toBeUndefined();
    wake();
    await waitFor(states, (s) => s === states.at(-1) && s.status === 'connected');
    expect(clients).toHaveLength(2);
    await managed.stop();
    expect(managed.status).toEqual({ status: 'stopped', error: undefined });
  });

  it('stops retrying on errors only the user can fix', async () => {
    const { sleep, delays } = manualSleep();
    let resolveStopped: (s: ConnectionState<FakeClient>) => void = () => {};
    const stopped = new Promise<ConnectionState<FakeClient>>((resolve) => (resolveStopped = resolve));
    const managed = new ManagedConnection<FakeClient>({
      connect: async () => {
        throw new RouterOsError('AUTH_FAILED', 'invalid user name or password (6)');
      },
      sleep,
      onState: (s) => {
        if (s.status === 'stopped') resolveStopped(s);
      },
    });
    managed.start();
    const final = await stopped;
    expect(final.status === 'stopped' && final.error?.code).toBe('AUTH_FAILED');
    expect(delays).toEqual([]);
  });
});
