import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJobsRepository } from '../../../main/store/import-jobs.ts';
import { addRouter, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

const csv = [
  { name: 'alice', 'public-key': 'A'.repeat(43) + '=', 'allowed-address': '10.8.0.2/32' },
  { name: 'bob', 'public-key': 'B'.repeat(43) + '=', 'allowed-address': '10.8.0.3/32', 'preshared-key': 'PSK-IN-CLEAR' },
  { name: 'carol', 'public-key': 'C'.repeat(43) + '=', 'allowed-address': '10.8.0.4/32' },
  { name: 'dave', 'public-key': 'D'.repeat(43) + '=', 'allowed-address': '10.8.0.5/32' },
];

describe('ImportJobsRepository', () => {
  it('resumes an import cut by a link drop without redoing or losing rows', () => {
    let jobs = new ImportJobsRepository(t.db, { now: () => 10 });
    const job = jobs.create(routerId, 'wg0', csv, { sourceName: 'peers.csv' });
    expect(job).toMatchObject({ routerId, interface: 'wg0', sourceName: 'peers.csv', status: 'pending' });
    expect(jobs.rows(job.id)[1]?.payload).toEqual({ name: 'bob', 'public-key': 'B'.repeat(43) + '=', 'allowed-address': '10.8.0.3/32' });

    jobs.markRunning(job.id);
    jobs.markAttempt(job.id, 1);
    jobs.markApplied(job.id, 1, '*A1');
    jobs.markAttempt(job.id, 2);
    jobs.markFailed(job.id, 2, 'failure: peer with the same allowed-address already exists');
    jobs.markAttempt(job.id, 3); // ...and the link drops before the router's answer arrives

    // The app is restarted.
    jobs = new ImportJobsRepository(t.reopen(), { now: () => 20 });
    const [resumable] = jobs.listResumable(routerId);
    expect(resumable).toMatchObject({ id: job.id, status: 'running', counts: { pending: 2, applied: 1, failed: 1, skipped: 0 }, uncertain: 1 });
    const remaining = jobs.remainingRows(job.id);
    expect(remaining.map((r) => [r.rowNo, r.attemptedAt])).toEqual([[3, 10], [4, null]]);

    // Row 3 turned out to exist on the router: record it instead of adding it twice.
    jobs.markSkipped(job.id, 3, 'already on the router', '*A3');
    jobs.markAttempt(job.id, 4);
    jobs.markApplied(job.id, 4, '*A4');
    jobs.markApplied(job.id, 4, '*A4'); // replaying the last step after a crash is harmless
    expect(() => jobs.markApplied(job.id, 1, '*B1')).toThrow(expect.objectContaining({ code: 'IMPORT_JOB_STATE' }));

    expect(jobs.retryFailed(job.id)).toBe(1);
    expect(() => jobs.complete(job.id)).toThrow(/still has 1 row/);
    jobs.markAttempt(job.id, 2);
    jobs.markApplied(job.id, 2, '*A2');
    expect(jobs.complete(job.id).status).toBe('completed');
    expect(jobs.listResumable()).toEqual([]);
    expect(jobs.rows(job.id).map((r) => [r.rowNo, r.state, r.rosId])).toEqual([[1, 'applied', '*A1'], [2, 'applied', '*A2'], [3, 'skipped', '*A3'], [4, 'applied', '*A4']]);
    expect(() => jobs.markAttempt(job.id, 1)).toThrow(expect.objectContaining({ code: 'IMPORT_JOB_STATE' }));
  });

  it('cancels: pending rows become skipped, the job is no longer offered', () => {
    const jobs = new ImportJobsRepository(t.db);
    const job = jobs.create(routerId, 'wg0', csv);
    jobs.markApplied(job.id, 1, '*1');
    expect(jobs.cancel(job.id).status).toBe('cancelled');
    expect(jobs.summary(job.id).counts).toEqual({ pending: 0, applied: 1, failed: 0, skipped: 3 });
    expect(jobs.listResumable()).toEqual([]);
  });

  it('never writes secrets from the CSV to the file', () => {
    new ImportJobsRepository(t.db).create(routerId, 'wg0', csv);
    expect(t.db.prepare("SELECT count(*) FROM import_job_rows WHERE payload_json LIKE '%PSK-IN-CLEAR%'").pluck().get()).toBe(0);
  });

  it('explains unknown jobs, rows and routers', () => {
    const jobs = new ImportJobsRepository(t.db);
    expect(() => jobs.summary('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => jobs.create('ghost', 'wg0', csv)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const job = jobs.create(routerId, 'wg0', csv);
    expect(() => jobs.markAttempt(job.id, 99)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
