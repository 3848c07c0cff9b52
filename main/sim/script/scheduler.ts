// Runs /system/scheduler entries when the simulator's clock reaches them. Timers are real (setTimeout) but never
// longer than POLL_MS, and each wake-up compares with the injected clock, so an entry fires within POLL_MS of its
// time on the real clock and within POLL_MS of a manual clock being moved past it (or at once with runDue()).
// Semantics (manual "Scheduler"): interval 0 runs once at start-date/start-time and the entry stays, its run-count
// counting; an interval repeats from the start time; entries due together run in list order; start-time=startup
// runs only at startup (the simulator seeds no such entries, so they never run). An entry whose one-time start is
// already past when it is added or changed never runs (guess, see README).
import type { RouterState, ScriptRunRecord } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { ScriptEngine } from './engine.ts';
import { parseDuration } from '../values/duration.ts';
import { parseTimeOfDay } from '../values/date.ts';
import { policySet } from '../menus/scripting.ts';

const POLL_MS = 200;
const PATH = '/system/scheduler';

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<ScriptRunRecord[]> | undefined;
  private readonly lastDue = new WeakMap<Row, number>();
  private readonly running = new Set<Row>();

  private readonly state: RouterState;
  private readonly engine: ScriptEngine;

  constructor(state: RouterState, engine: ScriptEngine) {
    this.state = state;
    this.engine = engine;
    if (!state.hasTable(PATH)) return;
    const table = state.table(PATH);
    table.subscribe(({ kind, row }) => {
      if (kind !== 'remove') this.plan(row);
      this.arm();
    });
    for (const row of table.rows) this.plan(row);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Runs every entry that is due on the simulator's clock now, in list order; resolves with their runs. */
  runDue(): Promise<ScriptRunRecord[]> {
    this.ticking ??= this.fireDue().finally(() => {
      this.ticking = undefined;
      this.arm();
    });
    return this.ticking;
  }

  private plan(row: Row): void {
    const info = this.state.runInfo.get(row) ?? { runCount: 0 };
    this.state.runInfo.set(row, info);
    info.nextRun = this.nextRun(row);
  }

  private nextRun(row: Row): number | undefined {
    if (row.isDisabled() || row.get('start-time') === 'startup') return undefined;
    const day = Date.parse(`${row.get('start-date')}T00:00:00Z`);
    const seconds = parseTimeOfDay(row.get('start-time') ?? '');
    if (Number.isNaN(day) || seconds === null) return undefined;
    const start = day + seconds * 1000;
    const interval = (parseDuration(row.get('interval') ?? '0s') ?? 0) * 1000;
    // Due times from the current second on, and never one that already ran.
    const from = Math.max(Math.floor(this.state.now() / 1000) * 1000, (this.lastDue.get(row) ?? -Infinity) + 1);
    if (interval <= 0) return start >= from ? start : undefined;
    if (start >= from) return start;
    return start + Math.ceil((from - start) / interval) * interval;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || !this.state.hasTable(PATH)) return;
    let next = Infinity;
    for (const row of this.state.table(PATH).rows) {
      const at = this.state.runInfo.get(row)?.nextRun;
      if (at !== undefined && !this.running.has(row)) next = Math.min(next, at);
    }
    if (next === Infinity) return;
    const wait = Math.max(0, Math.min(POLL_MS, next - this.state.now()));
    this.timer = setTimeout(() => void this.runDue(), wait);
    this.timer.unref();
  }

  private async fireDue(): Promise<ScriptRunRecord[]> {
    const now = this.state.now();
    const due = this.state.table(PATH).rows.filter((row) => {
      const at = this.state.runInfo.get(row)?.nextRun;
      return at !== undefined && at <= now && !this.running.has(row);
    });
    const records: ScriptRunRecord[] = [];
    for (const row of due) {
      if (this.stopped) break;
      records.push(await this.fire(row));
    }
    return records;
  }

  private async fire(row: Row): Promise<ScriptRunRecord> {
    const info = this.state.runInfo.get(row)!;
    this.lastDue.set(row, info.nextRun!);
    info.runCount++;
    info.lastStarted = this.state.now();
    this.plan(row);
    this.state.table(PATH).touch(row);
    // on-event is a script's name or script text (manual "Scheduler": "name of the script to execute").
    const onEvent = row.get('on-event') ?? '';
    const script = this.state.hasTable('/system/script') ? this.state.table('/system/script').findBy('name', onEvent) : undefined;
    if (script) {
      const scriptInfo = this.state.runInfo.get(script) ?? { runCount: 0 };
      scriptInfo.runCount++;
      scriptInfo.lastStarted = this.state.now();
      this.state.runInfo.set(script, scriptInfo);
    }
    this.running.add(row);
    try {
      return await this.engine.run(script ? script.get('source') ?? '' : onEvent, {
        origin: 'scheduler', name: row.get('name'), policies: policySet(row), owner: row.get('owner') ?? 'admin',
      });
    } finally {
      this.running.delete(row);
    }
  }
}
