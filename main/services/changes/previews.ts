// Plans a technician has seen and not yet applied, kept in memory for a while (never on disk: a create's plan
// holds the private key made for it). Applying a preview recomputes the plan from the model as it is then,
// with the same generated material (keys), and refuses when the commands came out different: the router
// changed under the preview (PLAN_STALE, with both versions of the commands).
import { randomUUID } from 'node:crypto';
import { AppError, type ChangeKind, type PlanView } from '../../../src/contract/index.ts';
import { PlanRunner } from './apply.ts';
import type { ChangePlan } from './plan.ts';

export const PREVIEW_TTL_MS = 10 * 60_000;

interface Kept {
  readonly routerId: string;
  readonly kind: ChangeKind;
  readonly commands: readonly string[];
  /** The touched fields of each item as the preview saw them. */
  readonly before: ReadonlyMap<string, string>;
  readonly material: unknown;
  readonly expiresAt: number;
}

/** Per item, its touched fields before the change (one text, compared as a whole). */
function befores(plan: ChangePlan): Map<string, string> {
  return new Map(plan.diff.map((d) => [`${d.item.type}:${d.item.key}`, JSON.stringify(d.before)]));
}

export class PlanPreviews {
  readonly #kept = new Map<string, Kept>();
  /** Previews whose tunnel check the technician turned on, until applied (or expired). */
  readonly #tunnelCheck = new Map<string, number>();
  readonly #now: () => number;
  readonly #delaySec: () => number;

  constructor(o: { now: () => number; rollbackDelaySec: () => number }) {
    this.#now = o.now;
    this.#delaySec = o.rollbackDelaySec;
  }

  /** Keeps `plan` (and what it was made with) and returns what the preview shows. */
  keep(plan: ChangePlan, material: unknown): PlanView {
    this.#sweep();
    const planId = randomUUID();
    const commands = PlanRunner.commands(plan);
    const expiresAt = this.#now() + PREVIEW_TTL_MS;
    this.#kept.set(planId, { routerId: plan.routerId, kind: plan.kind, commands, before: befores(plan), material, expiresAt });
    return {
      planId,
      routerId: plan.routerId,
      kind: plan.kind,
      commands,
      diff: plan.diff.map((d) => ({ item: d.item, change: d.change, before: d.before, after: d.after })),
      warnings: [...plan.warnings],
      // What verification reads back (fields.ts itemDifferences): every field sent, not where a rule was put.
      verify: plan.steps.map((s) => ({ item: s.item.label, fields: s.verb === 'remove' ? ['removed'] : s.params.map(([k]) => k).filter((k) => k !== 'place-before') })),
      rollback: { delaySec: this.#delaySec(), script: PlanRunner.rollbackScript(plan, `wiredesk-undo-${planId.slice(0, 8)}`, true) },
      // Offered by changes:preview, which knows the router's tunnels (see tunnels.ts).
      tunnelCheck: null,
      expiresAt,
    };
  }

  /** Turns the tunnel check of a kept preview on or off (PLAN_STALE when it is gone). */
  setTunnelCheck(planId: string, routerId: string, on: boolean): void {
    this.#sweep();
    const kept = this.#kept.get(planId);
    if (!kept || kept.routerId !== routerId) {
      throw new AppError('PLAN_STALE', 'This preview is no longer available (it expired after 10 minutes, or was already applied). Preview the change again.', { planId, reason: 'expired' });
    }
    if (on) this.#tunnelCheck.set(planId, kept.expiresAt);
    else this.#tunnelCheck.delete(planId);
  }

  /** Whether the plan being applied was asked to wait for its tunnels; asked once per apply. */
  takeTunnelCheck(planId: string): boolean {
    const until = this.#tunnelCheck.get(planId);
    this.#tunnelCheck.delete(planId);
    return until !== undefined && until > this.#now();
  }

  /** The material a kept preview was made with; PLAN_STALE when it expired or was for something else. */
  material<T>(planId: string, routerId: string, kind: ChangeKind): T {
    this.#sweep();
    const kept = this.#kept.get(planId);
    if (!kept || kept.routerId !== routerId || kept.kind !== kind) {
      throw new AppError('PLAN_STALE', 'This preview is no longer available (it expired after 10 minutes, or was already applied). Preview the change again.', { planId, reason: 'expired' });
    }
    return kept.material as T;
  }

  /** For a preview kept with no material: refuses (PLAN_STALE) unless `plan` is what it showed; then forgets it. */
  check(planId: string, plan: ChangePlan): void {
    this.material(planId, plan.routerId, plan.kind);
    this.confirm(planId, plan);
  }

  /** Refuses (PLAN_STALE) when the plan recomputed now differs from the one previewed; then forgets the preview. */
  confirm(planId: string, plan: ChangePlan): void {
    const kept = this.#kept.get(planId);
    const now = PlanRunner.commands(plan);
    this.#kept.delete(planId);
    if (!kept) return;
    const before = befores(plan);
    const changed = [...new Set([...kept.before.keys(), ...before.keys()])]
      .filter((k) => kept.before.get(k) !== before.get(k))
      .map((k) => ({ item: k, previewed: kept.before.get(k) ?? null, now: before.get(k) ?? null }));
    if (changed.length > 0 || kept.commands.length !== now.length || kept.commands.some((c, i) => c !== now[i])) {
      throw new AppError('PLAN_STALE', 'The router changed since the preview: the items this change touches are not as the preview showed them. Nothing was sent. Review the new preview.', {
        planId, reason: 'changed', previewed: [...kept.commands], now, changed,
      });
    }
  }

  #sweep(): void {
    const t = this.#now();
    for (const [id, k] of this.#kept) if (k.expiresAt <= t) this.#kept.delete(id);
    for (const [id, until] of this.#tunnelCheck) if (until <= t) this.#tunnelCheck.delete(id);
  }
}
