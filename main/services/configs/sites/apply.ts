// Applies a site link as two change plans, A's then B's, each backed up, guarded by its router's own
// rollback and verified by the plan runner. When B's plan fails, B's runner has already undone B's part, and
// A's part is undone by a plan of its own, so the two routers end as they began. Every add and every removal
// is in the audit log with its outcome. When a link is lost, the routers' rollback entries finish the undo.
import { AppError, type InvokeOutput } from '../../../../src/contract/index.ts';
import type { AuditRepository } from '../../../store/audit.ts';
import type { PlanRunner } from '../../changes/apply.ts';
import type { ChangePlan, PlanStep } from '../../changes/plan.ts';
import { isLinkFailure, toAppError } from '../../errors.ts';
import { describeError, errorData } from '../../management/errors.ts';
import type { SidePlan } from './steps.ts';

type Outcome = InvokeOutput<'sites:connect'>;
type StepReport = Outcome['steps'][number];

export async function applyLink(sides: readonly [SidePlan, SidePlan], runner: PlanRunner, audit: AuditRepository): Promise<Omit<Outcome, 'preview'>> {
  const reports: StepReport[][] = sides.map((s) => s.info.map((i) => ({ routerId: s.side.ctx.routerId, routerName: s.side.ctx.routerName, action: i.action, object: i.object, outcome: 'done' as StepReport['outcome'], message: null as string | null })));
  const record = (s: SidePlan, i: number, action: 'create' | 'delete', outcome: 'ok' | 'failed', id: string | null, error?: unknown, planId: string | null = null) =>
    audit.append({
      routerId: s.side.ctx.routerId, routerName: s.side.ctx.routerName, action, objectType: s.info[i]!.objectType, objectId: id, objectName: s.info[i]!.object,
      before: action === 'delete' ? s.info[i]!.view : undefined, after: action === 'create' && outcome === 'ok' ? s.info[i]!.view : undefined,
      outcome, error: error === undefined ? null : describeError(error), planId,
    });
  const applied: Array<readonly (string | null)[]> = [];
  for (let n = 0; n < sides.length; n++) {
    const s = sides[n]!;
    const other = sides[1 - n]!;
    try {
      const result = await runner.apply(s.side.ctx, s.plan, { subject: { code: 'site.link', params: { other: other.side.ctx.routerName } } });
      result.ids.forEach((id, i) => record(s, i, 'create', 'ok', id, undefined, result.report.planId));
      applied.push(result.ids);
    } catch (error) {
      const report = toAppError(error)?.details?.['report'] as { steps?: Array<{ state: string; error: string | null }> } | undefined;
      const lost = isLinkFailure(error);
      s.plan.steps.forEach((_, i) => {
        const state = report?.steps?.[i]?.state ?? 'not-sent';
        const r = reports[n]![i]!;
        if (state === 'failed') {
          r.outcome = 'failed';
          r.message = describeError(error);
          record(s, i, 'create', 'failed', null, error);
        } else if (state === 'undone') {
          r.outcome = 'undone';
          record(s, i, 'create', 'ok', null);
          record(s, i, 'delete', 'ok', null);
        } else if (state === 'done' || state === 'unknown') {
          r.outcome = lost ? 'left-behind' : 'undone';
          r.message = lost ? `The link to ${s.side.ctx.routerName} was lost: its own rollback entry removes this within a minute; check it then.` : null;
        } else {
          r.outcome = 'failed';
          r.message = 'Not sent.';
        }
      });
      let leftBehind = lost;
      // Undo what the sides before this one applied: a plan of their steps' undos, newest first.
      for (let k = applied.length - 1; k >= 0; k--) {
        const done = sides[k]!;
        try {
          await runner.apply(done.side.ctx, undoPlan(done.plan, applied[k]!), { subject: { code: 'site.undo', params: { other: sides[1 - k]!.side.ctx.routerName } } });
          done.info.forEach((_, i) => {
            reports[k]![i]!.outcome = 'undone';
            record(done, i, 'delete', 'ok', applied[k]![i] ?? null);
          });
        } catch (undoError) {
          leftBehind = true;
          done.info.forEach((_, i) => {
            reports[k]![i]!.outcome = 'left-behind';
            reports[k]![i]!.message = `Could not be removed again (${describeError(undoError)}): remove it on ${done.side.ctx.routerName} by hand.`;
            record(done, i, 'delete', 'failed', applied[k]![i] ?? null, undoError);
          });
        }
      }
      return { outcome: leftBehind ? 'partial' : 'rolled-back', error: errorData(error), steps: order(reports) };
    }
  }
  return { outcome: 'connected', error: null, steps: order(reports) };
}

/** Peers first on both routers, then routes: the order a technician reads a link in. */
function order(reports: StepReport[][]): StepReport[] {
  const all = reports.flat();
  return [...all.filter((r) => r.action === 'add-peer'), ...all.filter((r) => r.action === 'add-route')];
}

/** The removal of every item `plan` added, newest first, by the ids the router gave them. */
function undoPlan(plan: ChangePlan, ids: readonly (string | null)[]): ChangePlan {
  const steps: PlanStep[] = plan.steps.map((s, i): PlanStep | null => {
    if (!s.undo || !s.undo.target) return null;
    return { ...s.undo, target: { ...s.undo.target, id: ids[i] ?? '' }, undo: { ...s, undo: null } };
  }).filter((s): s is PlanStep => s !== null).reverse();
  if (steps.length === 0) throw new AppError('INTERNAL', 'nothing to undo');
  return { ...plan, steps, diff: plan.diff.map((d) => ({ ...d, change: 'remove' as const, before: d.after, after: null })) };
}
