// A managed router for these tests: the RouterOS simulator over real TCP, the real composition root (SQLite
// file, OS keychain in the runner's private D-Bus session), and calls through the IPC invoker, so every
// input and output is checked against the contract exactly as the UI's calls are.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { AppError, type Envelope, type EventChannel, type InvokeChannel, type InvokeInput, type InvokeOutput } from '../../../src/contract/index.ts';
import { createHandlers } from '../../../main/ipc/handlers.ts';
import { createInvoker } from '../../../main/ipc/invoker.ts';
import { DATABASE_FILE, type AppServices, type AppServicesOptions } from '../../../main/services/app-services.ts';
import { startSimulator, type SimulatorOptions } from '../../../main/sim/index.ts';
import { services, statusWhere } from '../services/support.ts';

export type Sim = Awaited<ReturnType<typeof startSimulator>>;
export const PEERS = '/interface/wireguard/peers';
const PASSWORD = 'Test-Parola-7!';

export interface Managed {
  sim: Sim;
  s: AppServices;
  dataDir: string;
  routerId: string;
  /** Calls a channel through the invoker; a failure envelope is thrown as an AppError with its code. */
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>;
  /** The failure envelope's error (fails the test when the call succeeded). */
  fail<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<AppError>;
  /** Router rows as an admin would print them (all fields, strings). */
  rows(path?: string): Array<Record<string, string>>;
  /**
   * After a change made on the simulator directly (as in WinBox): one round trip, after which everything the
   * router streamed before it is in WireDesk's model. A technician cannot click faster than that.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function managedRouter(options: SimulatorOptions = {}, appOptions: Partial<AppServicesOptions> = {}): Promise<Managed> {
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 4, seed: 11, users: [{ name: 'tech', password: PASSWORD }], ...options });
  const app = await services(appOptions);
  const profile = await app.s.routers.add({ name: `Router ${sim.port}`, host: '127.0.0.1', port: sim.port, transport: 'api', username: 'tech', password: PASSWORD, tlsFingerprint: null, allowAnonymousTls: false });
  await statusWhere(app.s, profile.id, (st) => st.state === 'online');
  const invoke = createInvoker(createHandlers(app.s), { onUnexpectedError: (channel, error) => console.error('unexpected error in', channel, error) });
  const envelope = (channel: InvokeChannel, input: unknown) => invoke(channel, input) as Promise<Envelope<unknown>>;
  let closed = false;
  return {
    sim,
    s: app.s,
    dataDir: app.dataDir,
    routerId: profile.id,
    async call(channel, input) {
      const result = await envelope(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
    async fail(channel, input) {
      const result = await envelope(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(result.value).slice(0, 300)}`);
      return new AppError(result.error.code, result.error.message, result.error.details);
    },
    rows: (path = PEERS) => sim.state.print(path),
    async settle() {
      await app.s.models.live(profile.id);
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await sim.close();
    },
  };
}

/** Every payload of one event kind, as the UI would receive them. */
export function collect(s: AppServices, event: EventChannel): unknown[] {
  const seen: unknown[] = [];
  s.events.subscribe((name, payload) => {
    if (name === event) seen.push(payload);
  });
  return seen;
}

/** Reads a table straight from the SQLite file (a second, read-only connection). */
export function tableRows(dataDir: string, sql: string): unknown[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** A valid WireGuard public key that no test peer has, derived from a counter. */
export function testKey(n: number): string {
  const bytes = Buffer.alloc(32, 0);
  bytes.writeUInt32BE(n, 0);
  bytes[31] = 0x40;
  return bytes.toString('base64');
}
