// What WireDesk reads right after login: identity, version and board, and whether this router and user can
// manage WireGuard at all. Shared by "Test connection" and by every managed connection.
import { parseRouterOsVersion, supportsWireGuard } from '../../src/domain/routeros-version.ts';
import type { RouterOsClient } from '../routeros/client.ts';
import { RouterOsError } from '../routeros/errors.ts';

export interface RouterFactsRead {
  identity: string;
  version: string;
  board: string;
  /** Policies of the user's group when the router lets us read them; null when it does not. */
  policies: string[] | null;
  missingPolicies: string[];
}

/** Policies WireDesk needs: the API itself, reading and changing configuration, and /ping (test). */
export const REQUIRED_POLICIES = ['api', 'read', 'write', 'test'] as const;

/** The router answers but cannot be managed (RouterOS < 7 has no WireGuard). Retrying will not help. */
export class UnsupportedRouterError extends RouterOsError {
  readonly version: string;
  constructor(host: string, version: string) {
    super('CONNECT_FAILED', `${host} runs RouterOS ${version}, which has no WireGuard. WireDesk needs RouterOS 7.1 or newer: upgrade the router first.`, { host });
    this.name = 'UnsupportedRouterError';
    this.version = version;
  }
}

export async function readRouterFacts(client: RouterOsClient, username: string): Promise<RouterFactsRead> {
  const [identityRows, resourceRows] = await Promise.all([client.print('/system/identity'), client.print('/system/resource')]);
  const identity = identityRows[0]?.['name'] ?? '';
  const resource = resourceRows[0] ?? {};
  const version = resource['version'] ?? 'unknown';
  const board = resource['board-name'] ?? '';
  const parsed = parseRouterOsVersion(version);
  if (!parsed.ok || !supportsWireGuard(parsed.value)) throw new UnsupportedRouterError(client.host, version);
  const policies = await readPolicies(client, username);
  const missingPolicies = policies ? REQUIRED_POLICIES.filter((p) => !policies.includes(p)) : [];
  return { identity, version, board, policies, missingPolicies };
}

async function readPolicies(client: RouterOsClient, username: string): Promise<string[] | null> {
  try {
    const [user] = await client.print('/user', { query: [`name=${username}`], proplist: ['name', 'group'] });
    const group = user?.['group'];
    if (!group) return null;
    const [row] = await client.print('/user/group', { query: [`name=${group}`], proplist: ['name', 'policy'] });
    const policy = row?.['policy'];
    if (policy === undefined) return null;
    // RouterOS lists granted policies plainly and denied ones with a leading '!'.
    return policy.split(',').map((p) => p.trim()).filter((p) => p && !p.startsWith('!'));
  } catch (error) {
    // A user without the "read" policy on /user cannot list users: that is itself the answer we report
    // elsewhere (write attempts fail with "not enough permissions"); do not block connecting on it.
    if (error instanceof RouterOsError && error.code === 'TRAP') return null;
    throw error;
  }
}

export function policyWarning(facts: RouterFactsRead, username: string): string | null {
  if (facts.missingPolicies.length === 0) return null;
  return `The RouterOS user "${username}" lacks the ${facts.missingPolicies.join(', ')} ${facts.missingPolicies.length === 1 ? 'policy' : 'policies'}. ` +
    'WireDesk can read but changes or pings will be refused: give the user a group with api, read, write and test in /user/group.';
}
