// Runs the steps of a link in order; on the first failure removes what was added, newest first, so the two
// routers end as they began. Every add and every removal is in the audit log with its outcome. An add whose
// answer was lost (link failure) may still have happened, so it is looked up and removed too.
import type { InvokeOutput } from '../../../../src/contract/index.ts';
import type { AuditRepository } from '../../../store/audit.ts';
import { isLinkFailure } from '../../errors.ts';
import { describeError, errorData } from '../../management/errors.ts';
import type { Step } from './steps.ts';

type Outcome = InvokeOutput<'sites:connect'>;
type StepReport = Outcome['steps'][number];

export async function applySteps(steps: readonly Step[], audit: AuditRepository): Promise<Omit<Outcome, 'preview'>> {
  const done: Array<{ step: Step; id: string; report: StepReport }> = [];
  const reports: StepReport[] = [];
  const record = (step: Step, action: 'create' | 'delete', outcome: 'ok' | 'failed', id: string | null, error?: unknown) =>
    audit.append({
      routerId: step.side.ctx.routerId,
      routerName: step.side.ctx.routerName,
      action,
      objectType: step.objectType,
      objectId: id,
      objectName: step.object,
      before: action === 'delete' ? step.view : undefined,
      after: action === 'create' && outcome === 'ok' ? step.view : undefined,
      outcome,
      error: error === undefined ? null : describeError(error),
    });

  for (const step of steps) {
    const report: StepReport = { routerId: step.side.ctx.routerId, routerName: step.side.ctx.routerName, action: step.action, object: step.object, outcome: 'done', message: null };
    reports.push(report);
    try {
      const id = await step.add();
      record(step, 'create', 'ok', id);
      done.push({ step, id, report });
    } catch (error) {
      record(step, 'create', 'failed', null, error);
      report.outcome = 'failed';
      report.message = describeError(error);
      let uncertain = false;
      if (isLinkFailure(error)) {
        const found = await findQuietly(step);
        if (found) done.push({ step, id: found, report });
        if (found === undefined) {
          uncertain = true;
          report.message += ` The answer was lost, so it may have been added: check ${step.side.ctx.routerName} and remove it by hand if it is there.`;
        }
      }
      const leftBehind = await undo(done, record);
      return { outcome: leftBehind || uncertain ? 'partial' : 'rolled-back', error: errorData(error), steps: reports };
    }
  }
  return { outcome: 'connected', error: null, steps: reports };
}

/** The item's id, null when it is not there, undefined when the router still cannot be asked. */
async function findQuietly(step: Step): Promise<string | null | undefined> {
  try {
    return await step.find();
  } catch {
    return undefined;
  }
}

/** Removes in reverse order; true when something could not be removed. */
async function undo(
  done: Array<{ step: Step; id: string; report: StepReport }>,
  record: (step: Step, action: 'delete', outcome: 'ok' | 'failed', id: string, error?: unknown) => void,
): Promise<boolean> {
  let leftBehind = false;
  for (const { step, id, report } of [...done].reverse()) {
    try {
      await step.remove(id);
      record(step, 'delete', 'ok', id);
      if (report.outcome === 'done') report.outcome = 'undone';
      else report.message += ' It had been added after all and was removed again.';
    } catch (error) {
      record(step, 'delete', 'failed', id, error);
      leftBehind = true;
      report.outcome = 'left-behind';
      report.message = `Could not be removed again (${describeError(error)}): remove it on ${step.side.ctx.routerName} by hand.`;
    }
  }
  return leftBehind;
}
