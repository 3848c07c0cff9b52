// The parts of a router the model holds, the one print that reads each (rows are parsed by the menu's own
// parser in routeros/menus), and what is known of each part: read at a time, or unknown and why. A part
// the router refuses (a missing policy, a menu this router lacks) is unknown; the other parts stay visible.
import type { PrintOptions, RouterOsClient } from '../../routeros/client.ts';
import { RouterOsError, RouterOsTrapError } from '../../routeros/errors.ts';
import { FILTER_PATH } from '../../routeros/menus/firewall-filter.ts';
import { INTERFACE_PATH, WIREGUARD_LINKS } from '../../routeros/menus/interface.ts';
import { IP_ADDRESS_PATH, IPV6_ADDRESS_PATH } from '../../routeros/menus/ip-address.ts';
import { IP_CLOUD_PATH } from '../../routeros/menus/ip-cloud.ts';
import { NTP_CLIENT_PATH } from '../../routeros/menus/system-ntp.ts';
import { IP_ROUTE_PATH } from '../../routeros/menus/ip-route.ts';
import { CLOCK_PATH } from '../../routeros/menus/system-scheduler.ts';
import { INTERFACE_LIST_MEMBER_PATH, NAT_PATH } from '../../routeros/menus/firewall-nat.ts';
import { WIREGUARD_PATH } from '../../routeros/menus/wireguard.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';

export const MODEL_PARTS = ['interfaces', 'peers', 'addresses', 'addresses6', 'dynamic', 'firewall', 'cloud', 'routes', 'clock', 'ntp', 'nat', 'interfaceLists'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];

interface PartPrint {
  readonly path: string;
  readonly options: PrintOptions;
  /** RouterOS streams this menu's changes (`listen`): the model follows it between polls. */
  readonly followed: boolean;
}

/**
 * The firewall is read whole (listen takes no query on every version) and narrowed to the input chain here;
 * the dynamic flag, /ip/cloud, static routes, the clock and its NTP client, NAT and interface lists are re-read with every full read.
 */
export const PART_PRINTS: Readonly<Record<ModelPart, PartPrint>> = {
  interfaces: { path: WIREGUARD_PATH, options: {}, followed: true },
  peers: { path: PEERS_PATH, options: {}, followed: true },
  addresses: { path: IP_ADDRESS_PATH, options: {}, followed: true },
  // IPv6 tunnel addresses (the wizard's, or WinBox's): read with every full read and after WireDesk's own changes.
  addresses6: { path: IPV6_ADDRESS_PATH, options: {}, followed: false },
  dynamic: { path: INTERFACE_PATH, options: WIREGUARD_LINKS, followed: false },
  firewall: { path: FILTER_PATH, options: {}, followed: true },
  cloud: { path: IP_CLOUD_PATH, options: {}, followed: false },
  // Static routes only: a router with a full BGP table holds a million dynamic ones. Narrowed to the routes
  // through a WireGuard interface (what site-to-site adds) in the model; re-read with every full read and
  // before each backup.
  routes: { path: IP_ROUTE_PATH, options: { query: ['dynamic=false'] }, followed: false },
  // The router's wall clock against this computer's, for the doctor: read with every full read and when a
  // diagnosis is made (a router that booted without NTP starts at jan/02/1970, manual "Clock").
  clock: { path: CLOCK_PATH, options: {}, followed: false },
  // What sets that clock: whether the NTP client is on, which servers it asks, whether it is synchronized.
  ntp: { path: NTP_CLIENT_PATH, options: {}, followed: false },
  // Source NAT and the interface lists, for the set-up wizard's full-tunnel check: read with every full read and
  // again before the wizard proposes or creates.
  nat: { path: NAT_PATH, options: {}, followed: false },
  interfaceLists: { path: INTERFACE_LIST_MEMBER_PATH, options: {}, followed: false },
};

/** Why a part is not known: the router refused the print (its own words), or the print failed. */
export interface PartProblem {
  readonly code: 'REFUSED' | 'FAILED';
  /** The router's own text (`not enough permissions (9)`), or what went wrong. */
  readonly message: string;
  /** The print that was refused, e.g. `/ip/firewall/filter/print`. */
  readonly command: string;
  readonly at: number;
}

export type PartState = { readonly known: true; readonly readAt: number } | { readonly known: false; readonly problem: PartProblem | null };

export const NOT_READ: PartState = { known: false, problem: null };

export type PartRead = { readonly ok: true; readonly rows: Row[] } | { readonly ok: false; readonly problem: PartProblem };

/**
 * Prints `parts` in parallel on the router's connection. A refusal or a slow print makes only that part
 * unknown; a lost connection rejects the whole read (the connection manager reports the router offline).
 */
export async function readParts(client: RouterOsClient, parts: readonly ModelPart[], now: () => number): Promise<Map<ModelPart, PartRead>> {
  const results = await Promise.all(parts.map(async (part): Promise<[ModelPart, PartRead]> => [part, await readPart(client, part, now)]));
  return new Map(results);
}

async function readPart(client: RouterOsClient, part: ModelPart, now: () => number): Promise<PartRead> {
  const { path, options } = PART_PRINTS[part];
  try {
    return { ok: true, rows: await client.print(path, options) };
  } catch (error) {
    const problem = partProblem(error, `${path}/print`, now());
    if (problem) return { ok: false, problem };
    throw error;
  }
}

/** The problem a failed read of a part is, or undefined when the link itself failed (rethrown). */
export function partProblem(error: unknown, command: string, at: number): PartProblem | undefined {
  if (error instanceof RouterOsTrapError) return { code: 'REFUSED', message: error.traps.map((t) => t.message).join('; '), command, at };
  if (error instanceof RouterOsError && error.code === 'TIMEOUT') return { code: 'FAILED', message: error.message, command, at };
  return undefined;
}
