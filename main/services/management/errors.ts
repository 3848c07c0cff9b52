// How management failures reach the technician: a router's `!trap` becomes a TRAP AppError that says what
// was attempted and what the router answered; a link problem is told apart from a refusal, because a
// refusal settles one item while a lost link stops a whole run (bulk, import) for a later resume.
import { AppError } from '../../../src/contract/index.ts';
import { RouterOsTrapError } from '../../routeros/errors.ts';
import { toAppError } from '../errors.ts';

/** Known router answers, explained for the object at hand ("entry already exists" means a duplicate key on peers). */
export type TrapHints = Readonly<Record<string, string>>;

export const PEER_TRAP_HINTS: TrapHints = {
  'failure: entry already exists': 'Another peer on this router (on this or another WireGuard interface) already has this public key; each device needs its own key pair.',
  'failure: public key is the same as the interface public key': 'The peer key is the interface\'s own key; use the client\'s public key.',
  'can not change dynamic': 'This peer was made by the router itself (for example Back To Home) and is read-only.',
  'no such item': 'The peer is no longer on the router (removed elsewhere); reload the list.',
};

export const INTERFACE_TRAP_HINTS: TrapHints = {
  'failure: port already in use': 'Another WireGuard interface already listens on this port; pick a free one.',
  'failure: already have interface with such name': 'Interface names are shared by every interface type on the router; choose another name.',
  'failure: already have such address': 'That address is already configured on this interface.',
  'can not change dynamic': 'This interface was made by the router itself (for example Back To Home) and is read-only.',
  'no such item': 'The interface is no longer on the router (removed elsewhere); reload the list.',
};

export function trapError(error: RouterOsTrapError, attempted: string, hints: TrapHints = {}): AppError {
  const said = error.routerMessage;
  const hint = hints[said];
  return new AppError('TRAP', `${attempted}: the router said "${said}".${hint ? ` ${hint}` : ''}`, {
    attempted,
    command: error.command,
    routerMessage: said,
    traps: error.traps.map((t) => t.message),
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
