// After WireDesk lost a router in the middle of a plan (the link dropped, or an answer never came), the router's
// own rollback entry decides what happens. When the router answers again, this finds out what it did, once per
// pending plan, by reading back each step of the plan (reconcile.ts):
//  - every step stands: the change was made ('kept'); the rollback entry, if still there, is removed;
//  - no step stands: the change is not on the router ('rolled-back'): the router's rollback ran, Safe Mode
//    unrolled it when the session dropped, or it never arrived; an entry still there is removed;
//  - some steps stand and the entry is still armed: its time is brought forward to a moment from now (it puts
//    every step back), and the plan looked at again after it; with the entry gone, 'unknown' with each step's
//    standing, for the technician.
// The plan's activity-log entry, written "failed" when the link dropped, gets the true outcome (onResolved).
// Entries written before plans kept their checks are compared with the backup instead.
import type { EventBus } from '../../ipc/events.ts';
import type { AuditResolution } from '../../store/audit.ts';
import type { ChangeJournal, JournalEntry } from '../../store/change-journal.ts';
import type { ConnectionManager } from '../connections.ts';
import { peerFeatures, parseRouterOsVersion } from '../../../src/domain/index.ts';
import type { RouterModels } from '../router-model/index.ts';
import { readRouterClock, schedulerStart, SCHEDULER_PATH } from '../../routeros/menus/system-scheduler.ts';
import { snapshotScope, type ScopeSnapshot } from './backup.ts';
import { partOf } from './apply.ts';
import { planStanding, type StepCheck } from './reconcile.ts';

/** What a pending plan turned out to be, for the activity log (the same words it keeps) and the keys held for its peers. */
export type Resolution = AuditResolution;

/** The router's scheduler fires within a second of its time; its script takes a moment more. */
const AFTER_RUN_MS = 2_000;
const RETRY_MS = 5_000;
/** Plans that are one router's half of a change made on two: found done after a lost answer, still undone. */
const ALL_OR_NOTHING: ReadonlySet<string> = new Set(['site.link']);
/** A half-done plan found on reconnect: its rollback entry is set to run this many seconds later. */
const SOON_SEC = 2;
/** About ten minutes of looking, then only a reconnect checks again. */
const RETRIES = 120;

export interface RollbackWatchDeps {
  readonly journal: ChangeJournal;
  readonly events: EventBus;
  readonly connections: Pick<ConnectionManager, 'withClient' | 'facts'>;
  readonly models: Pick<RouterModels, 'live' | 'readNow'>;
  /** A pending plan was found out: its activity-log entry and the keys held for it follow. */
  readonly onResolved?: (entry: JournalEntry, resolution: Resolution) => void;
  readonly now?: () => number;
}

export class RollbackWatch {
  readonly #d: RollbackWatchDeps;
  readonly #checking = new Map<string, Promise<void>>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #watching = new Map<string, { cancelled: boolean }>();
  #stopped = false;

  constructor(deps: RollbackWatchDeps) {
    this.#d = deps;
  }

  /**
   * Checks each router's pending plans whenever it comes online, and shortly after each pending rollback's
   * time (a link that only stalled may never have been reported offline). Returns the stop function.
   */
  start(): () => void {
    this.#stopped = false;
    const unsubscribe = this.#d.events.subscribe((name, payload) => {
      if (name !== 'router:status') return;
      const status = payload as { routerId: string; state: string };
      if (status.state === 'online') void this.check(status.routerId).catch(() => undefined);
    });
    return () => {
      this.#stopped = true;
      unsubscribe();
      for (const t of this.#timers) clearTimeout(t);
      this.#timers.clear();
      this.#watching.clear();
    };
  }

  /** A plan is now waiting for the router's rollback at `runsAt`: look again a little after it, then every few seconds. */
  expect(routerId: string, planId: string, runsAt: number, now: number): void {
    // One chain of looks per plan: a new time (the rollback brought forward) replaces the old chain.
    const chain = { cancelled: false };
    const previous = this.#watching.get(planId);
    if (previous) previous.cancelled = true;
    this.#watching.set(planId, chain);
    const look = (delayMs: number, left: number): void => {
      if (chain.cancelled) return;
      if (this.#stopped || this.#d.journal.get(planId)?.state !== 'rollback-pending' || left < 0) {
        if (this.#watching.get(planId) === chain) this.#watching.delete(planId);
        return;
      }
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        if (chain.cancelled) return;
        void this.check(routerId).catch(() => undefined).then(() => look(RETRY_MS, left - 1));
      }, delayMs);
      timer.unref?.();
      this.#timers.add(timer);
    };
    look(Math.max(0, runsAt - now) + AFTER_RUN_MS, RETRIES);
  }

  /** One check at a time per router; a second call while one runs waits for it. */
  check(routerId: string): Promise<void> {
    const running = this.#checking.get(routerId);
    if (running) return running;
    const run = this.#check(routerId).finally(() => this.#checking.delete(routerId));
    this.#checking.set(routerId, run);
    return run;
  }

  async #check(routerId: string): Promise<void> {
    const pending = this.#d.journal.inState(routerId, 'rollback-pending');
    if (pending.length === 0) return;
    const state = await this.#d.models.live(routerId);
    const version = parseRouterOsVersion(this.#d.connections.facts(routerId)?.version ?? '');
    const now = snapshotScope(state, version.ok ? peerFeatures(version.value).responderParam : null);
    for (const entry of pending) {
      const [row] = entry.rollbackName
        ? await this.#d.connections.withClient(routerId, (client) => client.print(SCHEDULER_PATH, { query: [`name=${entry.rollbackName}`] }))
        : [];
      if (Array.isArray(entry.checks)) {
        const checks = entry.checks as StepCheck[];
        const { standing, steps } = await this.#d.connections.withClient(routerId, (client) => planStanding(client, checks));
        // One half of a change across two routers (a site link) is not kept alone: WireDesk told the technician
        // it was left behind for this router's rollback, and the other router's half was undone or never sent.
        const half = ALL_OR_NOTHING.has(entry.subject?.code ?? '') && standing === 'applied';
        if ((standing === 'partial' || half) && row?.['.id']) {
          // Half done, and WireDesk is back: the router's own rollback, still armed, is brought forward to run
          // in a moment (it puts every step back, as it would have at its time), then looked at again.
          const at = (this.#d.now ?? Date.now)();
          const runsAt = Math.min(entry.rollbackAt ?? Infinity, at + SOON_SEC * 1000);
          if (runsAt < (entry.rollbackAt ?? Infinity)) {
            await this.#d.connections.withClient(routerId, async (client) => client.set(SCHEDULER_PATH, row['.id']!, schedulerStart(await readRouterClock(client), SOON_SEC)));
            this.#d.journal.settle(entry.planId, 'rollback-pending', { rollbackAt: runsAt, report: entry.report });
            this.#d.events.emit('changes:rollback', { routerId: entry.routerId, planId: entry.planId, subject: entry.subject, title: entry.title, state: 'pending', runsAt });
          }
          this.expect(routerId, entry.planId, runsAt, at);
          continue;
        }
        if (row?.['.id']) await this.#d.connections.withClient(routerId, (client) => client.remove(SCHEDULER_PATH, row['.id']!));
        // What screens show follows what the router has now.
        await this.#d.connections.withClient(routerId, (client) => this.#d.models.readNow(routerId, client, [...new Set(checks.map((c) => partOf(c.menu)))]));
        if (standing === 'applied') this.#settle(entry, 'applied', 'kept', { steps });
        else if (standing === 'not-applied') this.#settle(entry, 'rolled-back', 'rolled-back', { steps, by: row ? 'safe-mode-or-not-sent' : 'scheduler' });
        else this.#settle(entry, 'unknown', 'unknown', { steps });
        continue;
      }
      // Still armed: WireDesk is back before it ran. Disarm it first, then see what stands: Safe Mode may have
      // unrolled the change when the session dropped.
      if (row?.['.id']) await this.#d.connections.withClient(routerId, (client) => client.remove(SCHEDULER_PATH, row['.id']!));
      const backup = entry.backupId === null ? undefined : this.#d.journal.backup(entry.backupId);
      const differing = backup ? scopeDifferences(backup.snapshot as ScopeSnapshot, now) : ['no backup'];
      if (differing.length === 0) this.#settle(entry, 'rolled-back', 'rolled-back', { differing, by: row ? 'safe-mode' : 'scheduler' });
      else if (row) this.#settle(entry, 'applied', 'kept', { differing });
      else this.#settle(entry, 'unknown', 'unknown', { differing });
    }
  }

  #settle(entry: JournalEntry, state: 'applied' | 'rolled-back' | 'unknown', event: 'kept' | 'rolled-back' | 'unknown', detail: Record<string, unknown>): void {
    const report = typeof entry.report === 'object' && entry.report !== null ? entry.report : {};
    this.#d.journal.settle(entry.planId, state, { report: { ...report, afterReconnect: detail } });
    this.#d.onResolved?.(entry, state === 'applied' ? 'applied' : state === 'rolled-back' ? 'not-applied' : 'unknown');
    this.#d.events.emit('changes:rollback', { routerId: entry.routerId, planId: entry.planId, subject: entry.subject, title: entry.title, state: event, runsAt: entry.rollbackAt });
  }
}

/** Items of the backup that are not the same now, and items now that the backup did not have, by key. */
export function scopeDifferences(before: ScopeSnapshot, after: ScopeSnapshot): string[] {
  const out: string[] = [];
  const keyed = (items: readonly Readonly<Record<string, string>>[], key: (f: Readonly<Record<string, string>>) => string) =>
    new Map(items.map((f) => [key(f), JSON.stringify(Object.entries(f).sort(([a], [b]) => a.localeCompare(b)))]));
  const parts: Array<[string, (f: Readonly<Record<string, string>>) => string]> = [
    ['interfaces', (f) => f['name'] ?? ''],
    ['peers', (f) => f['public-key'] ?? ''],
    ['addresses', (f) => `${f['address'] ?? ''}@${f['interface'] ?? ''}`],
    ['routes', (f) => `${f['dst-address'] ?? ''} via ${f['gateway'] ?? ''}`],
  ];
  for (const [part, key] of parts) {
    const itemsBefore = before[part as 'routes'];
    const itemsAfter = after[part as 'routes'];
    if (!itemsBefore || !itemsAfter) continue;
    const a = keyed(itemsBefore, key);
    const b = keyed(itemsAfter, key);
    for (const [k, v] of a) if (b.get(k) !== v) out.push(`${part}:${k}`);
    for (const k of b.keys()) if (!a.has(k)) out.push(`${part}:${k}`);
  }
  return out;
}
