// /ping from the router: reachability of a peer's tunnel address as seen by the router itself.
// Without `count` RouterOS pings forever, so a count is always sent.
import type { CommandOptions } from '../client.ts';
import type { Row } from '../rows.ts';
import { duration, int, optionalText, type MenuClient } from './values.ts';

export interface PingOptions extends CommandOptions {
  address: string;
  count: number;
  /** Milliseconds between probes (RouterOS default 1 s). */
  intervalMs?: number;
  interface?: string;
  size?: number;
}

export interface PingReply {
  seq: number;
  host: string | undefined;
  size: number | undefined;
  ttl: number | undefined;
  /** Round trip in ms (fractional: `21ms768us` is 21.768); undefined on loss. */
  timeMs: number | undefined;
  /** `timeout` and similar when the probe failed. */
  status: string | undefined;
}

export interface PingSummary {
  sent: number;
  received: number;
  packetLossPercent: number;
  minRttMs: number | undefined;
  avgRttMs: number | undefined;
  maxRttMs: number | undefined;
  replies: PingReply[];
}

function toReply(row: Row): PingReply {
  const optionalInt = (key: string): number | undefined => (row[key] === undefined ? undefined : int(row, key));
  return {
    seq: int(row, 'seq'),
    host: optionalText(row, 'host'),
    size: optionalInt('size'),
    ttl: optionalInt('ttl'),
    timeMs: duration(row, 'time'),
    status: optionalText(row, 'status'),
  };
}

export async function ping(client: MenuClient, options: PingOptions): Promise<PingSummary> {
  if (!(options.count >= 1)) throw new RangeError('ping needs a count of at least 1 (without one RouterOS never stops)');
  const { rows } = await client.call(
    '/ping',
    {
      address: options.address,
      count: options.count,
      interval: options.intervalMs === undefined ? undefined : `${options.intervalMs}ms`,
      interface: options.interface,
      size: options.size,
    },
    options,
  );
  // Every row carries running totals; the last one holds the final statistics.
  const last = rows.at(-1) ?? {};
  return {
    sent: int(last, 'sent'),
    received: int(last, 'received'),
    packetLossPercent: int(last, 'packet-loss'),
    minRttMs: duration(last, 'min-rtt'),
    avgRttMs: duration(last, 'avg-rtt'),
    maxRttMs: duration(last, 'max-rtt'),
    replies: rows.map(toReply),
  };
}
