// The safe-change records: a backup of the router's WireGuard scope taken before each applied plan, and the
// journal of plans (what was to be sent, where it stands). Both are written in one transaction before the
// first command leaves, so a crash mid-change still leaves the backup and a journal entry saying "applying".
// The journal changes state as a plan moves on (unlike the append-only activity log). No secret is stored:
// backups hold no private or preshared keys, and journal lines show secrets as <hidden>.
import type { Database as Db, Statement } from 'better-sqlite3';
import type { ChangeSubject } from '../../src/contract/changes.ts';
import { systemClock, type Clock } from './clock.ts';
import { toStrippedJson } from './strip-secrets.ts';
import { transaction } from './transaction.ts';

export const PLAN_STATES = ['applying', 'applied', 'undone', 'failed', 'rollback-pending', 'rolled-back', 'unknown'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface BackupInput {
  routerId: string;
  routerName: string;
  /** What the change was, in English words (the plan's title, for the .rsc header). */
  title: string;
  /** The same as a code with parameters; null on backups taken before subjects were kept. */
  subject: ChangeSubject | null;
  planId: string;
  /** The readable `.rsc` script. */
  rsc: string;
  /** The same scope as items and fields, for diffs and restores. */
  snapshot: unknown;
}

export interface Backup extends BackupInput {
  id: number;
  takenAt: number;
}

export interface JournalInput {
  planId: string;
  routerId: string;
  kind: string;
  title: string;
  subject: ChangeSubject | null;
  /** The plan's command lines, secrets hidden. */
  commands: readonly string[];
  rollbackName: string | null;
  /** Before/after of each item the plan touches (secrets as <hidden>): what an undo checks and restores. */
  diff: unknown;
  /** Per step, how to read back whether it stands (changes/reconcile.ts); no secret in it. Null on older entries. */
  checks?: unknown;
}

export interface JournalEntry extends JournalInput {
  state: PlanState;
  createdAt: number;
  updatedAt: number;
  backupId: number | null;
  /** When the router will undo the change by itself unless WireDesk confirms it (while rollback-pending). */
  rollbackAt: number | null;
  report: unknown;
}

interface BackupRow {
  id: number; router_id: string; router_name: string; taken_at: number; plan_id: string; title: string; subject_json: string | null; rsc: string; snapshot_json: string;
}
interface JournalRow {
  plan_id: string; router_id: string; kind: string; title: string; subject_json: string | null; commands_json: string; rollback_name: string | null;
  state: PlanState; created_at: number; updated_at: number; backup_id: number | null; rollback_at: number | null; report_json: string | null;
  diff_json: string;
  checks_json: string | null;
}

export class ChangeJournal {
  readonly #db: Db;
  readonly #now: Clock;
  readonly #insertBackup: Statement<[Omit<BackupRow, 'id'>], BackupRow>;
  readonly #insertPlan: Statement<[JournalRow]>;
  readonly #update: Statement<[{ plan_id: string; state: PlanState; updated_at: number; rollback_at: number | null; report_json: string | null }]>;
  readonly #undone: Statement<[{ plan_id: string; updated_at: number }]>;
  readonly #get: Statement<[string], JournalRow>;
  readonly #byState: Statement<[{ router_id: string; state: PlanState }], JournalRow>;
  readonly #recent: Statement<[{ router_id: string; limit: number }], JournalRow>;
  readonly #backup: Statement<[number], BackupRow>;
  readonly #backups: Statement<[string], BackupRow>;

  constructor(db: Db, options: { now?: Clock } = {}) {
    this.#db = db;
    this.#now = options.now ?? systemClock;
    this.#insertBackup = db.prepare(`INSERT INTO router_backups (router_id, router_name, taken_at, plan_id, title, subject_json, rsc, snapshot_json)
      VALUES (@router_id, @router_name, @taken_at, @plan_id, @title, @subject_json, @rsc, @snapshot_json) RETURNING *`);
    this.#insertPlan = db.prepare(`INSERT INTO change_plans (plan_id, router_id, kind, title, subject_json, commands_json, rollback_name, state, created_at, updated_at, backup_id, rollback_at, report_json, diff_json, checks_json)
      VALUES (@plan_id, @router_id, @kind, @title, @subject_json, @commands_json, @rollback_name, @state, @created_at, @updated_at, @backup_id, @rollback_at, @report_json, @diff_json, @checks_json)`);
    this.#update = db.prepare(`UPDATE change_plans SET state = @state, updated_at = @updated_at, rollback_at = @rollback_at, report_json = @report_json WHERE plan_id = @plan_id`);
    this.#get = db.prepare('SELECT * FROM change_plans WHERE plan_id = ?');
    this.#undone = db.prepare(`UPDATE change_plans SET state = 'undone', updated_at = @updated_at WHERE plan_id = @plan_id AND state = 'applied'`);
    this.#byState = db.prepare('SELECT * FROM change_plans WHERE router_id = @router_id AND state = @state ORDER BY created_at');
    this.#recent = db.prepare('SELECT * FROM change_plans WHERE router_id = @router_id ORDER BY created_at DESC, rowid DESC LIMIT @limit');
    this.#backup = db.prepare('SELECT * FROM router_backups WHERE id = ?');
    this.#backups = db.prepare('SELECT * FROM router_backups WHERE router_id = ? ORDER BY taken_at DESC, id DESC');
  }

  /** The backup and the plan's journal entry, together or not at all, before anything is sent. */
  begin(backup: BackupInput, plan: JournalInput): { backupId: number } {
    return transaction(this.#db, () => {
      const at = this.#now();
      const saved = this.#insertBackup.get({
        router_id: backup.routerId, router_name: backup.routerName, taken_at: at, plan_id: backup.planId, title: backup.title, subject_json: backup.subject ? JSON.stringify(backup.subject) : null,
        rsc: backup.rsc, snapshot_json: toStrippedJson(backup.snapshot) ?? 'null',
      });
      if (!saved) throw new Error('INSERT ... RETURNING returned no row');
      this.#insertPlan.run({
        plan_id: plan.planId, router_id: plan.routerId, kind: plan.kind, title: plan.title, subject_json: plan.subject ? JSON.stringify(plan.subject) : null, commands_json: JSON.stringify(plan.commands),
        rollback_name: plan.rollbackName, state: 'applying', created_at: at, updated_at: at, backup_id: saved.id, rollback_at: null, report_json: null,
        diff_json: toStrippedJson(plan.diff) ?? '[]',
        checks_json: plan.checks === undefined ? null : toStrippedJson(plan.checks),
      });
      return { backupId: saved.id };
    });
  }

  settle(planId: string, state: PlanState, o: { rollbackAt?: number | null; report?: unknown } = {}): void {
    this.#update.run({ plan_id: planId, state, updated_at: this.#now(), rollback_at: o.rollbackAt ?? null, report_json: o.report === undefined ? null : toStrippedJson(o.report) });
  }

  /** An applied change that a later plan (its undo) put back: it is not offered for undo again. */
  undone(planId: string): void {
    this.#undone.run({ plan_id: planId, updated_at: this.#now() });
  }

  get(planId: string): JournalEntry | undefined {
    const row = this.#get.get(planId);
    return row ? toEntry(row) : undefined;
  }

  inState(routerId: string, state: PlanState): JournalEntry[] {
    return this.#byState.all({ router_id: routerId, state }).map(toEntry);
  }

  /** Newest first. */
  recent(routerId: string, limit = 200): JournalEntry[] {
    return this.#recent.all({ router_id: routerId, limit }).map(toEntry);
  }

  backup(id: number): Backup | undefined {
    const row = this.#backup.get(id);
    return row ? toBackup(row) : undefined;
  }

  backups(routerId: string): Backup[] {
    return this.#backups.all(routerId).map(toBackup);
  }
}

function toEntry(r: JournalRow): JournalEntry {
  return {
    planId: r.plan_id, routerId: r.router_id, kind: r.kind, title: r.title, subject: parseSubject(r.subject_json), commands: JSON.parse(r.commands_json) as string[], rollbackName: r.rollback_name,
    state: r.state, createdAt: r.created_at, updatedAt: r.updated_at, backupId: r.backup_id, rollbackAt: r.rollback_at,
    report: r.report_json === null ? null : JSON.parse(r.report_json),
    diff: JSON.parse(r.diff_json),
    checks: r.checks_json === null ? null : JSON.parse(r.checks_json),
  };
}

function toBackup(r: BackupRow): Backup {
  return { id: r.id, routerId: r.router_id, routerName: r.router_name, takenAt: r.taken_at, planId: r.plan_id, title: r.title, subject: parseSubject(r.subject_json), rsc: r.rsc, snapshot: JSON.parse(r.snapshot_json) };
}

function parseSubject(json: string | null): ChangeSubject | null {
  return json === null ? null : (JSON.parse(json) as ChangeSubject);
}
