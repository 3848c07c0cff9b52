// Read models for WireGuard interfaces, peers and router health as the UI shows them.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';

export const dataSourceSchema = z.object({
  /** 'live': read from the router just now; 'cache': last-known copy from the local database (offline). */
  source: z.enum(['live', 'cache']),
  /** When these rows were read from the router (ms since epoch). */
  seenAt: z.number().nullable(),
});

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
