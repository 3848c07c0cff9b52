// Contract for changing WireGuard on routers: interfaces, peers, bulk actions, CSV import/export, the audit
// log, address reservations, remembered endpoints and client routes. Shapes and ranges are checked here with messages a
// technician can act on; keys, CIDRs and everything that depends on the router are checked in main.
// Secrets: only `secret` of peers:create / peers:rotateKeys / peers:update carries a private or preshared
// key, once. No list, event or other output has a field that could hold one.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';
import { applyReportSchema, changeKindSchema, changeSubjectSchema, itemDiffSchema, planIdSchema, rollbackEventSchema } from './changes.ts';
import { dataSourceSchema, wgInterfaceSchema, wgPeerSchema } from './wireguard.ts';
import { sitesInputSchema } from './site-input.ts';
import { lanOptionSchema } from './wireguard.ts';
import { LIMITS, addressListSchema, addressSchema, addressTextSchema, dnsListSchema, endpointTextSchema, hostNameSchema, wgInterfaceNameSchema, withoutControlCharacters } from './fields.ts';

// ---- shared fields ----

export const rosIdSchema = z
  .string()
  .max(LIMITS.rosId, 'A RouterOS item id is at most 32 characters, like *1A. Reload the list and try again.')
  .regex(/^\*[0-9A-Fa-f]+$/, 'A RouterOS item id looks like *1A. Reload the list and try again.');

const wgInterfaceName = wgInterfaceNameSchema;

const listenPort = z
  .number({ message: 'The listen port must be a number.' })
  .int('The listen port must be a whole number.')
  .min(1, 'The listen port must be from 1 to 65535 (RouterOS uses 13231 by default).')
  .max(65535, 'The listen port must be from 1 to 65535 (RouterOS uses 13231 by default).');

const mtu = z
  .number({ message: 'The MTU must be a number.' })
  .int('The MTU must be a whole number.')
  .min(1280, 'The MTU must be at least 1280 (IPv6 needs it); 1420 suits most links.')
  .max(65535, 'The MTU must be at most 65535; 1420 suits most links.');

const keepaliveSec = z
  .number({ message: 'Keepalive must be a number of seconds.' })
  .int('Keepalive must be a whole number of seconds.')
  .min(0, 'Keepalive is 0 (off) or up to 65535 seconds; 25 suits clients behind NAT.')
  .max(65535, 'Keepalive is 0 (off) or up to 65535 seconds; 25 suits clients behind NAT.');

const peerName = withoutControlCharacters(
  z.string({ message: 'Give the peer a name, for example ali-phone.' }).max(63, 'The peer name is too long (63 characters at most).'),
);

const comment = withoutControlCharacters(z.string().max(255, 'The comment is too long (255 characters at most).'));

/** Addresses as typed: one string ("10.8.0.5/32, 192.168.5.0/24") or a list. Checked in main. */
const addressList = addressListSchema('Enter addresses as text like 10.8.0.5/32 (several separated by commas).');

/** A public key the client made itself, as pasted; main trims it and checks it is a WireGuard key. */
const ownPublicKey = z.string().max(LIMITS.publicKey, 'The public key is too long (128 characters at most): a WireGuard key is 44 base64 characters ending in "=".');

/** The id peers:importApply returned for the run. */
const importJobId = z
  .string()
  .min(1, 'Choose the import to continue from the list.')
  .max(LIMITS.jobId, 'An import id is at most 64 characters. Choose the import from the list again.');

/**
 * What a client config routes into the tunnel (its AllowedIPs), remembered per interface: CIDRs such as
 * 10.20.0.0/24 or fd12:3456:789a:1::/64. Main puts them in network form and refuses host bits.
 */
export const clientRoutesSchema = z
  .array(z.union([z.cidrv4().max(LIMITS.address), z.cidrv6().max(LIMITS.address)], { message: 'Enter each network as an address and prefix, like 192.168.88.0/24.' }), {
    message: 'Client routes are a list of networks, like ["10.20.0.0/24", "192.168.88.0/24"].',
  })
  .min(1, 'Give at least one network, like 192.168.88.0/24, or forget the routes for a full tunnel.')
  .max(64, 'At most 64 networks: a longer AllowedIPs list no longer fits a QR code.');

export const keyCustodySchema = z.enum(['stored', 'shown-once'], {
  message: 'Choose "stored" (WireDesk keeps the private key, encrypted) or "shown-once" (shown now, never kept).',
});

/**
 * Where a peer's key stands in WireDesk: as chosen ('stored', 'shown-once'), or 'held': it was to be shown
 * once, but the router's answer to the add was lost, so it is sealed until the technician has seen it.
 */
export const keyCustodyStateSchema = z.enum(['stored', 'shown-once', 'held']);

export const warningSchema = z.object({
  code: z.enum([
    'NO_ADDRESS',
    'FIREWALL_CLOSED',
    'FIREWALL_UNKNOWN',
    'POOL_LOW',
    'POOL_FULL',
    'NAME_AS_COMMENT',
    'FIELD_UNSUPPORTED',
    'RESERVATION_USED',
    'NO_ENDPOINT',
    /** Disabling, deleting or re-porting an interface WireDesk or a connected peer reaches the router through. */
    'MAY_CUT_LINK',
  ]),
  /** What is wrong and what to do, for people. */
  message: z.string(),
});
export type ManagementWarning = z.infer<typeof warningSchema>;

// ---- change plans ----

/** What a preview shows: the exact commands, the diff, the warnings, and what the router runs if WireDesk loses it. */
const planViewFields = z.object({
  planId: z.string(),
  routerId: z.string(),
  kind: changeKindSchema,
  /** RouterOS console lines, exactly what is sent; secrets as <hidden>. */
  commands: z.array(z.string()),
  diff: z.array(itemDiffSchema),
  warnings: z.array(warningSchema),
  /** Fields read back and compared after applying, per item. */
  verify: z.array(z.object({ item: z.string(), fields: z.array(z.string()) })),
  rollback: z.object({ delaySec: z.number().int(), script: z.array(z.string()) }),
  /**
   * Peers with a tunnel up now that this change touches without meaning to end it: the technician may ask
   * WireDesk to wait up to `seconds` after applying for a handshake or traffic from each, and undo the change
   * when one stays silent (changes:tunnelCheck). Null when there is none, or the rollback delay leaves no room.
   */
  tunnelCheck: z.object({ peers: z.array(z.object({ key: z.string(), label: z.string() })), seconds: z.number().int() }).nullable(),
  /** The preview is kept this long; Apply after it asks for a new one. */
  expiresAt: z.number(),
});
export const planViewSchema = planViewFields.extend({
  /** site.link only: the plan for the link's other router (B); this one is A's, and its planId applies both (sites:connect). */
  linked: planViewFields.optional(),
});
export type PlanView = z.infer<typeof planViewSchema>;

// ---- interfaces ----

/** The read model's interface; `dynamic` (Back To Home) marks a read-only one. */
export const managedInterfaceSchema = wgInterfaceSchema;
export type ManagedInterface = z.infer<typeof managedInterfaceSchema>;

const interfaceResult = z.object({ interface: managedInterfaceSchema, warnings: z.array(warningSchema), report: applyReportSchema.optional() });
const interfacePlanId = planIdSchema.optional();
const byInterfaceId = z.object({ routerId: routerIdSchema, interfaceId: rosIdSchema });

export const interfaceContract = {
  'interfaces:create': {
    input: z.object({
      routerId: routerIdSchema,
      name: wgInterfaceName,
      /** Omitted: the router picks a free port. */
      listenPort: listenPort.optional(),
      mtu: mtu.optional(),
      comment: comment.optional(),
      /** The router's own address on the tunnel, host and prefix: 10.20.0.1/24. */
      address: addressSchema.optional(),
      /** And its IPv6 address alongside, host and prefix (the wizard's ULA: fd12:3456:789a:1::1/64). */
      address6: addressSchema.optional(),
      /** Also let the listen port in (the set-up wizard): an input accept before the rule that drops it, in the same plan. */
      openPort: z.boolean().default(false),
      /** Also turn on IP Cloud DDNS when it is off, and remember its name as where clients dial (the set-up wizard). */
      ddns: z.boolean().default(false),
      /** Full tunnel (the set-up wizard): also masquerade the tunnel subnet out of the WAN list when no NAT rule does. */
      masquerade: z.boolean().default(false),
      /**
       * Split tunnel (the set-up wizard): what every client config of the interface routes, remembered with it once
       * created (clientRoutes:get). Omitted: the full tunnel. Not with `masquerade`.
       */
      clientRoutes: clientRoutesSchema.optional(),
      planId: interfacePlanId,
    }),
    output: interfaceResult,
  },
  'interfaces:update': {
    input: byInterfaceId.extend({ name: wgInterfaceName.optional(), listenPort: listenPort.optional(), mtu: mtu.optional(), comment: comment.optional(), planId: interfacePlanId }),
    output: interfaceResult,
  },
  'interfaces:setDisabled': {
    input: byInterfaceId.extend({ disabled: z.boolean({ message: 'Say whether the interface should be disabled (true) or enabled (false).' }), planId: interfacePlanId }),
    output: interfaceResult,
  },
  /** The set-up wizard's proposal for a new road-warrior interface: a free name and port, a subnet that overlaps nothing, the firewall's verdict on the port. */
  'setup:propose': {
    input: z.object({ routerId: routerIdSchema }),
    output: z.object({
      name: z.string(),
      listenPort: z.number().int(),
      /** The router's tunnel address (x.y.z.1/24); null when every candidate subnet overlaps something. */
      address: z.string().nullable(),
      /** An IPv6 tunnel address alongside, if the technician asks for one: a new unique local /64 (RFC 4193). */
      address6: z.string(),
      firewall: wgInterfaceSchema.shape.firewall,
      /** Whether the router masquerades the proposed subnet to the internet (full tunnel), and with what. */
      nat: z.object({
        state: z.enum(['covered', 'missing', 'unknown']),
        /** covered: the rule that masquerades it; missing: the srcnat accept that exempts it, if one does. */
        rule: z.string().nullable(),
        /** missing: WireDesk can add a masquerade out of the WAN interface list (the router has one). */
        canAdd: z.boolean(),
      }),
      /** The router's own networks a split tunnel may route (its addresses outside WireGuard). */
      lans: z.array(lanOptionSchema),
      /** IP Cloud as read: whether DDNS is on and the name clients could dial; null when the router does not show it. */
      cloud: z.object({ ddnsEnabled: z.union([z.boolean(), z.literal('auto')]), dnsName: z.string().nullable(), publicAddress: z.string().nullable() }).nullable(),
    }),
  },
  /** The one-click fix for a closed port: an input accept rule for the listen port, before the rule that drops it. */
  'interfaces:openPort': { input: byInterfaceId.extend({ planId: interfacePlanId }), output: interfaceResult },
  /**
   * The one-click fix for an interface without an IP address: the router's own address on the tunnel (host and
   * prefix). Omitted: WireDesk proposes one (in its peers' subnet, else a free one); the preview shows which.
   */
  'interfaces:addAddress': {
    input: byInterfaceId.extend({ address: addressSchema.optional(), planId: interfacePlanId }),
    output: interfaceResult,
  },
  'interfaces:deletePreview': {
    input: byInterfaceId,
    output: z.object({
      interface: managedInterfaceSchema,
      /** Everything that goes with the interface: show it in the confirmation. */
      addresses: z.array(z.string()),
      peers: z.array(z.object({ id: z.string(), name: z.string(), publicKey: z.string(), allowedAddress: z.array(z.string()), hasPrivateKey: z.boolean() })),
      /** Type this name to confirm (the interface's current name). */
      confirmName: z.string(),
      /** The exact commands, the diff and the router's rollback: apply it with interfaces:delete and its planId. */
      plan: planViewSchema,
    }),
  },
  'interfaces:delete': {
    input: byInterfaceId.extend({ confirmName: z.string({ message: 'Type the interface name to confirm the deletion.' }).max(LIMITS.confirmName, 'Type the interface name to confirm the deletion (255 characters at most).'), planId: interfacePlanId }),
    output: z.object({ deleted: z.literal(true), removedPeers: z.number().int(), removedAddresses: z.number().int(), report: applyReportSchema.optional() }),
  },
} as const;

// ---- peers ----

export const managedPeerSchema = wgPeerSchema.extend({
  /** WireDesk holds this peer's private key (encrypted): its config can be rebuilt. */
  hasPrivateKey: z.boolean(),
  /** How WireDesk handled the key when it made it; null when the peer was made elsewhere. */
  keyCustody: keyCustodyStateSchema.nullable(),
  /** Dynamic (router-made) peers cannot be changed; the reason, or null when editable. */
  readOnlyReason: z.string().nullable(),
  /** Set when the peer was seen before but is gone from the router now (deleted in WinBox, reset). */
  vanishedAt: z.number().nullable(),
  /** 7.15+; null on older routers. */
  responder: z.boolean().nullable(),
  /** 7.12+ client settings the router shows in its own config export; null before 7.12. */
  client: z
    .object({ address: z.string(), dns: z.string(), endpoint: z.string(), keepaliveSec: z.number().nullable(), allowedAddress: z.string() })
    .nullable(),
});
export type ManagedPeer = z.infer<typeof managedPeerSchema>;

/** The one-time secret: shown in this response only, never again from any channel. */
export const oneTimeSecretSchema = z.object({
  privateKey: z.string().nullable(),
  presharedKey: z.string().nullable(),
  /** wg-quick text for the client; null with `configProblem` when it cannot be built yet. */
  config: z.string().nullable(),
  /** PNG data URL of the config's QR code. */
  qr: z.string().nullable(),
  configProblem: z.string().nullable(),
  /** 'stored': WireDesk kept the private key encrypted; 'shown-once': this is the only copy. */
  custody: keyCustodyStateSchema.nullable(),
});
export type OneTimeSecret = z.infer<typeof oneTimeSecretSchema>;

const clientFieldsInput = z.object({
  dns: dnsListSchema.optional(),
  /** Host clients dial (no port: RouterOS adds the interface's listen port). Default: the remembered endpoint. */
  endpoint: endpointTextSchema.optional(),
  keepaliveSec: keepaliveSec.optional(),
  /** What the client routes into the tunnel (7.21+ on the router). Default 0.0.0.0/0, ::/0. */
  allowedAddress: addressList.optional(),
});

/** Present when the change went through a plan: each step, the verification, the backup, the rollback entry. */
const report = applyReportSchema.optional();
const peerResult = z.object({ peer: managedPeerSchema, warnings: z.array(warningSchema), secret: oneTimeSecretSchema.nullable(), report });
const byPeerId = z.object({ routerId: routerIdSchema, peerId: rosIdSchema });
/** Apply the plan a preview returned (refused with PLAN_STALE when the router changed since); omitted: plan and apply now. */
const planId = planIdSchema.optional();
const poolSchema = z.object({ subnet: z.string(), usable: z.number(), used: z.number(), free: z.number() });

export const bulkResultSchema = z.object({
  operationId: z.string(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ peerId: z.string(), name: z.string(), ok: z.boolean(), error: z.string().nullable() })),
});

export const peerContract = {
  'peers:listManaged': {
    input: z.object({ routerId: routerIdSchema }),
    output: dataSourceSchema.extend({ rows: z.array(managedPeerSchema) }),
  },
  'peers:create': {
    input: z.object({
      routerId: routerIdSchema,
      interface: wgInterfaceName,
      name: peerName,
      comment: comment.optional(),
      /** Empty or omitted: the next free address of the interface's subnet. */
      allowedAddress: addressList.optional(),
      /** The client's own public key when it made its key pair itself; then WireDesk holds no private key. */
      publicKey: ownPublicKey.optional(),
      custody: keyCustodySchema.default('stored'),
      presharedKey: z.boolean().default(false),
      persistentKeepaliveSec: keepaliveSec.default(25),
      /** host:port for a site the router should dial; leave empty for road-warrior clients. */
      endpoint: endpointTextSchema.optional(),
      client: clientFieldsInput.optional(),
      planId,
    }),
    output: peerResult,
  },
  'peers:update': {
    input: byPeerId.extend({
      name: peerName.optional(),
      comment: comment.optional(),
      allowedAddress: addressList.optional(),
      persistentKeepaliveSec: keepaliveSec.optional(),
      /** host:port, or null to clear (road warrior). */
      endpoint: endpointTextSchema.nullable().optional(),
      /** 'generate' returns the new key once in `secret`. */
      presharedKey: z.enum(['keep', 'generate', 'remove'], { message: 'Preshared key: choose keep, generate or remove.' }).default('keep'),
      client: clientFieldsInput.extend({ address: addressTextSchema.trim().optional() }).optional(),
      planId,
    }),
    output: peerResult,
  },
  'peers:setDisabled': {
    input: byPeerId.extend({ disabled: z.boolean({ message: 'Say whether the peer should be disabled (true) or enabled (false).' }), planId }),
    output: z.object({ peer: managedPeerSchema, report }),
  },
  'peers:delete': { input: byPeerId.extend({ planId }), output: z.object({ deleted: z.literal(true), peerId: z.string(), report }) },
  'peers:rotateKeys': {
    input: byPeerId.extend({ custody: keyCustodySchema.default('stored'), presharedKey: z.enum(['keep', 'generate', 'remove']).default('keep'), planId }),
    output: peerResult,
  },
  /**
   * The private key of a peer whose add lost its answer but turned out to be on the router (custody 'held'):
   * its config and QR code, once; afterwards the key is not kept ('shown-once'). NOT_FOUND when no key is held.
   */
  'peers:revealHeldKey': { input: byPeerId, output: z.object({ peer: managedPeerSchema, secret: oneTimeSecretSchema }) },
  'peers:bulk': {
    input: z.object({
      routerId: routerIdSchema,
      action: z.enum(['enable', 'disable', 'delete'], { message: 'Choose enable, disable or delete.' }),
      peerIds: z.array(rosIdSchema).min(1, 'Select at least one peer.').max(10_000, 'Select at most 10,000 peers at once.'),
      /** Chosen by the UI to match `bulk:progress` events to this request; generated when omitted. */
      operationId: z.string().min(1).max(64).optional(),
      planId,
    }),
    output: bulkResultSchema,
  },
  'peers:nextAddress': {
    input: z.object({ routerId: routerIdSchema, interface: wgInterfaceName }),
    output: z.object({ addresses: z.array(z.string()), pools: z.array(poolSchema) }),
  },
  'peers:precheck': {
    input: z.object({ routerId: routerIdSchema, interface: wgInterfaceName }),
    output: z.object({
      warnings: z.array(warningSchema),
      /** What the next peer would get; null with `nextAddressProblem` when nothing can be allocated. */
      nextAddress: z.array(z.string()).nullable(),
      nextAddressProblem: z.string().nullable(),
      pools: z.array(poolSchema),
      /** The client DNS most peers on this interface already have (RouterOS 7.12+ client-dns); [] when none do. */
      suggestedDns: z.array(z.string()),
    }),
  },
  'peers:exportCsv': {
    input: z.object({
      routerId: routerIdSchema,
      interface: wgInterfaceName.optional(),
      /** ';' for Excel in Turkish and most European locales. */
      delimiter: z.enum([',', ';']).default(','),
      bom: z.boolean().default(true),
    }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  },
} as const;

// ---- CSV import ----

const importInput = z.object({
  routerId: routerIdSchema,
  interface: wgInterfaceName,
  csv: z.string().max(5_000_000, 'The CSV file is too large (5 MB at most); split it.'),
});

const importRowStateSchema = z.enum(['pending', 'applied', 'failed', 'skipped']);

export const importSummarySchema = z.object({
  jobId: z.string(),
  interface: z.string(),
  sourceName: z.string().nullable(),
  status: z.enum(['pending', 'running', 'completed', 'cancelled']),
  counts: z.object({ pending: z.number(), applied: z.number(), failed: z.number(), skipped: z.number() }),
  createdAt: z.number(),
});

export const importResultSchema = importSummarySchema.extend({
  /** Why the run stopped early (link lost, router offline); resume with peers:importResume. */
  interruption: z.object({ code: z.string(), message: z.string() }).nullable(),
  rows: z.array(z.object({ rowNumber: z.number().int(), name: z.string(), address: z.string().nullable(), state: importRowStateSchema, error: z.string().nullable() })),
});

export const importContract = {
  'peers:importPreview': {
    input: importInput,
    output: z.object({
      rows: z.array(
        z.object({
          rowNumber: z.number().int(),
          name: z.string(),
          /** The address this row would get (given or allocated); null when the row has errors. */
          address: z.string().nullable(),
          errors: z.array(z.string()),
          warnings: z.array(z.string()),
        }),
      ),
      fileWarnings: z.array(z.string()),
      valid: z.number().int(),
      invalid: z.number().int(),
    }),
  },
  'peers:importApply': {
    input: importInput.extend({ sourceName: z.string().max(255).optional(), presharedKey: z.boolean().default(false), planId }),
    output: importResultSchema,
  },
  'peers:importResume': { input: z.object({ routerId: routerIdSchema, jobId: importJobId }), output: importResultSchema },
  'peers:importJobs': { input: z.object({ routerId: routerIdSchema }), output: z.array(importSummarySchema) },
  'peers:importCancel': { input: z.object({ routerId: routerIdSchema, jobId: importJobId }), output: importSummarySchema },
} as const;

// ---- audit, reservations, endpoints, client routes ----

export const AUDIT_ACTION_NAMES = ['create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys', 'export', 'restore', 'undo'] as const;

/** What an audit entry is about (objectType); older entries may hold other words. */
export const AUDIT_OBJECT_NAMES = ['peer', 'interface', 'import-job', 'endpoint', 'client-routes', 'reservation', 'config', 'backup', 'change', 'firewall-rule', 'ntp-client'] as const;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  routerId: z.string().nullable(),
  routerName: z.string().nullable(),
  action: z.enum(AUDIT_ACTION_NAMES),
  objectType: z.string(),
  objectId: z.string().nullable(),
  objectName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: z.enum(['ok', 'failed']),
  error: z.string().nullable(),
  /** The change plan it was sent in: the activity log offers its undo (changes:undo). */
  planId: z.string().nullable(),
  /**
   * A failed entry whose answer was lost with the link, found out later from the router: the change stands
   * ('applied'), is not there ('not-applied'), or only in part ('unknown'). Null otherwise.
   */
  resolution: z.enum(['applied', 'not-applied', 'unknown']).nullable(),
  resolvedAt: z.number().nullable(),
});

const reservationSchema = z.object({ routerId: z.string(), interface: z.string(), address: z.string(), note: z.string(), createdAt: z.number() });
const endpointSchema = z.object({ host: z.string(), port: z.number().int(), updatedAt: z.number() });
const clientRoutesRecordSchema = z.object({ routes: z.array(z.string()), updatedAt: z.number() });
const byRouterInterface = z.object({ routerId: routerIdSchema, interface: wgInterfaceName });

export const recordsContract = {
  'audit:list': {
    input: z.object({
      routerId: routerIdSchema.optional(),
      actions: z
        .array(z.enum(AUDIT_ACTION_NAMES, { message: `Audit actions are: ${AUDIT_ACTION_NAMES.join(', ')}.` }))
        .max(AUDIT_ACTION_NAMES.length, 'Choose each audit action at most once.')
        .optional(),
      objectType: z.string().max(64).optional(),
      text: z.string().max(200, 'Search for at most 200 characters.').optional(),
      from: z.number().optional(),
      to: z.number().optional(),
      limit: z.number().int().min(1, 'Show at least 1 entry per page.').max(1000, 'Show at most 1000 entries per page.').default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  },
  'reservations:list': { input: z.object({ routerId: routerIdSchema, interface: wgInterfaceName.optional() }), output: z.array(reservationSchema) },
  'reservations:reserve': {
    input: byRouterInterface.extend({
      address: addressSchema.min(1, 'Enter the address to reserve, like 10.20.0.50.'),
      note: withoutControlCharacters(z.string().max(255, 'The note is too long (255 characters at most).')).default(''),
    }),
    output: reservationSchema,
  },
  'reservations:release': { input: byRouterInterface.extend({ address: addressSchema.min(1, 'Choose the reserved address to release.') }), output: z.object({ released: z.boolean() }) },
  'endpoints:get': { input: byRouterInterface, output: endpointSchema.nullable() },
  'endpoints:set': {
    input: byRouterInterface.extend({
      host: hostNameSchema.min(1, "Enter the router's public IP address or DNS name clients dial."),
      port: listenPort,
    }),
    output: endpointSchema,
  },
  'endpoints:clear': { input: byRouterInterface, output: z.object({ cleared: z.boolean() }) },
  /** The AllowedIPs the interface's client configs get (new peers, Config & QR, CSV import); null: the full tunnel. */
  'clientRoutes:get': { input: byRouterInterface, output: clientRoutesRecordSchema.nullable() },
  'clientRoutes:set': { input: byRouterInterface.extend({ routes: clientRoutesSchema }), output: clientRoutesRecordSchema },
  /** Back to the full tunnel (0.0.0.0/0, ::/0) for configs made from now on. */
  'clientRoutes:clear': { input: byRouterInterface, output: z.object({ cleared: z.boolean() }) },
} as const;

export const managementEventContract = {
  /** A change is waiting for the router's own rollback, or WireDesk learnt what the router did. */
  'changes:rollback': rollbackEventSchema,
  /** One per finished peer of a peers:bulk request. */
  'bulk:progress': z.object({ operationId: z.string(), routerId: z.string(), action: z.string(), done: z.number().int(), total: z.number().int(), failed: z.number().int() }),
  /** One per finished row of an import run. */
  'import:progress': z.object({
    jobId: z.string(),
    routerId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    applied: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
  }),
} as const;

// ---- change plans ----


/** Router-wide settings a fix changes. */
export const routerSettingsContract = {
  /**
   * The connection doctor's fix for a wrong router clock: the NTP client turned on, with pool.ntp.org when it has
   * no server. Preview it with changes:preview kind router.ntp; pass that preview's planId.
   */
  'router:enableNtp': { input: z.object({ routerId: routerIdSchema, planId: planIdSchema.optional() }), output: z.object({ report: applyReportSchema }) },
} as const;

const { planId: _c, ...createFields } = peerContract['peers:create'].input.shape;
const { planId: _u, ...updateFields } = peerContract['peers:update'].input.shape;
const { planId: _d, ...disableFields } = peerContract['peers:setDisabled'].input.shape;
const { planId: _r, ...deleteFields } = peerContract['peers:delete'].input.shape;
const { planId: _im, ...importFields } = importContract['peers:importApply'].input.shape;
const { planId: _k, ...rotateFields } = peerContract['peers:rotateKeys'].input.shape;
const { planId: _b, operationId: _o, ...bulkFields } = peerContract['peers:bulk'].input.shape;
const { planId: _ic, ...interfaceCreateFields } = interfaceContract['interfaces:create'].input.shape;
const { planId: _iu, ...interfaceUpdateFields } = interfaceContract['interfaces:update'].input.shape;
const { planId: _id, ...interfaceDisableFields } = interfaceContract['interfaces:setDisabled'].input.shape;
const { planId: _op, ...interfaceOpenPortFields } = interfaceContract['interfaces:openPort'].input.shape;
const { planId: _aa, ...interfaceAddAddressFields } = interfaceContract['interfaces:addAddress'].input.shape;
void [_c, _u, _d, _r, _b, _o, _ic, _iu, _id];

export const changeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('peer.create'), input: z.object(createFields) }),
  z.object({ kind: z.literal('peer.update'), input: z.object(updateFields) }),
  z.object({ kind: z.literal('peer.setDisabled'), input: z.object(disableFields) }),
  z.object({ kind: z.literal('peer.delete'), input: z.object(deleteFields) }),
  z.object({ kind: z.literal('peer.bulk'), input: z.object(bulkFields) }),
  z.object({ kind: z.literal('peer.rotateKeys'), input: z.object(rotateFields) }),
  z.object({ kind: z.literal('peer.import'), input: z.object(importFields) }),
  z.object({ kind: z.literal('backup.restore'), input: z.object({ routerId: routerIdSchema, backupId: z.number().int().positive() }) }),
  z.object({ kind: z.literal('change.undo'), input: z.object({ routerId: routerIdSchema, planId: planIdSchema }) }),
  z.object({ kind: z.literal('interface.create'), input: z.object(interfaceCreateFields) }),
  z.object({ kind: z.literal('interface.update'), input: z.object(interfaceUpdateFields) }),
  z.object({ kind: z.literal('interface.setDisabled'), input: z.object(interfaceDisableFields) }),
  z.object({ kind: z.literal('interface.openPort'), input: z.object(interfaceOpenPortFields) }),
  z.object({ kind: z.literal('interface.addAddress'), input: z.object(interfaceAddAddressFields) }),
  z.object({ kind: z.literal('site.link'), input: sitesInputSchema }),
  z.object({ kind: z.literal('router.ntp'), input: z.object({ routerId: routerIdSchema }) }),
], { message: 'Say which change to preview: peer.create, peer.update, peer.setDisabled, peer.delete, peer.bulk, peer.rotateKeys, peer.import, backup.restore, change.undo, interface.create, interface.update, interface.setDisabled, interface.openPort, interface.addAddress, site.link or router.ntp.' });
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

const backupSummarySchema = z.object({
  id: z.number().int(),
  takenAt: z.number(),
  /** The change it was taken before. */
  title: z.string(),
  subject: changeSubjectSchema.nullable(),
  planId: z.string(),
  counts: z.object({ interfaces: z.number().int(), peers: z.number().int(), addresses: z.number().int(), firewall: z.number().int(), routes: z.number().int() }),
});
const byBackup = z.object({ routerId: routerIdSchema, backupId: z.number({ message: 'Choose a backup from the list.' }).int().positive() });

export const changesContract = {
  'changes:preview': { input: changeRequestSchema, output: planViewSchema },
  /** Turn on (or off) the tunnel check a preview offers (its tunnelCheck); asked before applying it. */
  'changes:tunnelCheck': {
    input: z.object({ routerId: routerIdSchema, planId: planIdSchema, on: z.boolean() }),
    output: z.object({ on: z.boolean() }),
  },
  /** Changes WireDesk applied to this router, newest first, with whether each can be undone now. */
  'changes:history': {
    input: z.object({ routerId: routerIdSchema }),
    output: z.array(z.object({
      planId: z.string(), kind: z.string(), title: z.string(), subject: changeSubjectSchema.nullable(),
      state: z.enum(['applying', 'applied', 'undone', 'failed', 'rollback-pending', 'rolled-back', 'unknown']),
      createdAt: z.number(), backupId: z.number().int().nullable(), commands: z.array(z.string()), undoable: z.boolean(),
      /** Why it cannot be undone now: it is not (or no longer) applied, or no backup was taken before it. */
      undoProblem: z.enum(['not-applied', 'no-backup']).nullable(),
    })),
  },
  /** Undo an applied change (preview it with changes:preview kind change.undo; pass that preview's id as previewId). */
  'changes:undo': {
    input: z.object({ routerId: routerIdSchema, planId: planIdSchema, previewId: planIdSchema.optional() }),
    output: z.object({ report: applyReportSchema }),
  },
  'backups:list': { input: z.object({ routerId: routerIdSchema }), output: z.array(backupSummarySchema) },
  /** One backup with its readable script (no key is in it). */
  'backups:get': { input: byBackup, output: backupSummarySchema.extend({ rsc: z.string() }) },
  /** What changed from one backup to another, or to the router now (`to` null). */
  'backups:diff': {
    input: z.object({ routerId: routerIdSchema, from: z.number().int().positive(), to: z.number().int().positive().nullable() }),
    output: z.object({ diff: z.array(itemDiffSchema) }),
  },
  /** Restore through a plan (preview it with changes:preview kind backup.restore; pass that preview's planId). */
  'backups:restore': { input: byBackup.extend({ planId: planIdSchema.optional() }), output: z.object({ report: applyReportSchema }) },
} as const;

/** Why a peer may not be connecting (main/services/doctor/diagnose.ts ranks them; the renderer words them). */
export const DOCTOR_CAUSES = [
  'peer-disabled', 'interface-disabled', 'interface-not-running', 'interface-no-address', 'port-closed', 'endpoint-is-router',
  'key-mismatch', 'key-changed', 'endpoint-unresolved', 'endpoint-elsewhere', 'address-overlap', 'keepalive-missing', 'router-clock',
  'no-answer', 'handshake-fails', 'answers-stopped', 'port-never-hit', 'port-silent', 'never-connected', 'handshake-stale',
] as const;

export const doctorContract = {
  /** Likely causes, most likely first, each with its evidence and the change that fixes it where one exists. */
  'peers:diagnose': {
    input: z.object({ routerId: routerIdSchema, peerId: rosIdSchema }),
    output: z.object({
      peerId: z.string(),
      status: z.enum(['online', 'offline', 'never-connected', 'disabled']),
      causes: z.array(z.object({
        code: z.enum(DOCTOR_CAUSES),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        /** Preview it with changes:preview; apply it with the channel of its kind. */
        fix: changeRequestSchema.nullable(),
      })),
    }),
  },
} as const;

export const managementContract = { ...interfaceContract, ...peerContract, ...importContract, ...recordsContract, ...changesContract, ...doctorContract, ...routerSettingsContract } as const;
