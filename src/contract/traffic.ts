// Traffic history, peer quality and status events. Rates are bits per second; a null rate means "not
// measured" (router unreachable or WireDesk not running) and charts must draw a gap there, never zero.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';
import { withoutControlCharacters } from './fields.ts';

export const HISTORY_RANGE_VALUES = ['15m', '24h', '7d', '30d', '1y'] as const;
export const historyRangeSchema = z.enum(HISTORY_RANGE_VALUES);
export type HistoryRangeValue = z.infer<typeof historyRangeSchema>;

const interfaceName = withoutControlCharacters(z.string().min(1, 'Choose a WireGuard interface.').max(64, 'The interface name is too long (64 characters at most).'));
const publicKey = z.string().max(44, 'A WireGuard public key is 44 base64 characters ending in "=".').regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'A WireGuard public key is 44 base64 characters ending in "=".');

export const seriesRequestSchema = z.object({
  routerId: routerIdSchema,
  interface: interfaceName,
  /** Omitted: the interface's total (sum of its peers). */
  publicKey: publicKey.optional(),
  range: historyRangeSchema,
});

export const ratePointSchema = z.object({ t: z.number(), rx: z.number().nullable(), tx: z.number().nullable() });
export type RatePointData = z.infer<typeof ratePointSchema>;

export const rateSeriesSchema = z.object({
  resolution: z.enum(['raw', 'minute', 'hour']),
  stepMs: z.number().nullable(),
  from: z.number(),
  to: z.number(),
  points: z.array(ratePointSchema),
  /** Bytes moved in the range and how much of it was actually measured. */
  totals: z.object({ rx: z.number(), tx: z.number(), coveredMs: z.number() }),
});
export type RateSeriesData = z.infer<typeof rateSeriesSchema>;

export const peerUsageSchema = z.object({
  interface: z.string(),
  publicKey: z.string(),
  name: z.string(),
  comment: z.string(),
  rx: z.number(),
  tx: z.number(),
  total: z.number(),
});
export type PeerUsageData = z.infer<typeof peerUsageSchema>;

export const topTalkersRequestSchema = z.object({
  routerId: routerIdSchema,
  range: historyRangeSchema,
  limit: z.number().int().min(1).max(100).default(10),
  interface: interfaceName.optional(),
});

export const usageCsvRequestSchema = z.object({
  routerId: routerIdSchema,
  range: historyRangeSchema,
  delimiter: z.enum([',', ';']).default(','),
});
export const csvFileSchema = z.object({ fileName: z.string(), csv: z.string() });

export const monitorEventSchema = z.object({
  kind: z.enum(['peer', 'router']),
  routerId: routerIdSchema,
  interface: z.string().nullable(),
  publicKey: z.string().nullable(),
  name: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  at: z.number(),
  detail: z.string().nullable(),
});
export type MonitorEventData = z.infer<typeof monitorEventSchema>;

export const eventsRequestSchema = z.object({ routerId: routerIdSchema, limit: z.number().int().min(1).max(1000).default(100) });

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const pingRequestSchema = z.object({
  routerId: routerIdSchema,
  address: z
    .string()
    .trim()
    .max(64, 'An address to ping is at most 64 characters, like the peer\'s tunnel address 10.10.0.3.')
    .refine((a) => IPV4.test(a) || /^[0-9a-fA-F:]+$/.test(a), 'Ping needs an IP address, e.g. the peer\'s tunnel address 10.10.0.3.'),
  count: z.number().int().min(1, 'Send at least 1 ping.').max(20, 'Send at most 20 pings at a time.').default(5),
});

export const pingResultSchema = z.object({
  address: z.string(),
  sent: z.number(),
  received: z.number(),
  lossPercent: z.number(),
  minMs: z.number().nullable(),
  avgMs: z.number().nullable(),
  maxMs: z.number().nullable(),
  replies: z.array(z.object({ seq: z.number(), timeMs: z.number().nullable(), status: z.string().nullable() })),
});
export type PingResult = z.infer<typeof pingResultSchema>;

export const watchRequestSchema = z.object({ routerId: routerIdSchema, interface: interfaceName, publicKey, watched: z.boolean() });
export const watchedListSchema = z.object({ peers: z.array(z.object({ interface: z.string(), publicKey: z.string() })) });

export const trafficContract = {
  'traffic:series': { input: seriesRequestSchema, output: rateSeriesSchema },
  'traffic:topTalkers': { input: topTalkersRequestSchema, output: z.array(peerUsageSchema) },
  'traffic:usageCsv': { input: usageCsvRequestSchema, output: csvFileSchema },
  'traffic:events': { input: eventsRequestSchema, output: z.array(monitorEventSchema.extend({ id: z.number() })) },
  'peers:ping': { input: pingRequestSchema, output: pingResultSchema },
  'monitor:setWatched': { input: watchRequestSchema, output: watchedListSchema },
  'monitor:watched': { input: z.object({ routerId: routerIdSchema }), output: watchedListSchema },
} as const;

export const trafficEventContract = {
  'monitor:event': monitorEventSchema,
} as const;
