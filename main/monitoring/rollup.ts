// Closed minutes and hours are summed into their rollup tier, then what is older than its retention goes.
// Runs inside the poll's transaction when a poll crosses a minute, so rollups equal the sum of their
// samples at every commit (integer SUM, nothing estimated) and a crash never leaves a bucket half-rolled.
// Raw rows and minute rows are only deleted once rolled up, whatever the retention says.
import type { Database as Db, Statement } from 'better-sqlite3';
import { transaction } from '../store/db.ts';
import { DEFAULT_RETENTION, HOUR_MS, MINUTE_MS, floorTo, type RetentionPolicy } from './tiers.ts';

interface Watermarks {
  rolled_minute: number;
  rolled_hour: number;
}

interface Range {
  rid: number;
  a: number;
  b: number;
}

interface Statements {
  watermarks: Statement<[number], Watermarks>;
  setMinute: Statement<[number, number]>;
  setHour: Statement<[number, number]>;
  /** [a, b) in ms */
  minuteBytes: Statement<[Range]>;
  minuteCover: Statement<[Range]>;
  /** [a, b) in minutes since the epoch */
  hourBytes: Statement<[Range]>;
  hourCover: Statement<[Range]>;
  /** rid, before */
  dropRaw: Statement<[number, number]>;
  dropPolls: Statement<[number, number]>;
  dropMinutes: Statement<[number, number]>;
  dropMinuteCover: Statement<[number, number]>;
  dropHours: Statement<[number, number]>;
  dropHourCover: Statement<[number, number]>;
  dropEvents: Statement<[number, number]>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  const add = 'DO UPDATE SET rx = rx + excluded.rx, tx = tx + excluded.tx';
  s = {
    watermarks: db.prepare('SELECT rolled_minute, rolled_hour FROM mon_routers WHERE rid = ?'),
    setMinute: db.prepare('UPDATE mon_routers SET rolled_minute = ? WHERE rid = ?'),
    setHour: db.prepare('UPDATE mon_routers SET rolled_hour = ? WHERE rid = ?'),
    // Upserts, not inserts: the watermark already guarantees each row is rolled once, and adding keeps
    // the sum right even if a bucket were ever rolled in two parts.
    minuteBytes: db.prepare(`INSERT INTO mon_minute (sid, minute, rx, tx)
      SELECT sid, t / ${MINUTE_MS}, sum(rx), sum(tx) FROM mon_raw WHERE rid = @rid AND t >= @a AND t < @b
      GROUP BY sid, t / ${MINUTE_MS} ON CONFLICT (sid, minute) ${add}`),
    minuteCover: db.prepare(`INSERT INTO mon_cover_minute (rid, minute, ms)
      SELECT @rid, t / ${MINUTE_MS}, sum(ms) FROM mon_polls WHERE rid = @rid AND t >= @a AND t < @b
      GROUP BY t / ${MINUTE_MS} ON CONFLICT (rid, minute) DO UPDATE SET ms = ms + excluded.ms`),
    hourBytes: db.prepare(`INSERT INTO mon_hour (sid, hour, rx, tx)
      SELECT m.sid, m.minute / 60, sum(m.rx), sum(m.tx)
      FROM mon_series s JOIN mon_minute m ON m.sid = s.sid AND m.minute >= @a AND m.minute < @b
      WHERE s.rid = @rid GROUP BY m.sid, m.minute / 60 ON CONFLICT (sid, hour) ${add}`),
    hourCover: db.prepare(`INSERT INTO mon_cover_hour (rid, hour, ms)
      SELECT @rid, minute / 60, sum(ms) FROM mon_cover_minute WHERE rid = @rid AND minute >= @a AND minute < @b
      GROUP BY minute / 60 ON CONFLICT (rid, hour) DO UPDATE SET ms = ms + excluded.ms`),
    dropRaw: db.prepare('DELETE FROM mon_raw WHERE rid = ? AND t < ?'),
    dropPolls: db.prepare('DELETE FROM mon_polls WHERE rid = ? AND t < ?'),
    dropMinutes: db.prepare('DELETE FROM mon_minute WHERE sid IN (SELECT sid FROM mon_series WHERE rid = ?) AND minute < ?'),
    dropMinuteCover: db.prepare('DELETE FROM mon_cover_minute WHERE rid = ? AND minute < ?'),
    dropHours: db.prepare('DELETE FROM mon_hour WHERE sid IN (SELECT sid FROM mon_series WHERE rid = ?) AND hour < ?'),
    dropHourCover: db.prepare('DELETE FROM mon_cover_hour WHERE rid = ? AND hour < ?'),
    dropEvents: db.prepare('DELETE FROM mon_events WHERE rid = ? AND at < ?'),
  };
  cache.set(db, s);
  return s;
}

/**
 * Rolls up every bucket of this router that closed before `now` and applies retention. Cheap when
 * nothing closed (one indexed read). Call inside a write transaction.
 */
export function rollUp(db: Db, rid: number, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): void {
  const s = statements(db);
  const w = s.watermarks.get(rid);
  if (!w) return;

  const minuteEnd = floorTo(now, MINUTE_MS);
  if (w.rolled_minute < minuteEnd) {
    const minutes = { rid, a: w.rolled_minute, b: minuteEnd };
    s.minuteBytes.run(minutes);
    s.minuteCover.run(minutes);
    // Each minute deletes about a minute of raw rows, so no single poll pays for an hour of deletes.
    const rawCut = Math.min(now - policy.rawMs, minuteEnd);
    s.dropRaw.run(rid, rawCut);
    s.dropPolls.run(rid, rawCut);
    s.setMinute.run(minuteEnd, rid);
  }

  const hourEnd = floorTo(now, HOUR_MS);
  if (w.rolled_hour < hourEnd) {
    const hours = { rid, a: w.rolled_hour / MINUTE_MS, b: hourEnd / MINUTE_MS };
    s.hourBytes.run(hours);
    s.hourCover.run(hours);
    const minuteCut = Math.floor(Math.min(now - policy.minuteMs, hourEnd) / MINUTE_MS);
    s.dropMinutes.run(rid, minuteCut);
    s.dropMinuteCover.run(rid, minuteCut);
    const hourCut = Math.floor((now - policy.hourMs) / HOUR_MS);
    s.dropHours.run(rid, hourCut);
    s.dropHourCover.run(rid, hourCut);
    s.dropEvents.run(rid, now - policy.eventsMs);
    s.setHour.run(hourEnd, rid);
  }
}

/**
 * Rollup and retention for every router, polled or not: for routers no poller runs for (the app open
 * without them), so their history still ages out. Safe next to running pollers: a poll never records
 * an interval that starts before a router's watermark.
 */
export function maintain(db: Db, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): void {
  const rids = db.prepare<[], number>('SELECT rid FROM mon_routers').pluck().all();
  for (const rid of rids) transaction(db, () => rollUp(db, rid, now, policy));
}
