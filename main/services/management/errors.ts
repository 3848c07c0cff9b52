// How management failures reach the technician: a router's `!trap` becomes a TRAP AppError that says what
// was attempted and what the router answered; a link problem is told apart from a refusal, because a
// refusal settles one item while a lost link stops a whole run (bulk, import) for a later resume.
import { AppError } from '../../../src/contract/index.ts';
import { RouterOsTrapError } from '../../routeros/errors.ts';
import { toAppError } from '../errors.ts';

/**
 * What a router's refusal means, matched on its meaning rather than its exact text: real routers add a
 * `failure: ` prefix to many refusals and a `(N)` code to others (`not enough permissions (9)`, `no such item
 * (4)`), and write "cannot" or "can not" by version (../shared/reference/routeros-api.md).
 */
export const TRAP_MEANINGS = {
  'entry already exists': 'exists',
  'not enough permissions': 'permission',
  'no such item': 'no-such-item',
  'can not change dynamic': 'dynamic',
  'can not change builtin': 'builtin',
  'invalid user name or password': 'login',
  'port already in use': 'port-in-use',
  'already have interface with such name': 'name-taken',
  'already have such address': 'address-taken',
  'public key is the same as the interface public key': 'own-key',
} as const;
export type TrapMeaning = (typeof TRAP_MEANINGS)[keyof typeof TRAP_MEANINGS];

/** The router's words without what varies between routers: prefix, code, case, "cannot"/"can not". */
export function trapMeaning(message: string): TrapMeaning | null {
  const core = message.trim().toLowerCase().replace(/^failure:\s*/, '').replace(/\s*\(\d+\)$/, '').replace(/\bcannot\b/g, 'can not');
  return (TRAP_MEANINGS as Readonly<Record<string, TrapMeaning>>)[core] ?? null;
}

/** Known router answers by meaning, explained for the object at hand ("exists" means a duplicate key on peers). */
export type TrapHints = Readonly<Partial<Record<TrapMeaning, string>>>;

export const PEER_TRAP_HINTS: TrapHints = {
  exists: 'Another peer on this router (on this or another WireGuard interface) already has this public key; each device needs its own key pair.',
  'own-key': 'The peer key is the interface\'s own key; use the client\'s public key.',
  dynamic: 'This peer was made by the router itself (for example Back To Home) and is read-only.',
  'no-such-item': 'The peer is no longer on the router (removed elsewhere); reload the list.',
};

export const INTERFACE_TRAP_HINTS: TrapHints = {
  'port-in-use': 'Another WireGuard interface already listens on this port; pick a free one.',
  'name-taken': 'Interface names are shared by every interface type on the router; choose another name.',
  'address-taken': 'That address is already configured on this interface.',
  dynamic: 'This interface was made by the router itself (for example Back To Home) and is read-only.',
  'no-such-item': 'The interface is no longer on the router (removed elsewhere); reload the list.',
};

/** The RouterOS policy a command needs: `read` to print or follow, `test` for /ping, `write` to change anything. */
export function policyFor(command: string): 'read' | 'write' | 'test' {
  const verb = command.slice(command.lastIndexOf('/') + 1);
  if (command === '/ping') return 'test';
  return verb === 'print' || verb === 'get' || verb === 'listen' ? 'read' : 'write';
}

export function trapError(error: RouterOsTrapError, attempted: string, hints: TrapHints = {}): AppError {
  const said = error.routerMessage;
  const meaning = trapMeaning(said);
  // A permission refusal names what the login lacks, whatever the object (RouterOS only says "not enough permissions").
  const policy = meaning === 'permission' ? policyFor(error.command ?? '') : null;
  const hint = policy
    ? `The router login's group lacks the "${policy}" policy: give it ${policy} access (System → Users → Groups), or log in as a user that has it.`
    : meaning ? hints[meaning] : undefined;
  return new AppError('TRAP', `${attempted}: the router said "${said}".${hint ? ` ${hint}` : ''}`, {
    attempted,
    command: error.command,
    routerMessage: said,
    traps: error.traps.map((t) => t.message),
    ...(meaning ? { meaning } : {}),
    ...(policy ? { policy } : {}),
  });
}

/** Runs one router command; a refusal is rethrown with what was attempted. */
export async function attempt<T>(attempted: string, work: () => Promise<T>, hints: TrapHints = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RouterOsTrapError) throw trapError(error, attempted, hints);
    throw error;
  }
}

/** A sentence for per-item results and the audit log. */
export function describeError(error: unknown): string {
  const known = toAppError(error);
  if (known) return known.message;
  return error instanceof Error ? error.message : String(error);
}

export function errorData(error: unknown): { code: string; message: string } {
  const known = toAppError(error);
  return known ? { code: known.code, message: known.message } : { code: 'INTERNAL', message: describeError(error) };
}
