// Writes one audit entry per change sent to a router, whatever its outcome. Only work that reaches the router
// is recorded: a refusal before sending (validation, offline) changed nothing. Callers pass plain views of
// the object; the repository strips secret-named fields again, and no key is ever put in a view.
import type { AuditAction, AuditRepository } from '../../store/audit.ts';
import { toAppError } from '../errors.ts';
import { describeError } from './errors.ts';

export interface AuditSubject {
  routerId: string;
  routerName: string;
  action: AuditAction;
  objectType: 'interface' | 'peer' | 'import-job' | 'reservation' | 'endpoint' | 'client-routes' | 'backup' | 'change' | 'firewall-rule' | 'ntp-client';
  objectId?: string | null;
  objectName?: string | null;
  before?: unknown;
  /** The change plan it was sent in. */
  planId?: string | null;
}

export interface Recorded<T> {
  value: T;
  after?: unknown;
  /** Known only once the router answered (e.g. the id of an added item). */
  objectId?: string;
  /** The change plan the work was sent in (from its report), for the undo in the activity log. */
  planId?: string;
}

export class AuditTrail {
  readonly #repo: AuditRepository;

  constructor(repo: AuditRepository) {
    this.#repo = repo;
  }

  async record<T>(subject: AuditSubject, work: () => Promise<Recorded<T>>): Promise<T> {
    let result: Recorded<T>;
    try {
      result = await work();
    } catch (error) {
      // Refused before anything was sent (an earlier change still to be found out): nothing to record.
      if (toAppError(error)?.details?.['nothingSent'] !== true) this.failed(subject, error);
      throw error;
    }
    this.ok({ ...subject, objectId: result.objectId ?? subject.objectId ?? null, planId: result.planId ?? subject.planId ?? null }, result.after);
    return result.value;
  }

  ok(subject: AuditSubject, after?: unknown): void {
    this.#repo.append({ ...subject, after, outcome: 'ok' });
  }

  /**
   * A failed change names the plan it was sent in (from the report its error carries), so a change whose answer
   * was lost can be given its true outcome later (AuditRepository.resolve) instead of a second entry.
   */
  failed(subject: AuditSubject, error: unknown): void {
    this.#repo.append({ ...subject, planId: subject.planId ?? planIdOf(error), outcome: 'failed', error: describeError(error) });
  }
}

function planIdOf(error: unknown): string | null {
  const id = (toAppError(error)?.details?.['report'] as { planId?: unknown } | undefined)?.planId;
  return typeof id === 'string' ? id : null;
}
