// Numbers as technicians read them. Sizes use binary units (what RouterOS and most tools show
// for byte counts); link rates use decimal bits per second (what ISPs sell and speed tests show).

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
const RATE_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'] as const;

function scaled(value: number, base: number, units: readonly string[]): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Expected a non-negative finite number; got ${value}`);
  let unit = 0;
  let v = value;
  while (v >= base && unit < units.length - 1) {
    v /= base;
    unit++;
  }
  // One decimal once scaled; whole counts of the base unit ("512 B") have no fraction to show.
  // Rounding can reach the base ("1023.96 KiB" -> "1024.0 KiB"); step up instead.
  const shown = unit === 0 ? Math.round(v) : Number(v.toFixed(1));
  if (shown >= base && unit < units.length - 1) {
    v /= base;
    unit++;
  }
  return unit === 0 ? `${Math.round(v)} ${units[0]}` : `${v.toFixed(1)} ${units[unit]}`;
}

/** 0 -> "0 B", 1536 -> "1.5 KiB", 5 GiB -> "5.0 GiB". Accepts BigInt counters. */
export function formatBytes(bytes: number | bigint): string {
  return scaled(Number(bytes), 1024, BYTE_UNITS);
}

/** Bits per second: 950 -> "950 bit/s", 12_300_000 -> "12.3 Mbit/s". */
export function formatRate(bitsPerSecond: number): string {
  return scaled(bitsPerSecond, 1000, RATE_UNITS);
}

/**
 * Uptime for a human, the two largest units: "42 s", "5 min 3 s", "4 h 40 min", "6 d 4 h".
 * Days rather than weeks: "625 d" is read at a glance, "89 w 2 d" is not.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Duration must be a non-negative finite number of milliseconds; got ${ms}`);
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pair = (a: number, unitA: string, b: number, unitB: string): string => (b > 0 ? `${a} ${unitA} ${b} ${unitB}` : `${a} ${unitA}`);
  if (days > 0) return pair(days, 'd', hours, 'h');
  if (hours > 0) return pair(hours, 'h', minutes, 'min');
  if (minutes > 0) return pair(minutes, 'min', seconds, 's');
  return `${seconds} s`;
}
