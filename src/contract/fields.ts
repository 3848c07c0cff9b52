// Field rules shared by the channels' inputs (issue 12, hardening). Every string and every list the renderer
// sends has a maximum that a technician never reaches, so a runaway value (300 KB of hex and colons as a ping
// address, an import job id echoed into a 300,000-character error) is refused here, in one sentence, before
// main or a router sees it. Names and comments, which end up on the router, also refuse control characters.
// zod only, no other contract module: models.ts, site-input.ts, management.ts and configs.ts all use it.
import { z } from 'zod';

/** The limits, in characters (entries for lists). */
export const LIMITS = {
  /** RouterOS item ids (*1A): at most 9 characters on any router; 32 leaves room. */
  rosId: 32,
  /** An import job id (a UUID, 36). */
  jobId: 64,
  /** One address, CIDR or DNS server: the longest IPv6 CIDR is 43. */
  address: 64,
  /** A list of addresses, as entries or as one text. 1,024 of the longest IPv6 CIDRs fit in the text. */
  addressEntries: 1024,
  addressText: 65_536,
  /** A host name: the DNS maximum. */
  host: 253,
  /** host:port, or [IPv6]:port: a host of 253, the brackets and :65535. */
  endpoint: 261,
  /** A public key as pasted: 44 base64 characters, with room for stray spaces (main trims and checks it). */
  publicKey: 128,
  /** An interface's name as the router shows it, typed to confirm its deletion. */
  confirmName: 255,
} as const;

// C0 controls, DEL, C1 controls and the Unicode line separators: the set src/domain/validation.ts refuses in
// names, so a name the contract lets through is not refused later for the same reason in other words.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const CONTROL_CHARACTERS_MESSAGE = 'Remove the control characters (line breaks, tabs and other invisible characters).';

/**
 * The one check for control characters in names, comments and hosts; letters of any script pass
 * ("Şube-İzmir", "москва-офис"). Put it after .trim(), which drops a line break pasted at either end first.
 */
export function withoutControlCharacters<T extends z.ZodString>(schema: T): T {
  return schema.refine((s) => !CONTROL_CHARACTERS.test(s), CONTROL_CHARACTERS_MESSAGE);
}

export const wgInterfaceNameSchema = withoutControlCharacters(
  z
    .string({ message: 'Name the WireGuard interface, for example wg-clients.' })
    .trim()
    .min(1, 'Name the WireGuard interface, for example wg-clients.')
    .max(63, 'The interface name is too long (63 characters at most).'),
);

/** One address with its prefix, as typed (10.20.0.1/24); main checks what it is. */
export const addressSchema = z.string().trim().max(LIMITS.address, 'An address is at most 64 characters, like 10.20.0.1/24 or fd12:3456:789a:1::1/64.');

/** Several addresses as one text, separated by commas or spaces. */
export const addressTextSchema = z
  .string()
  .max(LIMITS.addressText, 'The address list is too long (65,536 characters at most, room for 1,024 addresses).');

const TOO_MANY_ADDRESSES = 'Enter at most 1,024 addresses.';
const addressEntries = (entry: z.ZodString) => z.array(entry).max(LIMITS.addressEntries, TOO_MANY_ADDRESSES);
const addressEntry = z.string().max(LIMITS.address, 'Each address is at most 64 characters, like 192.168.88.0/24.');

/** The union's message: zod refuses a list over its maximum before reading it, so neither form matches then. */
const addressListError = (message: string) => (issue: { input?: unknown }) =>
  Array.isArray(issue.input) && issue.input.length > LIMITS.addressEntries ? TOO_MANY_ADDRESSES : message;

/** Addresses as typed: one string ("10.8.0.5/32, 192.168.5.0/24") or a list. Checked in main. */
export function addressListSchema(message: string) {
  return z.union([addressTextSchema, addressEntries(addressEntry)], { error: addressListError(message) });
}

/** DNS servers (and search domains) for a client: addresses as above, and no control characters. */
export const dnsListSchema = z.union([withoutControlCharacters(addressTextSchema), addressEntries(withoutControlCharacters(addressEntry))], {
  error: addressListError('Enter DNS servers as text like 1.1.1.1, 9.9.9.9 (several separated by commas).'),
});

/** Where a router or client dials: host or host:port (an IPv6 address in brackets with a port). */
export const endpointTextSchema = withoutControlCharacters(
  z.string().trim().max(LIMITS.endpoint, 'The endpoint is too long (261 characters at most: a host name of up to 253 and :port).'),
);

/** A bare host: an IP address or a DNS name. */
export const hostNameSchema = withoutControlCharacters(
  z.string().trim().max(LIMITS.host, 'The host is too long (253 characters at most, the longest DNS name).'),
);
