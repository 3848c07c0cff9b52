// Display formatting for the renderer. Local because src/domain has no byte/rate formatters yet and its
// formatAge() speaks English only; these take the UI language. Pure: no React, no DOM, easy to test.

import type { TFunction } from 'i18next';

/** i18next's t(); a type-only import, so this file stays free of runtime dependencies. */
export type Translate = TFunction;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}|${minimumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits, minimumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** 12345 -> "12,345" (en) or "12.345" (tr). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}

/** Fixed decimals, localised separator: formatDecimal(12.345, 'tr', 1) -> "12,3". */
export function formatDecimal(value: number, locale: string, digits: number): string {
  return numberFormat(locale, digits, digits).format(value);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Binary units as RouterOS and WinBox show traffic counters: 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${formatDecimal(value, locale, digits)} ${BYTE_UNITS[unit]}`;
}

const BIT_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'] as const;

/**
 * Link rates in bits per second with decimal prefixes, the way WinBox and every ISP contract state them:
 * 1_250_000 bytes/s -> "10.0 Mbps".
 */
export function formatBitRate(bytesPerSecond: number, locale: string): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '–';
  let value = bytesPerSecond * 8;
  let unit = 0;
  while (value >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${formatDecimal(value, locale, digits)} ${BIT_UNITS[unit]}`;
}

/** "42 s ago", "3 min ago", "2 h 5 min ago", "3 days ago"; "just now" under 5 s; never negative. */
export function formatAge(ms: number, t: Translate): string {
  const seconds = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000);
  if (seconds < 5) return t('age.justNow');
  if (seconds < 60) return t('age.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? t('age.hours', { count: hours }) : t('age.hoursMinutes', { hours, minutes: minutes % 60 });
  const days = Math.floor(hours / 24);
  return t('age.days', { count: days });
}

/** Uptime as the largest three units: "12d 4h 31m", "4h 31m 7s", "52s". */
export function formatUptime(ms: number, t: Translate): string {
  let rest = Math.floor(Math.max(0, ms) / 1000);
  const parts: Array<[number, string]> = [];
  const units: Array<[number, string]> = [
    [86_400, 'units.day'],
    [3_600, 'units.hour'],
    [60, 'units.minute'],
    [1, 'units.second'],
  ];
  for (const [size, key] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (parts.length > 0 && parts.length < 3)) parts.push([count, key]);
  }
  if (parts.length === 0) parts.push([0, 'units.second']);
  return parts
    .slice(0, 3)
    .map(([count, key]) => t(key, { count }))
    .join(' ');
}

/** Clock time for "seen at" labels: "14:05:09". */
export function formatClock(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** Date and time for cache banners older than today: "12 Mar 14:05". */
export function formatDateTime(at: number, locale: string, now: number): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  if (sameDay) return formatClock(at, locale);
  return date.toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** "Kx7n…Q2aU=" style shortening for keys in tables; the full value stays in the title and the copy button. */
export function shortenKey(key: string, head = 8, tail = 6): string {
  if (key.length <= head + tail + 1) return key;
  return `${key.slice(0, head)}…${key.slice(-tail)}`;
}

/**
 * Certificate fingerprints in the contract's form (upper-case hex pairs joined by colons). Accepts plain
 * hex or colon/space separated input; returns null when it is not a SHA-256 fingerprint.
 */
export function normalizeFingerprint(raw: string): string | null {
  const hex = raw.trim().replace(/[:\s-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}
