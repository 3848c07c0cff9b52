// Read models for WireGuard interfaces, peers and router health as the UI shows them.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';

/** The parts of a router WireDesk reads; one that the router refused is unknown, the others still show. */
export const ROUTER_PARTS = ['interfaces', 'peers', 'addresses', 'addresses6', 'dynamic', 'firewall', 'cloud', 'routes', 'clock', 'ntp', 'nat', 'interfaceLists'] as const;
export const routerPartSchema = z.enum(ROUTER_PARTS);
export type RouterPart = z.infer<typeof routerPartSchema>;

export const unknownPartSchema = z.object({
  part: routerPartSchema,
  /** REFUSED: the router answered with an error (a missing policy, a menu it lacks); FAILED: the read timed out. */
  code: z.enum(['REFUSED', 'FAILED']),
  /** The router's own words (`not enough permissions (9)`) or what went wrong: a parameter for the message. */
  message: z.string(),
  /** The print that failed, e.g. /ip/firewall/filter/print. */
  command: z.string(),
});
export type UnknownPart = z.infer<typeof unknownPartSchema>;

export const dataSourceSchema = z.object({
  /** 'live': the router as WireDesk follows it now; 'cache': last-known copy (the router is unreachable). */
  source: z.enum(['live', 'cache']),
  /** When the router was last read (ms since epoch). */
  seenAt: z.number().nullable(),
  /** Parts of the router that could not be read; everything else in the answer is current. */
  unknown: z.array(unknownPartSchema),
});

/** What changed in a router's model, so a screen re-reads only what it shows. */
export const MODEL_CHANGES = ['interfaces', 'peers', 'addresses', 'firewall', 'cloud', 'routes', 'status', 'counters', 'source', 'parts'] as const;
export const modelChangedSchema = z.object({ routerId: routerIdSchema, changes: z.array(z.enum(MODEL_CHANGES)) });
export type ModelChanged = z.infer<typeof modelChangedSchema>;

export const wgInterfaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  running: z.boolean(),
  disabled: z.boolean(),
  listenPort: z.number().int(),
  mtu: z.number().int(),
  publicKey: z.string(),
  comment: z.string(),
  /** CIDRs from /ip/address on this interface. */
  addresses: z.array(z.string()),
  /** Made by the router itself (Back To Home): read-only. */
  dynamic: z.boolean(),
  peerCount: z.number().int(),
  onlinePeerCount: z.number().int(),
  /**
   * Whether the input firewall lets new UDP packets to the listen port in: `closed` names the rule that drops
   * them first (interfaces:openPort adds an accept before it); `unknown` when the firewall could not be read.
   */
  firewall: z.object({
    state: z.enum(['open', 'closed', 'unknown']),
    blockedBy: z.object({ id: z.string(), action: z.string(), comment: z.string() }).nullable(),
  }),
});
export type WgInterface = z.infer<typeof wgInterfaceSchema>;

export const peerStatusSchema = z.enum(['online', 'offline', 'never-connected', 'disabled']);
export type PeerStatusValue = z.infer<typeof peerStatusSchema>;

export const wgPeerSchema = z.object({
  id: z.string(),
  interface: z.string(),
  name: z.string(),
  comment: z.string(),
  publicKey: z.string(),
  allowedAddress: z.array(z.string()),
  endpoint: z.string().nullable(),
  currentEndpoint: z.string().nullable(),
  /** Age of the last handshake in ms when read; null when the peer never completed one. */
  lastHandshakeMs: z.number().nullable(),
  persistentKeepaliveSec: z.number().nullable(),
  rx: z.number(),
  tx: z.number(),
  disabled: z.boolean(),
  dynamic: z.boolean(),
  status: peerStatusSchema,
});
export type WgPeer = z.infer<typeof wgPeerSchema>;

export const routerHealthSchema = z.object({
  identity: z.string(),
  version: z.string(),
  board: z.string(),
  architecture: z.string(),
  cpuLoad: z.number(),
  cpuCount: z.number(),
  freeMemory: z.number(),
  totalMemory: z.number(),
  uptimeMs: z.number(),
  readAt: z.number(),
});
export type RouterHealth = z.infer<typeof routerHealthSchema>;

export const byRouterSchema = z.object({ routerId: routerIdSchema });

export const interfaceListSchema = dataSourceSchema.extend({ rows: z.array(wgInterfaceSchema) });
export const peerListSchema = dataSourceSchema.extend({ rows: z.array(wgPeerSchema) });

/**
 * The live counters of every peer, column by column (the i-th entry of each array is the i-th id): what a
 * poll changes when nothing else did (model:changed 'counters'). A screen that shows the peer table merges
 * them into its rows instead of reading the whole listing again; columns of numbers cost a fraction of
 * 10,000 row objects to check and to send.
 */
export const peerCountersSchema = z.object({
  source: z.enum(['live', 'cache']),
  seenAt: z.number().nullable(),
  ids: z.array(z.string()),
  rx: z.array(z.number()),
  tx: z.array(z.number()),
  lastHandshakeMs: z.array(z.number().nullable()),
  currentEndpoint: z.array(z.string().nullable()),
});
export type PeerCounters = z.infer<typeof peerCountersSchema>;

/** A network on the router the technician may route through the tunnel (split tunnel, site-to-site). */
export const lanOptionSchema = z.object({
  /** 192.168.88.0/24 */
  network: z.string(),
  /** The router's own address there: 192.168.88.1/24 */
  address: z.string(),
  interface: z.string(),
  comment: z.string(),
  /** A private range (RFC 1918 / ULA): usually a LAN. Public ones are usually the uplink. */
  private: z.boolean(),
});
export type LanOption = z.infer<typeof lanOptionSchema>;
