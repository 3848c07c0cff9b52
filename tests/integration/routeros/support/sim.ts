// Shared setup: a simulator per test and client options pointing at it.
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../../main/sim/index.ts';
import type { ConnectOptions } from '../../../../main/routeros/connect.ts';
import type { RouterOsLogger } from '../../../../main/routeros/logger.ts';

export type Sim = Simulator;

export function simulator(options: SimulatorOptions = {}): Promise<Sim> {
  return startSimulator({ port: 0, host: '127.0.0.1', version: '7.18', ...options });
}

/** Collects warnings instead of printing them, so tests can assert on what was logged. */
export function recordingLogger(): RouterOsLogger & { warnings: Array<{ message: string; context?: Record<string, unknown> }> } {
  const warnings: Array<{ message: string; context?: Record<string, unknown> }> = [];
  return { warnings, warn: (message, context) => warnings.push({ message, context }) };
}

export function optionsFor(sim: { host: string; port: number }, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return { host: sim.host, port: sim.port, username: 'admin', password: '', logger: recordingLogger(), ...extra };
}
