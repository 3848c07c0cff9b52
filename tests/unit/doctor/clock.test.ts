// The router's clock against this computer's: its wall time is local time, so the zone's offset is taken off
// first (from the TZ database name, or gmt-offset as routers before 7.15 print it); without either, only a
// difference no time zone explains counts.
import { describe, expect, it } from 'vitest';
import { clockSkew } from '../../../main/services/doctor/diagnose.ts';
import { toClockReading } from '../../../main/routeros/menus/system-scheduler.ts';

const NOW = Date.UTC(2026, 11, 3, 9, 30, 0);
const HOUR = 3600_000;
/** `/system/clock/print` as a router whose local time is `NOW + localOffset` prints it. */
function clock(localOffset: number, extra: Record<string, string>) {
  const wall = new Date(NOW + localOffset).toISOString();
  return toClockReading({ date: wall.slice(0, 10), time: wall.slice(11, 19), ...extra }, NOW);
}

describe("the router's clock", () => {
  it('is right in its own time zone, by name or by printed offset', () => {
    expect(clockSkew(clock(3 * HOUR, { 'time-zone-name': 'Europe/Istanbul' }))).toBeNull();
    expect(clockSkew(clock(3 * HOUR, { 'time-zone-name': 'manual', 'gmt-offset': '+03:00' }))).toBeNull();
    expect(clockSkew(clock(-5 * HOUR, { 'time-zone-name': 'America/New_York' }))).toBeNull();
  });

  it('is wrong by what is left once the zone is taken off', () => {
    expect(clockSkew(clock(4 * HOUR, { 'time-zone-name': 'Europe/Istanbul' }))).toBe(HOUR);
    expect(clockSkew(clock(-2 * HOUR, { 'time-zone-name': 'manual', 'gmt-offset': '+00:00' }))).toBe(-2 * HOUR);
  });

  it('without a known offset, counts only what no time zone explains', () => {
    expect(clockSkew(clock(9 * HOUR, { 'time-zone-name': 'manual' }))).toBeNull();
    const booted = toClockReading({ date: 'jan/02/1970', time: '00:04:10', 'time-zone-name': 'manual' }, NOW)!;
    expect(clockSkew(booted)).toBe(Date.UTC(1970, 0, 2, 0, 4, 10) - NOW);
  });

  it('is not judged when the zone name is one this computer does not know and no offset is printed', () => {
    expect(clockSkew(clock(9 * HOUR, { 'time-zone-name': 'Mars/Olympus_Mons' }))).toBeNull();
  });
});
