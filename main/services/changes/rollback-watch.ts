// After WireDesk lost a router in the middle of a plan, the router's own rollback entry decides what happens.
// When the router answers again, this finds out what it did, once per pending plan:
//  - the entry is still there: WireDesk came back before it ran. The entry is removed; the change stands
//    ('kept') unless Safe Mode unrolled it when the session dropped (the scope equals the backup: 'rolled-back');
//  - the entry is gone (its script removes it first): the router ran the undo. The WireGuard scope read now is
//    compared with the backup taken before the plan: equal is 'rolled-back', anything else 'unknown' with the
//    items that differ, for the technician to check.
import type { EventBus } from '../../ipc/events.ts';
import type { ChangeJournal, JournalEntry } from '../../store/change-journal.ts';
import type { ConnectionManager } from '../connections.ts';
import { peerFeatures, parseRouterOsVersion } from '../../../src/domain/index.ts';
import type { RouterModels } from '../router-model/index.ts';
import { SCHEDULER_PATH } from '../../routeros/menus/system-scheduler.ts';
import { snapshotScope, type ScopeSnapshot } from './backup.ts';

/** The router's scheduler fires within a second of its time; its script takes a moment more. */
const AFTER_RUN_MS = 2_000;
const RETRY_MS = 5_000;
/** About ten minutes of looking, then only a reconnect checks again. */
const RETRIES = 120;

export interface RollbackWatchDeps {
  readonly journal: ChangeJournal;
  readonly events: EventBus;
  readonly connections: Pick<ConnectionManager, 'withClient' | 'facts'>;
  readonly models: Pick<RouterModels, 'live'>;
}

export class RollbackWatch {
  readonly #d: RollbackWatchDeps;
  readonly #checking = new Map<string, Promise<void>>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
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
    };
  }

  /** A plan is now waiting for the router's rollback at `runsAt`: look again a little after it, then every few seconds. */
  expect(routerId: string, planId: string, runsAt: number, now: number): void {
    const look = (delayMs: number, left: number): void => {
      if (this.#stopped) return;
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        void this.check(routerId).catch(() => undefined).then(() => {
          if (left > 0 && this.#d.journal.get(planId)?.state === 'rollback-pending') look(RETRY_MS, left - 1);
        });
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
