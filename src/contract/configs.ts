// Contract for client configs rebuilt from WireDesk's key custody, endpoint suggestions, and site-to-site links
// between two routers managed in WireDesk.
// Secrets: `configs:get` (text, qrDataUrl) and `configs:export` (base64) carry a peer's private key (and
// preshared key) because the technician asked for exactly that config. No list, event or other output does;
// the renderer must not keep them beyond showing or saving them.
// Failures that mean "no config can be made" are errors whose details.reason is a ConfigProblem.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';
import { rosIdSchema } from './management.ts';
import { planIdSchema } from './changes.ts';
import { sitesInputSchema } from './site-input.ts';
import { lanOptionSchema } from './wireguard.ts';
import { addressListSchema, dnsListSchema, endpointTextSchema, wgInterfaceNameSchema } from './fields.ts';

const ifaceName = wgInterfaceNameSchema;

const addressList = addressListSchema('Enter addresses as text like 192.168.88.0/24 (several separated by commas).');

/** Why a config cannot be made; in `details.reason` of the error. */
export const CONFIG_PROBLEMS = [
  /** WireDesk never had the private key (peer made in WinBox, or by the device itself). */
  'NO_PRIVATE_KEY',
  /** WireDesk made the key but showed it once and did not keep it, as chosen. */
  'KEY_SHOWN_ONCE',
  /** The kept key does not belong to the peer's public key any more (changed outside WireDesk). */
  'KEY_MISMATCH',
  /** The router hides preshared keys from the user WireDesk logs in as (no 'sensitive' policy). */
  'PSK_HIDDEN',
  /** The peer has a preshared key, which only the router holds, and the router is unreachable now. */
  'PSK_NEEDS_ROUTER',
  /** The peer has no single-host allowed address to give the device. */
  'NO_CLIENT_ADDRESS',
  /** No endpoint is remembered or given, and the router suggests none. */
  'NO_ENDPOINT',
  /** Split tunnel needs the interface's subnet, and the interface has no address. */
  'NO_TUNNEL_SUBNET',
  'DYNAMIC_PEER',
  'INVALID_CONFIG',
] as const;
export const configProblemSchema = z.enum(CONFIG_PROBLEMS);
export type ConfigProblem = z.infer<typeof configProblemSchema>;

export const configWarningSchema = z.object({
  code: z.enum([
    'PRIVATE_ENDPOINT',
    'ENDPOINT_NOT_SAVED',
    'DDNS_OFF',
    'BEHIND_NAT',
    'NO_ENDPOINT',
    'NO_DNS',
    'QR_TOO_LONG',
    'PEER_DISABLED',
    'INTERFACE_DISABLED',
    'FIREWALL_CLOSED',
    'NO_ADDRESS',
    'ROUTE_EXISTS',
    'OFFLINE_COPY',
  ]),
  /** What is wrong and what to do, for people. */
  message: z.string(),
});
export type ConfigWarning = z.infer<typeof configWarningSchema>;

export const endpointSourceSchema = z.enum(['remembered', 'ddns', 'public-address']);

export const endpointSuggestionSchema = z.object({
  /** null when the router offers nothing: ask the technician for the public address. */
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  source: endpointSourceSchema.nullable(),
  warnings: z.array(configWarningSchema),
});
export type EndpointSuggestion = z.infer<typeof endpointSuggestionSchema>;


const presetSchema = z.enum(['full', 'split'], { message: 'Choose full tunnel or split tunnel.' });

const configOptions = z.object({
  /**
   * full: everything through the tunnel; split: the tunnel subnet plus `lans`. Omitted: what the technician chose
   * for the peer's interface (its remembered client routes, clientRoutes:get), else full.
   */
  preset: presetSchema.optional(),
  /** Split tunnel: networks behind the router, e.g. from `lanOptions`. */
  lans: addressList.optional(),
  /** Overrides the peer's client DNS; [] or '' for none. */
  dns: dnsListSchema.optional(),
  /** host or host:port; host alone uses the interface's listen port. Default: remembered, else suggested. */
  endpoint: endpointTextSchema.min(1, 'Enter the host clients dial, like vpn.example.com:13231.').optional(),
  mtu: z.number().int('The MTU must be a whole number.').min(1280, 'The MTU must be at least 1280; 1420 suits most links.').max(65535).optional(),
  keepaliveSec: z
    .number()
    .int('Keepalive must be a whole number of seconds.')
    .min(0, 'Keepalive is 0 (off) or up to 65535 seconds; 25 suits phones behind NAT.')
    .max(65535, 'Keepalive is 0 (off) or up to 65535 seconds; 25 suits phones behind NAT.')
    .default(25),
});

const usedEndpoint = z.object({
  host: z.string(),
  port: z.number().int(),
  /** request: given in this call; peer: the peer's client-endpoint on the router. */
  source: z.enum(['request', 'remembered', 'peer', 'ddns', 'public-address']),
});

const EXPORT_KINDS = ['conf', 'zip', 'pdf', 'png', 'svg'] as const;
const SINGLE_KINDS: readonly string[] = ['conf', 'png', 'svg'];

const exportInput = configOptions
  .extend({
    routerId: routerIdSchema,
    peerIds: z.array(rosIdSchema).min(1, 'Select at least one peer.').max(2000, 'Export at most 2,000 peers at once.'),
    kind: z.enum(EXPORT_KINDS, { message: 'Choose conf, zip, pdf, png or svg.' }),
    /** zip: put <name>.png with the QR code next to each .conf. */
    withQrPng: z.boolean().default(false),
    /** pdf: the sheet's heading; default names the router. */
    title: z.string().max(120, 'The title is too long (120 characters at most).').optional(),
  })
  .refine((v) => !SINGLE_KINDS.includes(v.kind) || v.peerIds.length === 1, {
    message: 'A .conf, PNG or SVG file holds one peer\'s config; choose ZIP or PDF for several peers.',
    path: ['kind'],
  });

export const skippedPeerSchema = z.object({ peerId: z.string(), name: z.string(), reason: configProblemSchema, message: z.string() });

export const configContract = {
  'configs:get': {
    input: configOptions.extend({ routerId: routerIdSchema, peerId: rosIdSchema }),
    // Carries the private key: only for this explicit request.
    output: z.object({
      peerId: z.string(),
      peerName: z.string(),
      interface: z.string(),
      /** The wg-quick file, byte for byte what the QR code holds. */
      text: z.string(),
      /** <name>.conf, valid for wg-quick (15 characters, safe alphabet). */
      fileName: z.string(),
      /** PNG data URL; null (with QR_TOO_LONG) when the config does not fit a QR code. */
      qrDataUrl: z.string().nullable(),
      /** The tunnel the config routes: as asked, else split when it has the interface's remembered client routes. */
      preset: presetSchema,
      allowedIps: z.array(z.string()),
      dns: z.array(z.string()),
      endpoint: usedEndpoint,
      hasPresharedKey: z.boolean(),
      warnings: z.array(configWarningSchema),
      endpointSuggestion: endpointSuggestionSchema,
      /** Networks to offer for split tunnel. */
      lanOptions: z.array(lanOptionSchema),
    }),
  },
  'configs:export': {
    input: exportInput,
    // base64 holds private keys: only for this explicit request.
    output: z.object({
      /** Ends in .conf, .zip, .pdf, .png or .svg; never .conf.txt. */
      fileName: z.string(),
      mimeType: z.string(),
      base64: z.string(),
      /** Peers in the file. */
      count: z.number().int(),
      /** Peers left out of a ZIP or PDF, each with why. */
      skipped: z.array(skippedPeerSchema),
      warnings: z.array(configWarningSchema),
    }),
  },
  'endpoints:suggest': {
    input: z.object({ routerId: routerIdSchema, interface: ifaceName }),
    output: endpointSuggestionSchema,
  },
  // The renderer saved or copied a config it already shows (a .conf, the QR as PNG, the text to the
  // clipboard): noted in the activity log like files made by configs:export. Names only, never a config.
  'configs:saved': {
    input: z.object({
      routerId: routerIdSchema,
      peerId: rosIdSchema,
      how: z.enum(['conf', 'png', 'copy']),
      fileName: z.string().max(255).nullable(),
      /** As the renderer shows it; used when the saved router copy does not have the peer yet (just created). */
      peerName: z.string().max(255).optional(),
    }),
    output: z.object({ recorded: z.boolean() }),
  },
} as const;

// ---- site-to-site ----

const sitesInput = sitesInputSchema;

/** What blocks a link (a missing or router-made interface, or the same router twice, is an error instead). */
export const SITE_PROBLEMS = ['NO_TUNNEL_ADDRESS', 'LAN_OVERLAP', 'LAN_IS_LOCAL', 'ADDRESS_CONFLICT', 'ALREADY_LINKED', 'NO_ENDPOINT', 'NAME_TAKEN'] as const;

const siteProblem = z.object({ code: z.enum(SITE_PROBLEMS), message: z.string() });

const sideEndpoint = z.object({ host: z.string(), port: z.number().int(), source: z.enum(['request', 'remembered', 'ddns', 'public-address']) });

const sidePreview = z.object({
  routerId: z.string(),
  routerName: z.string(),
  interface: z.string(),
  publicKey: z.string(),
  listenPort: z.number().int(),
  /** The router's own address on the tunnel: 10.255.0.1/24; null when it has none (a problem). */
  tunnelAddress: z.string().nullable(),
  lanOptions: z.array(lanOptionSchema),
  /** This site's networks that the other site will reach. */
  lans: z.array(z.string()),
  /** Where the other router dials this one; null: it does not (this side dials out). */
  endpoint: sideEndpoint.nullable(),
  endpointSuggestion: endpointSuggestionSchema,
  /** The peer that will be made on THIS router for the other site. */
  peer: z.object({ name: z.string(), publicKey: z.string(), allowedAddress: z.array(z.string()), endpoint: z.string().nullable(), keepaliveSec: z.number().int() }),
  /** Routes that will be added on THIS router. */
  routes: z.array(z.object({ dstAddress: z.string(), gateway: z.string() })),
});

const previewOutput = z.object({
  a: sidePreview,
  b: sidePreview,
  /** Anything here blocks sites:connect; nothing was sent to either router. */
  problems: z.array(siteProblem),
  warnings: z.array(configWarningSchema),
  ready: z.boolean(),
});

export const siteStepSchema = z.object({
  routerId: z.string(),
  routerName: z.string(),
  action: z.enum(['add-peer', 'add-route']),
  /** The peer's name or the route's dst-address -> gateway. */
  object: z.string(),
  /** done: added and kept; failed: the router refused; undone: added, removed again on rollback; left-behind: could not be removed, remove it by hand. */
  outcome: z.enum(['done', 'failed', 'undone', 'left-behind']),
  message: z.string().nullable(),
});

export const siteContract = {
  'sites:preview': { input: sitesInput, output: previewOutput },
  'sites:connect': {
    /** planId: apply the link changes:preview (kind site.link) showed, refused with PLAN_STALE when either router changed since. */
    input: sitesInput.extend({ planId: planIdSchema.optional() }),
    output: z.object({
      /** connected: every step done; rolled-back: a step failed and everything added was removed; partial: some could not be removed (see steps). */
      outcome: z.enum(['connected', 'rolled-back', 'partial']),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      steps: z.array(siteStepSchema),
      preview: previewOutput,
    }),
  },
} as const;

export const configsContract = { ...configContract, ...siteContract } as const;
