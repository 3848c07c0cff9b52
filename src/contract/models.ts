// Data shapes that cross IPC. Zod strips unknown keys on parse, so a handler's output is parsed before it
// leaves main: a field that is not in these schemas (a password, a private key) can never leak by accident.
import { z } from 'zod';
import { withoutControlCharacters } from './fields.ts';

const HOST_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]+(%[\w.-]+)?$/;

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'Enter the router address: an IP address or a host name.')
  .max(253, 'The router address is too long (253 characters at most).')
  .refine((h) => IPV4.test(h) || (h.includes(':') && IPV6.test(h)) || (HOST_NAME.test(h) && !/^[\d.]+$/.test(h)), {
    message: 'The router address must be an IPv4 address (192.168.88.1), an IPv6 address or a host name (router.example.com).',
  });

export const portSchema = z
  .number({ message: 'The API port must be a number.' })
  .int('The API port must be a whole number.')
  .min(1, 'The API port must be from 1 to 65535.')
  .max(65535, 'The API port must be from 1 to 65535.');

export const transportSchema = z.enum(['api', 'api-ssl']);
export type Transport = z.infer<typeof transportSchema>;

export const routerIdSchema = z.string().min(1).max(64);

export const fingerprintSchema = z
  .string()
  .max(128, 'A certificate fingerprint is at most 128 characters: 32 hex bytes separated by colons.')
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'A certificate fingerprint is 32 hex bytes separated by colons.');

export const routerProfileSchema = z.object({
  id: routerIdSchema,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  transport: transportSchema,
  username: z.string(),
  tlsFingerprint: z.string().nullable(),
  allowAnonymousTls: z.boolean(),
  identity: z.string().nullable(),
  version: z.string().nullable(),
  board: z.string().nullable(),
  isDemo: z.boolean(),
});
export type RouterProfile = z.infer<typeof routerProfileSchema>;

const nameSchema = withoutControlCharacters(
  z
    .string()
    .trim()
    .min(1, 'Give the router a name, for example the customer or site.')
    .max(64, 'The router name is too long (64 characters at most).'),
);

const usernameSchema = withoutControlCharacters(
  z
    .string()
    .trim()
    .min(1, 'Enter the RouterOS user name (for example admin).')
    .max(64, 'The user name is too long (64 characters at most).'),
);

const passwordSchema = z.string().max(256, 'The password is too long (256 characters at most).');

/** What the add-router form sends. The password goes to the keychain and nowhere else. */
export const routerDraftSchema = z.object({
  name: nameSchema,
  host: hostSchema,
  port: portSchema,
  transport: transportSchema,
  username: usernameSchema,
  password: passwordSchema,
  /** Fingerprint the user accepted in this form, pinned on save. */
  tlsFingerprint: fingerprintSchema.nullable().default(null),
  allowAnonymousTls: z.boolean().default(false),
});
export type RouterDraft = z.infer<typeof routerDraftSchema>;

export const routerUpdateSchema = z.object({
  id: routerIdSchema,
  name: nameSchema.optional(),
  host: hostSchema.optional(),
  port: portSchema.optional(),
  transport: transportSchema.optional(),
  username: usernameSchema.optional(),
  /** Omitted or null: keep the stored password. */
  password: passwordSchema.nullable().optional(),
  tlsFingerprint: fingerprintSchema.nullable().optional(),
  allowAnonymousTls: z.boolean().optional(),
});
export type RouterUpdate = z.infer<typeof routerUpdateSchema>;

export const connectionTestSchema = z.object({
  identity: z.string(),
  version: z.string(),
  board: z.string(),
  tls: z
    .object({ fingerprint: z.string().nullable(), authenticated: z.boolean() })
    .nullable(),
  warnings: z.array(z.string()),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const CONNECTION_STATES = [
  'idle',
  'connecting',
  'online',
  'offline',
  'auth-failed',
  'certificate-mismatch',
  'certificate-untrusted',
  'unsupported',
  'keychain-unavailable',
] as const;
export const connectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const routerStatusSchema = z.object({
  routerId: routerIdSchema,
  state: connectionStateSchema,
  /** Human sentence for the current state, e.g. the reason it is offline. */
  message: z.string().nullable(),
  since: z.number(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number() }).nullable(),
  nextRetryAt: z.number().nullable(),
  lastSeenAt: z.number().nullable(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RouterStatus = z.infer<typeof routerStatusSchema>;

export const routerSummarySchema = z.object({ profile: routerProfileSchema, status: routerStatusSchema });
export type RouterSummary = z.infer<typeof routerSummarySchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const languageSchema = z.enum(['en', 'tr']);

export const settingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  pollIntervalSec: z.number().int().min(2, 'Poll every 2 seconds at the most often.').max(300, 'Poll at least every 300 seconds.'),
  onlineThresholdSec: z
    .number()
    .int()
    .min(30, 'The online threshold must be at least 30 seconds.')
    .max(3600, 'The online threshold must be at most 3600 seconds.'),
  notifications: z.boolean(),
  /** Experienced users may apply single-peer changes without the preview step; every other change is previewed. */
  skipPreviewForSinglePeer: z.boolean(),
  /** How long the router waits before undoing a change by itself when WireDesk cannot confirm it. */
  rollbackDelaySec: z
    .number()
    .int()
    .min(10, 'Give the router at least 10 seconds before it undoes a change: confirming takes a few.')
    .max(900, 'Undo after at most 900 seconds (15 minutes).'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'en',
  pollIntervalSec: 5,
  onlineThresholdSec: 180,
  notifications: true,
  skipPreviewForSinglePeer: false,
  rollbackDelaySec: 60,
};

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  keychain: z.object({ ok: z.boolean(), message: z.string().nullable() }),
  dataDirectory: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
