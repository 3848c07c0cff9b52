// startSimulator: a RouterOS API server (api or api-ssl) in front of a simulated router.
import type { Socket } from 'node:net';
import type { RouterState } from './state/router-state.ts';
import { resolveOptions, type SimulatorOptions } from './options.ts';
import { createRouter } from './seed/seed-router.ts';
import { CommandTable } from './commands/dispatch.ts';
import { CommandLog } from './server/command-log.ts';
import { Faults, type FaultControls } from './server/faults.ts';
import { listen } from './server/listener.ts';
import { Session } from './server/session.ts';
import type { DataPlaneHandle } from './dataplane/data-plane.ts';
import type { ScriptRunRecord } from './state/router-state.ts';
import { ScriptEngine } from './script/engine.ts';
import { Scheduler } from './script/scheduler.ts';
import { SCRIPT_POLICIES } from './menus/scripting.ts';
import { SAFE_MODE_COMMANDS } from './commands/safe-mode.ts';
import { atLeast } from './version.ts';

/** Scripts the router runs by itself (scheduler, /system/script run) and a way for tests to run one. */
export interface ScriptControls {
  /** Every script run so far, oldest first: origin, name, commands run, the error that stopped it. */
  readonly runs: readonly ScriptRunRecord[];
  /** Runs script text as the router would (default: the scheduler's default policy, owner admin). */
  run(text: string, options?: { policy?: readonly string[]; owner?: string }): Promise<ScriptRunRecord>;
  /** Resolves when no script is running. */
  idle(): Promise<void>;
}

export interface SchedulerControls {
  /** Runs the entries due on the simulator's clock now (after moving a manual clock), in list order. */
  runDue(): Promise<ScriptRunRecord[]>;
}

export interface Simulator {
  readonly port: number;
  readonly host: string;
  /** Version as /system/resource reports it, without the channel (`7.18.2`). */
  readonly version: string;
  /** `api` (plain TCP) or `api-ssl` (TLS). */
  readonly transport: 'api' | 'api-ssl';
  /** Only the pre-6.43 challenge/response login is accepted. */
  readonly legacyLogin: boolean;
  readonly state: RouterState;
  readonly faults: FaultControls;
  /** Commands received while recording (start() it): for counting router load and checking sent words. */
  readonly commands: CommandLog;
  readonly scripts: ScriptControls;
  readonly scheduler: SchedulerControls;
  /** Present with the `dataPlane` option. */
  readonly dataPlane: DataPlaneHandle | undefined;
  /** Puts a comment of exactly `bytes` bytes on a peer (or a firewall rule) to test huge words; returns where. */
  bigWord(bytes: number): { path: string; id: string; value: Buffer };
  close(): Promise<void>;
}

export class DataPlaneUnavailableError extends Error {
  readonly code = 'DATA_PLANE_UNAVAILABLE';

  constructor(reason: string) {
    super(reason);
    this.name = 'DataPlaneUnavailableError';
  }
}

function bigWord(state: RouterState, bytes: number): { path: string; id: string; value: Buffer } {
  const pattern = Buffer.from('WireDesk big word test. ');
  const value = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += pattern.length) pattern.copy(value, at, 0, Math.min(pattern.length, bytes - at));
  const peers = state.hasTable('/interface/wireguard/peers') ? state.table('/interface/wireguard/peers').rows.filter((r) => !r.dynamic) : [];
  const path = peers.length > 0 ? '/interface/wireguard/peers' : '/ip/firewall/filter';
  const row = peers[0] ?? state.table(path).rows.find((r) => !r.dynamic)!;
  state.table(path).update(row, new Map([['comment', value]]));
  return { path, id: row.idText, value };
}

/**
 * The real data plane (network namespaces, wireguard-go, nftables; root only) is a test tool: the app's
 * bundle (electron.vite.config.ts defines WIREDESK_APP_BUNDLE) leaves it out, so the demo router ships without
 * it and without the commands it runs.
 */
const loadDataPlane = process.env['WIREDESK_APP_BUNDLE'] === '1'
  ? null
  : async () => ({ ...(await import('./dataplane/data-plane.ts')), ...(await import('./dataplane/preflight.ts')) });

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const plane = resolved.dataPlane ? await loadDataPlane?.() : undefined;
  if (resolved.dataPlane) {
    const reason = plane ? plane.dataPlaneUnavailableReason() : 'the real data plane is a test tool and is not part of the app';
    if (reason) throw new DataPlaneUnavailableError(reason);
  }
  const state = createRouter(resolved);
  const dataPlane = resolved.dataPlane && plane ? await plane.DataPlane.start(state, resolved.dataPlane) : undefined;
  state.dataPlane = dataPlane;
  const faults = new Faults();
  const commands = new CommandTable(state);
  if (atLeast(resolved.version, '7.18')) {
    for (const [path, handler] of Object.entries(SAFE_MODE_COMMANDS)) commands.register(path, handler);
  }
  const log = new CommandLog();
  const engine = new ScriptEngine(state, commands, log, () => faults.routerChangedItself());
  state.scripts = engine;
  state.safeMode.onUnrolled = () => faults.routerChangedItself();
  const scheduler = new Scheduler(state, engine);
  const onSocket = (socket: Socket): void => {
    new Session(socket, {
      state,
      faults,
      commands,
      log,
      users: resolved.users,
      legacyLogin: resolved.legacyLogin,
      onError: (error) => console.error('[sim] command failed unexpectedly:', error),
    });
  };
  let listener;
  try {
    listener = await listen({ host: resolved.host, port: resolved.port, tls: resolved.tls }, onSocket);
  } catch (error) {
    scheduler.stop();
    await dataPlane?.close();
    throw error;
  }
  const ticker = resolved.trafficTick ? setInterval(() => state.tick(), 1000) : undefined;
  ticker?.unref();
  let closing: Promise<void> | undefined;
  return {
    port: listener.port,
    host: resolved.host,
    version: resolved.version.text,
    transport: resolved.tls ? 'api-ssl' : 'api',
    legacyLogin: resolved.legacyLogin,
    state,
    faults,
    commands: log,
    scripts: {
      get runs() {
        return engine.runs;
      },
      run: (text, options = {}) => engine.run(text, {
        origin: 'sim', policies: new Set(options.policy ?? SCRIPT_POLICIES), owner: options.owner ?? 'admin',
      }),
      idle: () => engine.idle(),
    },
    scheduler: { runDue: () => scheduler.runDue() },
    dataPlane,
    bigWord: (bytes) => bigWord(state, bytes),
    close: () => {
      closing ??= (async () => {
        if (ticker) clearInterval(ticker);
        scheduler.stop();
        await listener.close();
        faults.reset();
        await dataPlane?.close();
      })();
      return closing;
    },
  };
}
