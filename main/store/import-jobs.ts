// Book-keeping for a CSV import, row by row, so an import cut short (link drop, app closed) resumes
// where it stopped instead of adding the same peers twice.
//
// Protocol for the importer: markAttempt(row) BEFORE sending it to the router, then markApplied /
// markFailed / markSkipped after. On resume, a pending row with `attemptedAt` set may already exist
// on the router (the answer was lost): look it up there (by public key) before adding it again.
import { randomUUID } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';
import { stripSecrets } from './strip-secrets.ts';
import { transaction } from './transaction.ts';

export type ImportJobStatus = 'pending' | 'running' | 'completed' | 'cancelled';
export type ImportRowState = 'pending' | 'applied' | 'failed' | 'skipped';

export interface ImportJob {
  id: string;
  routerId: string;
  interface: string;
  /** E.g. the CSV file name, to show in the "resume import?" prompt. */
  sourceName: string | null;
  status: ImportJobStatus;
  createdAt: number;
  updatedAt: number;
}

export interface ImportJobSummary extends ImportJob {
  counts: Record<ImportRowState, number>;
  /** Pending rows that were sent once without an answer: check the router before re-sending. */
  uncertain: number;
}

export interface ImportRow {
  jobId: string;
  rowNo: number;
  payload: unknown;
  state: ImportRowState;
  rosId: string | null;
  error: string | null;
  attemptedAt: number | null;
  updatedAt: number;
}

interface JobRow {
  id: string;
  router_id: string;
  interface: string;
  source_name: string | null;
  status: ImportJobStatus;
  created_at: number;
  updated_at: number;
}
interface RowRow {
  job_id: string;
  row_no: number;
  payload_json: string;
  state: ImportRowState;
  ros_id: string | null;
  error: string | null;
  attempted_at: number | null;
  updated_at: number;
}
interface CountRow {
  state: ImportRowState;
  n: number;
  uncertain: number;
}
type RowKey = { jobId: string; rowNo: number };
type Settle = RowKey & { state: ImportRowState; rosId: string | null; error: string | null; at: number };

const OPEN: readonly ImportJobStatus[] = ['pending', 'running'];

export class ImportJobsRepository {
  readonly #db: Db;
  readonly #now: Clock;
  readonly #newId: () => string;
  readonly #insertJob: Statement<[JobRow]>;
  readonly #insertRow: Statement<[RowRow]>;
  readonly #job: Statement<[string], JobRow>;
  readonly #openJobs: Statement<[{ routerId: string | null }], JobRow>;
  readonly #setStatus: Statement<[{ id: string; status: ImportJobStatus; at: number }]>;
  readonly #rename: Statement<[{ routerId: string; from: string; to: string; at: number }]>;
  readonly #counts: Statement<[string], CountRow>;
  readonly #rows: Statement<[{ jobId: string; state: ImportRowState | null }], RowRow>;
  readonly #row: Statement<[RowKey], RowRow>;
  readonly #attempt: Statement<[RowKey & { at: number }]>;
  readonly #settle: Statement<[Settle]>;
  readonly #retryFailed: Statement<[{ jobId: string; at: number }]>;
  readonly #skipPending: Statement<[{ jobId: string; at: number }]>;

  constructor(db: Db, options: { now?: Clock; newId?: () => string } = {}) {
    this.#db = db;
    this.#now = options.now ?? systemClock;
    this.#newId = options.newId ?? randomUUID;
    this.#insertJob = db.prepare('INSERT INTO import_jobs (id, router_id, interface, source_name, status, created_at, updated_at) VALUES (@id, @router_id, @interface, @source_name, @status, @created_at, @updated_at)');
    this.#insertRow = db.prepare('INSERT INTO import_job_rows (job_id, row_no, payload_json, state, ros_id, error, attempted_at, updated_at) VALUES (@job_id, @row_no, @payload_json, @state, @ros_id, @error, @attempted_at, @updated_at)');
    this.#job = db.prepare('SELECT * FROM import_jobs WHERE id = ?');
    this.#openJobs = db.prepare("SELECT * FROM import_jobs WHERE status IN ('pending', 'running') AND (@routerId IS NULL OR router_id = @routerId) ORDER BY created_at");
    this.#setStatus = db.prepare('UPDATE import_jobs SET status = @status, updated_at = @at WHERE id = @id');
    this.#rename = db.prepare("UPDATE import_jobs SET interface = @to, updated_at = @at WHERE router_id = @routerId AND interface = @from AND status IN ('pending', 'running')");
    this.#counts = db.prepare('SELECT state, count(*) AS n, count(attempted_at) AS uncertain FROM import_job_rows WHERE job_id = ? GROUP BY state');
    this.#rows = db.prepare('SELECT * FROM import_job_rows WHERE job_id = @jobId AND (@state IS NULL OR state = @state) ORDER BY row_no');
    this.#row = db.prepare('SELECT * FROM import_job_rows WHERE job_id = @jobId AND row_no = @rowNo');
    this.#attempt = db.prepare('UPDATE import_job_rows SET attempted_at = @at, updated_at = @at WHERE job_id = @jobId AND row_no = @rowNo');
    this.#settle = db.prepare('UPDATE import_job_rows SET state = @state, ros_id = @rosId, error = @error, updated_at = @at WHERE job_id = @jobId AND row_no = @rowNo');
    this.#retryFailed = db.prepare("UPDATE import_job_rows SET state = 'pending', error = NULL, updated_at = @at WHERE job_id = @jobId AND state = 'failed'");
    this.#skipPending = db.prepare("UPDATE import_job_rows SET state = 'skipped', error = 'import cancelled', updated_at = @at WHERE job_id = @jobId AND state = 'pending'");
  }

  /**
   * Saves the job and its rows (numbered from 1 in the given order) in one transaction.
   * Secret-named payload fields are stripped: keep preshared keys sealed with KeyVault under another name.
   */
  create(routerId: string, iface: string, payloads: readonly unknown[], options: { sourceName?: string } = {}): ImportJob {
    const at = this.#now();
    const job: JobRow = { id: this.#newId(), router_id: routerId, interface: iface, source_name: options.sourceName ?? null, status: 'pending', created_at: at, updated_at: at };
    try {
      transaction(this.#db, () => {
        this.#insertJob.run(job);
        payloads.forEach((payload, index) => {
          this.#insertRow.run({ job_id: job.id, row_no: index + 1, payload_json: JSON.stringify(stripSecrets(payload) ?? null), state: 'pending', ros_id: null, error: null, attempted_at: null, updated_at: at });
        });
      });
    } catch (err) {
      if (errorCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('NOT_FOUND', `No router with id ${routerId} is saved; the import was not recorded.`, { cause: err });
      throw err;
    }
    return toJob(job);
  }

  get(jobId: string): ImportJob | null {
    const row = this.#job.get(jobId);
    return row ? toJob(row) : null;
  }

  summary(jobId: string): ImportJobSummary {
    return this.#summarise(this.#requireJob(jobId));
  }

  /**
   * An interface renamed in WireDesk: unfinished jobs for it follow, so a resume adds the rest to the same
   * interface under its new name. Finished jobs keep the name they ran under. Returns the jobs moved.
   */
  followRename(routerId: string, from: string, to: string): number {
    return this.#rename.run({ routerId, from, to, at: this.#now() }).changes;
  }

  /** Jobs not completed or cancelled: offer to resume them (e.g. at start-up or on reconnect). */
  listResumable(routerId?: string): ImportJobSummary[] {
    return this.#openJobs.all({ routerId: routerId ?? null }).map((job) => this.#summarise(job));
  }

  rows(jobId: string, state?: ImportRowState): ImportRow[] {
    return this.#rows.all({ jobId, state: state ?? null }).map(toRow);
  }

  /** The rows still to do, in file order. */
  remainingRows(jobId: string): ImportRow[] {
    return this.rows(jobId, 'pending');
  }

  markRunning(jobId: string): ImportJob {
    return this.#setJobStatus(jobId, 'running');
  }

  /** Call just before sending the row to the router. */
  markAttempt(jobId: string, rowNo: number): void {
    transaction(this.#db, () => {
      this.#pendingRow(jobId, rowNo);
      this.#attempt.run({ jobId, rowNo, at: this.#now() });
    });
  }

  markApplied(jobId: string, rowNo: number, rosId: string): void {
    this.#settleRow({ jobId, rowNo, state: 'applied', rosId, error: null, at: this.#now() });
  }

  markFailed(jobId: string, rowNo: number, error: string): void {
    this.#settleRow({ jobId, rowNo, state: 'failed', rosId: null, error, at: this.#now() });
  }

  /** E.g. the peer already exists on the router; `reason` is shown in the import report. */
  markSkipped(jobId: string, rowNo: number, reason: string, rosId: string | null = null): void {
    this.#settleRow({ jobId, rowNo, state: 'skipped', rosId, error: reason, at: this.#now() });
  }

  /** Puts failed rows back to pending so a resume tries them again. */
  retryFailed(jobId: string): number {
    return transaction(this.#db, () => {
      this.#openJob(jobId);
      return this.#retryFailed.run({ jobId, at: this.#now() }).changes;
    });
  }

  /** Closes the job; refused while rows are still pending. */
  complete(jobId: string): ImportJob {
    return transaction(this.#db, () => {
      const pending = this.summary(jobId).counts.pending;
      if (pending > 0) throw new StoreError('IMPORT_JOB_STATE', `The import still has ${pending} row(s) to do; resume it or cancel it.`);
      return this.#setJobStatus(jobId, 'completed');
    });
  }

  /** Abandons the job: rows not yet done become skipped. Rows already applied stay on the router. */
  cancel(jobId: string): ImportJob {
    return transaction(this.#db, () => {
      this.#openJob(jobId);
      this.#skipPending.run({ jobId, at: this.#now() });
      return this.#setJobStatus(jobId, 'cancelled');
    });
  }

  #settleRow(change: Settle): void {
    transaction(this.#db, () => {
      const row = this.#pendingRow(change.jobId, change.rowNo, change);
      if (row) this.#settle.run(change);
    });
  }

  /**
   * The row, which must still be pending. Settling it again the same way returns undefined
   * (nothing to do): an importer replaying its last step after a crash must not fail.
   */
  #pendingRow(jobId: string, rowNo: number, change?: Settle): RowRow | undefined {
    this.#openJob(jobId);
    const row = this.#row.get({ jobId, rowNo });
    if (!row) throw new StoreError('NOT_FOUND', `Row ${rowNo} is not part of this import.`);
    if (row.state === 'pending') return row;
    if (change && row.state === change.state && row.ros_id === change.rosId) return undefined;
    throw new StoreError('IMPORT_JOB_STATE', `Row ${rowNo} of the import is already ${row.state}; it cannot be changed again.`);
  }

  #openJob(jobId: string): JobRow {
    const job = this.#requireJob(jobId);
    if (!OPEN.includes(job.status)) throw new StoreError('IMPORT_JOB_STATE', `This import is ${job.status}; its rows can no longer change.`);
    return job;
  }

  #requireJob(jobId: string): JobRow {
    const job = this.#job.get(jobId);
    if (!job) throw new StoreError('NOT_FOUND', `No import job with id ${jobId} is saved; it may belong to a removed router.`);
    return job;
  }

  #setJobStatus(jobId: string, status: ImportJobStatus): ImportJob {
    const job = this.#openJob(jobId);
    const at = this.#now();
    this.#setStatus.run({ id: jobId, status, at });
    return toJob({ ...job, status, updated_at: at });
  }

  #summarise(job: JobRow): ImportJobSummary {
    const counts: Record<ImportRowState, number> = { pending: 0, applied: 0, failed: 0, skipped: 0 };
    let uncertain = 0;
    for (const c of this.#counts.all(job.id)) {
      counts[c.state] = c.n;
      if (c.state === 'pending') uncertain = c.uncertain;
    }
    return { ...toJob(job), counts, uncertain };
  }
}

function toJob(row: JobRow): ImportJob {
  return { id: row.id, routerId: row.router_id, interface: row.interface, sourceName: row.source_name, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRow(row: RowRow): ImportRow {
  return { jobId: row.job_id, rowNo: row.row_no, payload: JSON.parse(row.payload_json), state: row.state, rosId: row.ros_id, error: row.error, attemptedAt: row.attempted_at, updatedAt: row.updated_at };
}
