// Benchmark: what a tab left open costs per poll interval, at 1,000 and 10,000 peers, against the poller
// alone on the same router in the same run (issue 9: "router round trips and main-process CPU time per poll
// interval ... with each tab open, against the poller alone (ratio, goal 1.0x)").
//
// The router is the simulator in a child process (bench/router-model-sim.ts), so its CPU for printing
// 10,000 peers is not counted here; it ticks traffic every second (counters move, handshakes renew and
// `listen` reports them), as the demo router does. This process runs the real services (createAppServices:
// connection, router model, poller, recorder, local copy) and reads them through the IPC handler table and
// the invoker (input and output parsed with the contract's zod schemas, as in the app). A "tab" reads what
// the renderer's tab reads, when it reads it: a listing on each `model:changed` for the router that concerns
// it, by the renderer's own trigger lists (renderer/lib/model-changes.ts, imported), and the Traffic tab's
// charts once per poll interval (its timer; modelled as once per poll, whose model:changed always says
// 'counters'). One refresh in flight at a time; reads that came due meanwhile run once after it:
//   - Peers tab:      peers:listManaged (peer row triggers) + peers:counters (counters alone, merged into the
//                     rows on screen) + interfaces:list (interface triggers)
//   - Interfaces tab: interfaces:list (interface triggers) + reservations:list ('peers')
//   - Traffic tab:    peers:list (peer row triggers: its picker shows no counters) + interfaces:list, and each interval
//                     traffic:series (one peer, live 15 min) + traffic:topTalkers (15 min, top 10)
// (router:health, which the Traffic tab also reads each interval, is one more router command and no model work.)
// Scenarios run back to back in rounds (each once per round, in a rotated order), every window from one
// poll's `model:changed` to the Nth after it; per scenario, summed over its windows and divided by its poll
// intervals: commands the router received (and peer-table prints among them) and this process's CPU
// (process.cpuUsage, user + system). Each figure is a ratio against the poller alone; nothing asserts on time.
// The per-window CPU figures are printed too, so the noise is visible. WIREDESK_BENCH_PEERS=10000 runs one size
// (e.g. under --cpu-prof, which profiles this process only); WIREDESK_BENCH_ROUNDS sets the rounds (default 3).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../main/ipc/handlers.ts';
import { createInvoker, type Invoker } from '../main/ipc/invoker.ts';
import { MemorySecretStore } from '../main/secrets/memory-secret-store.ts';
import { createAppServices, type AppServices } from '../main/services/app-services.ts';
import type { InvokeChannel, WgPeer } from '../src/contract/index.ts';
import { concerns, INTERFACE_LISTING_CHANGES, PEER_COUNTER_CHANGES, PEER_ROW_CHANGES, type ModelChange } from '../renderer/lib/model-changes.ts';
import type { SimCount, SimReply, SimRequest } from './router-model-sim.ts';
import { median, printTable, type BenchRow } from './support.ts';
import { statusWhere } from '../tests/integration/services/support.ts';

interface Size {
  readonly peers: number;
  readonly intervalSec: number;
  /** Each scenario runs once per round... */
  readonly rounds: number;
  /** ...for this many poll intervals: rounds x polls intervals per scenario in all. */
  readonly polls: number;
}

// 4 scenarios x 3 rounds x 2 intervals x 2 s: about 50 s per size. The simulator answers a 10,000-peer
// poll in a few hundred ms, so 2 s intervals hold at that size too.
// WIREDESK_BENCH_ROUNDS=9 runs more rounds: on a shared machine one window varies by +-20 %.
const ROUNDS = Number(process.env['WIREDESK_BENCH_ROUNDS'] ?? '3');
const SIZES: readonly Size[] = [
  { peers: 1_000, intervalSec: 2, rounds: ROUNDS, polls: 2 },
  { peers: 10_000, intervalSec: 2, rounds: ROUNDS, polls: 2 },
].filter((size) => !process.env['WIREDESK_BENCH_PEERS'] || process.env['WIREDESK_BENCH_PEERS'].split(',').includes(String(size.peers)));

const PEERS_PRINT = '/interface/wireguard/peers/print';

const SIM_SCRIPT = path.join(import.meta.dirname, 'router-model-sim.ts');

// ---- the simulator child ----

interface SimChild {
  readonly port: number;
  request(message: DistributiveOmit<SimRequest, 'id'>): Promise<SimReply>;
  count(from: number, to: number): Promise<SimCount>;
  stop(): Promise<void>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function startSimChild(peers: number): Promise<SimChild> {
  // execArgv empty: a --cpu-prof given to the bench profiles this process, not the router.
  const child: ChildProcess = fork(SIM_SCRIPT, [String(peers)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (reply: SimReply) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator with ${peers} peers did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code} before it was ready`)));
    child.on('message', (raw) => {
      const reply = raw as SimReply;
      if (reply.type === 'ready') {
        clearTimeout(timer);
        resolve(reply.port);
        return;
      }
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
  });
  const request = (message: DistributiveOmit<SimRequest, 'id'>): Promise<SimReply> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  return {
    port,
    request,
    async count(from, to) {
      const reply = await request({ type: 'count', from, to });
      if (reply.type !== 'count') throw new Error(`the simulator answered ${reply.type} to count`);
      return reply;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await Promise.race([request({ type: 'stop' }), exited]);
      await exited;
      clearTimeout(killer);
    },
  };
}

// ---- the app side ----


interface ModelChanged {
  routerId: string;
  changes: ModelChange[];
}

/** The next `model:changed` of a poll (every poll moves counters), with the CPU and clock taken in the event itself. */
function nextPoll(s: AppServices, routerId: string, timeoutMs: number): Promise<{ at: number; cpu: NodeJS.CpuUsage }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no poll within ${timeoutMs} ms`))), timeoutMs);
    const off = s.events.subscribe((event, payload) => {
      const p = payload as ModelChanged;
      if (event !== 'model:changed' || p.routerId !== routerId || !p.changes.includes('counters')) return;
      const cpu = process.cpuUsage();
      const at = Date.now();
      clearTimeout(timer);
      off();
      resolve({ at, cpu });
    });
  });
}

interface Call {
  readonly channel: InvokeChannel;
  readonly input: unknown;
  /** The model changes that make the renderer read this again, or 'interval': on its timer, once per poll. */
  readonly on: readonly ModelChange[] | 'interval';
}

interface Scenario {
  readonly name: string;
  /** null: no tab open (the poller alone). */
  readonly calls: readonly Call[] | null;
}

interface TabStats {
  /** model:changed events that made the tab read something. */
  events: number;
  refreshes: number;
  failures: string[];
  /** Per channel: reads, and wall ms summed over them (each handler is synchronous work after one await). */
  reads: Map<string, { n: number; ms: number }>;
}

const emptyStats = (): TabStats => ({ events: 0, refreshes: 0, failures: [], reads: new Map() });

/** A tab open on the router: reads each of `calls` again when a `model:changed` concerns it, one refresh at a time. */
class Tab {
  readonly stats: TabStats = emptyStats();
  readonly #invoke: Invoker;
  readonly #calls: readonly Call[];
  readonly #due = new Set<Call>();
  #running: Promise<void> | undefined;
  #open = true;

  constructor(invoke: Invoker, calls: readonly Call[]) {
    this.#invoke = invoke;
    this.#calls = calls;
  }

  get busy(): Promise<void> | undefined {
    return this.#running;
  }

  onModelChanged(changes: readonly ModelChange[]): void {
    if (!this.#open) return;
    const due = this.#calls.filter((c) => (c.on === 'interval' ? changes.includes('counters') : concerns(changes, c.on)));
    if (due.length === 0) return;
    this.stats.events++;
    for (const call of due) this.#due.add(call);
    this.#running ??= this.#refresh().finally(() => (this.#running = undefined));
  }

  close(): void {
    this.#open = false;
    this.#due.clear();
  }

  async #refresh(): Promise<void> {
    while (this.#due.size > 0 && this.#open) {
      // In the tab's order, whatever came due since the last refresh.
      const calls = this.#calls.filter((c) => this.#due.has(c));
      this.#due.clear();
      this.stats.refreshes++;
      for (const { channel, input } of calls) {
        const start = performance.now();
        const envelope = await this.#invoke(channel, input);
        const read = this.stats.reads.get(channel) ?? { n: 0, ms: 0 };
        read.n++;
        read.ms += performance.now() - start;
        this.stats.reads.set(channel, read);
        if (!envelope.ok) this.stats.failures.push(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      }
    }
  }
}

interface Window {
  readonly scenario: Scenario;
  readonly polls: number;
  /** From one poll's model:changed to the `polls`-th after it (epoch ms). */
  readonly from: number;
  readonly to: number;
  readonly cpuMs: number;
  readonly tab: TabStats | undefined;
  /** The tab's last refresh was still running when the window closed (its rest is charged to the next one). */
  readonly spilled: boolean;
}

/**
 * Runs the windows back to back: each starts at the poll event that ended the one before, where the
 * previous tab is closed and the next one opened, all in one subscriber so the order is fixed: the poll
 * that opens a window triggers that window's tab, not the previous one's.
 */
function runWindows(s: AppServices, routerId: string, invoke: Invoker, plan: ReadonlyArray<{ scenario: Scenario; polls: number }>, pollTimeoutMs: number): Promise<{ windows: Window[]; pollsAt: number[]; kinds: Map<string, number> }> {
  return new Promise((resolve, reject) => {
    const windows: Window[] = [];
    const pollsAt: number[] = [];
    /** What the pushed events said changed (`counters+status`), counted. */
    const kinds = new Map<string, number>();
    let index = -1;
    let left = 0;
    let from = 0;
    let cpuFrom: NodeJS.CpuUsage = process.cpuUsage();
    let tab: Tab | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (off(), tab?.close(), reject(new Error(`no poll within ${pollTimeoutMs} ms`))), pollTimeoutMs);
    };
    const begin = (i: number, at: number, cpu: NodeJS.CpuUsage) => {
      index = i;
      left = plan[i]!.polls;
      from = at;
      cpuFrom = cpu;
      const calls = plan[i]!.scenario.calls;
      tab = calls ? new Tab(invoke, calls) : undefined;
    };
    arm();
    const off = s.events.subscribe((event, payload) => {
      const p = payload as ModelChanged;
      if (event !== 'model:changed' || p.routerId !== routerId) return;
      const kind = [...p.changes].sort().join('+');
      if (index >= 0) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (p.changes.includes('counters')) {
        // Every poll moves counters; nothing else WireDesk does here does.
        const cpu = process.cpuUsage();
        const at = Date.now();
        arm();
        if (index < 0) {
          begin(0, at, cpu);
        } else {
          pollsAt.push(at);
          if (--left === 0) {
            const cpuMs = (cpu.user - cpuFrom.user + cpu.system - cpuFrom.system) / 1000;
            windows.push({ scenario: plan[index]!.scenario, polls: plan[index]!.polls, from, to: at, cpuMs, tab: tab?.stats, spilled: tab?.busy !== undefined });
            tab?.close();
            if (index + 1 === plan.length) {
              clearTimeout(timer);
              off();
              resolve({ windows, pollsAt, kinds });
              return;
            }
            begin(index + 1, at, cpu);
          }
        }
      }
      tab?.onModelChanged(p.changes);
    });
  });
}

async function benchSize(size: Size): Promise<BenchRow[]> {
  const sim = await startSimChild(size.peers);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wiredesk-bench-model-'));
  let s: AppServices | undefined;
  try {
    s = await createAppServices({ dataDir, appVersion: 'bench', platform: process.platform, notify: () => {}, autoDemo: false, secretStore: new MemorySecretStore() });
    s.settings.update({ pollIntervalSec: size.intervalSec });
    const invoke = createInvoker(createHandlers(s), { onUnexpectedError: (channel, error) => console.error(`  unexpected error in ${channel}:`, error) });
    const startedAt = performance.now();
    const profile = await s.routers.add({ name: 'Bench', host: '127.0.0.1', port: sim.port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
    const routerId = profile.id;
    await statusWhere(s, routerId, (st) => st.state === 'online', 60_000);
    await s.models.state(routerId);
    const pollTimeoutMs = size.intervalSec * 3_000 + 30_000;
    await nextPoll(s, routerId, pollTimeoutMs);
    const loadedMs = performance.now() - startedAt;

    // The Traffic tab's peer: one that is online, on its interface.
    const listed = await invoke('peers:list', { routerId });
    if (!listed.ok) throw new Error(`peers:list failed: ${listed.error.message}`);
    const peers = (listed.value as { rows: WgPeer[] }).rows;
    const peer = peers.find((p) => p.status === 'online') ?? peers[0];
    if (!peer) throw new Error('the simulator has no peers');
    const alone: Scenario = { name: 'poller alone', calls: null };
    const tabs: Scenario[] = [
      {
        name: 'Peers tab open',
        calls: [
          { channel: 'peers:listManaged', input: { routerId }, on: PEER_ROW_CHANGES },
          { channel: 'peers:counters', input: { routerId }, on: PEER_COUNTER_CHANGES },
          { channel: 'interfaces:list', input: { routerId }, on: INTERFACE_LISTING_CHANGES },
        ],
      },
      {
        name: 'Interfaces tab open',
        calls: [
          { channel: 'interfaces:list', input: { routerId }, on: INTERFACE_LISTING_CHANGES },
          { channel: 'reservations:list', input: { routerId }, on: ['peers'] },
        ],
      },
      {
        name: 'Traffic tab open',
        calls: [
          { channel: 'peers:list', input: { routerId }, on: PEER_ROW_CHANGES },
          { channel: 'interfaces:list', input: { routerId }, on: INTERFACE_LISTING_CHANGES },
          { channel: 'traffic:series', input: { routerId, interface: peer.interface, publicKey: peer.publicKey, range: '15m' }, on: 'interval' },
          { channel: 'traffic:topTalkers', input: { routerId, range: '15m', limit: 10, interface: peer.interface }, on: 'interval' },
        ],
      },
    ];
    // Warm every handler once (JIT, statement cache) so the first tab measured is not charged for it.
    for (const tab of tabs) for (const { channel, input } of tab.calls!) await invoke(channel, input);

    const scenarios = [alone, ...tabs];
    // Rounds, each scenario once per round in a rotated order: slow drift (JIT, the growing history, other
    // load on the machine) spreads over all scenarios instead of landing on whichever ran last.
    const plan = Array.from({ length: size.rounds }, (_, r) => scenarios.map((_, i) => scenarios[(i + r) % scenarios.length]!)).flat().map((scenario) => ({ scenario, polls: size.polls }));
    const label = `${size.peers.toLocaleString('en')} peers, poll every ${size.intervalSec} s`;
    console.log(`\nrouter-model: ${label}: ${size.rounds} rounds x ${scenarios.length} scenarios x ${size.polls} poll intervals (connected, read and polled once in ${(loadedMs / 1000).toFixed(1)} s; ${peers.length} peers listed; Traffic tab on ${peer.name || peer.publicKey}, ${peer.interface})`);
    await sim.request({ type: 'start-log' });
    const simCpuBefore = (await sim.count(0, 0)).cpuMs;
    const { windows, pollsAt, kinds } = await runWindows(s, routerId, invoke, plan, pollTimeoutMs);
    const all = await sim.count(windows[0]!.from, windows.at(-1)!.to);

    const totals = new Map<Scenario, { polls: number; commands: number; peerPrints: number; cpuMs: number; perWindow: number[]; other: Map<string, number>; tab: TabStats; spilled: number }>();
    for (const scenario of scenarios) totals.set(scenario, { polls: 0, commands: 0, peerPrints: 0, cpuMs: 0, perWindow: [], other: new Map(), tab: emptyStats(), spilled: 0 });
    for (const w of windows) {
      const t = totals.get(w.scenario)!;
      const counted = await sim.count(w.from, w.to);
      t.polls += w.polls;
      t.commands += counted.all;
      t.peerPrints += counted.peerPrints;
      t.cpuMs += w.cpuMs;
      t.perWindow.push(w.cpuMs / w.polls);
      for (const [command, n] of Object.entries(counted.byCommand)) if (command !== PEERS_PRINT) t.other.set(command, (t.other.get(command) ?? 0) + n);
      if (w.spilled) t.spilled++;
      if (w.tab) {
        t.tab.events += w.tab.events;
        t.tab.refreshes += w.tab.refreshes;
        t.tab.failures.push(...w.tab.failures);
        for (const [channel, read] of w.tab.reads) {
          const sum = t.tab.reads.get(channel) ?? { n: 0, ms: 0 };
          t.tab.reads.set(channel, { n: sum.n + read.n, ms: sum.ms + read.ms });
        }
      }
    }
    const pollLatency = pollsAt.map((at) => at - (all.peerPrintsAt.filter((p) => p < at).at(-1) ?? Number.NaN));
    const spanIntervals = (windows.at(-1)!.to - windows[0]!.from) / (size.intervalSec * 1000);
    console.log(`  poll: peer print received by the router -> its model:changed here, median ${median(pollLatency).toFixed(0)} ms (max ${Math.max(...pollLatency).toFixed(0)}); ${all.peerPrints} peer prints in ${spanIntervals.toFixed(1)} intervals; the router's own CPU ${((all.cpuMs - simCpuBefore) / spanIntervals).toFixed(0)} ms per interval (not counted above)`);
    console.log(`  model:changed pushed: ${[...kinds].map(([k, n]) => `${k} x${n}`).join(', ')}`);
    for (const scenario of scenarios) {
      const t = totals.get(scenario)!;
      const parts = [`${scenario.name}: main CPU per interval by window ${t.perWindow.map((v) => v.toFixed(0)).join(', ')} ms`];
      if (t.other.size > 0) parts.push(`other commands: ${[...t.other].map(([c, n]) => `${c} x${n}`).join(', ')}`);
      if (scenario.calls) {
        const each = [...t.tab.reads].map(([c, r]) => `${c} x${r.n} ${(r.ms / r.n).toFixed(1)}`).join(', ');
        parts.push(`${t.tab.events} model:changed that concern it, ${t.tab.refreshes} refreshes; reads and wall ms per read: ${each || 'none'}`);
        if (t.spilled > 0) parts.push(`${t.spilled} window(s) closed with a refresh still running`);
        if (t.tab.failures.length > 0) parts.push(`FAILED: ${[...new Set(t.tab.failures)].join('; ')}`);
      }
      console.log(`  ${parts.join('; ')}`);
    }

    // What a poll that moved only counters costs the Peers tab: its counters read against the whole listing
    // it read for the same change before (each on a new state, right after a poll, alternating which goes first).
    const perRead = { counters: [] as number[], listing: [] as number[] };
    const cpuOf = async (channel: InvokeChannel): Promise<number> => {
      const before = process.cpuUsage();
      const answer = await invoke(channel, { routerId });
      if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.message}`);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    for (let i = 0; i < 6; i++) {
      await nextPoll(s, routerId, pollTimeoutMs);
      if (i % 2 === 0) {
        perRead.counters.push(await cpuOf('peers:counters'));
        perRead.listing.push(await cpuOf('peers:listManaged'));
      } else {
        perRead.listing.push(await cpuOf('peers:listManaged'));
        perRead.counters.push(await cpuOf('peers:counters'));
      }
    }
    console.log(`  counters-only poll, Peers tab read: peers:counters ${perRead.counters.map((v) => v.toFixed(1)).join(', ')} ms; peers:listManaged ${perRead.listing.map((v) => v.toFixed(1)).join(', ')} ms`);

    const base = totals.get(alone)!;
    const baseName = `poller alone, ${size.peers.toLocaleString('en')} peers`;
    const readRow: BenchRow = {
      name: `${label}, Peers tab, a poll that moved only counters: main CPU of its read`,
      value: median(perRead.counters), baseline: median(perRead.listing), baselineName: 'reading peers:listManaged again', unit: 'ms',
    };
    return [readRow, ...tabs.flatMap((scenario): BenchRow[] => {
      const t = totals.get(scenario)!;
      return [
        { name: `${label}, ${scenario.name}: router commands / interval`, value: t.commands / t.polls, baseline: base.commands / base.polls, baselineName: baseName, unit: 'cmd' },
        { name: `${label}, ${scenario.name}: peer prints / interval`, value: t.peerPrints / t.polls, baseline: base.peerPrints / base.polls, baselineName: baseName, unit: 'cmd' },
        { name: `${label}, ${scenario.name}: main CPU / interval`, value: t.cpuMs / t.polls, baseline: base.cpuMs / base.polls, baselineName: baseName, unit: 'ms' },
      ];
    })];
  } finally {
    await s?.shutdown();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const size of SIZES) rows.push(...(await benchSize(size)));
  console.log(`\nrouter-model took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) printTable('router-model', await run());
