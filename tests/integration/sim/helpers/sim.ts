// Starts simulators for a test file and closes them after each test, whatever the outcome.
import { afterEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../../main/sim/index.ts';
import { RawApi } from './raw-api.ts';

export function simulators(): (options?: SimulatorOptions) => Promise<Simulator> {
  const open: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sim) => sim.close()));
  });
  return async (options) => {
    const sim = await startSimulator(options);
    open.push(sim);
    return sim;
  };
}

export function login(sim: Simulator, name = 'admin', password = ''): Promise<RawApi> {
  return RawApi.login({ port: sim.port, host: sim.host }, name, password);
}

/** A fixed clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 4, 12, 9, 30, 0)): { now(): number; advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

/** A valid WireGuard public key made of one repeated byte (distinct per `n`). */
export function testKey(n: number): string {
  return Buffer.alloc(32, n).toString('base64');
}
