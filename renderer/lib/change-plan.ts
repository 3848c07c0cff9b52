// What the Preview step and the reports show, worked out from the plan main computed: the field table of
// each item (before, after, which changed), a refused-as-stale apply, the step-by-step report an error
// carries, and the seconds left before the router undoes a change by itself. Pure: no React.
import { applyReportSchema, type ApplyReportView, type ItemDiffView } from '../../src/contract/index.ts';
import type { ActionError } from './action-error.ts';

export interface DiffRow {
  field: string;
  /** null: the item (or this field) is absent on that side. */
  before: string | null;
  after: string | null;
  changed: boolean;
}

/**
 * One row per field of an item. An added item has every field "after", a removed one every field "before";
 * an edited item lists its changed fields first (in the router's order), then the ones that stay.
 */
export function diffRows(diff: ItemDiffView): DiffRow[] {
  const before = diff.before ?? {};
  const after = diff.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rows = fields.map((field): DiffRow => {
    const b = diff.before && field in before ? before[field]! : null;
    const a = diff.after && field in after ? after[field]! : null;
    return { field, before: b, after: a, changed: b !== a };
  });
  if (diff.change !== 'edit') return rows;
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

export interface StalePlan {
  reason: 'changed' | 'expired';
  /** The commands the preview showed and the ones the router's state gives now ('changed' only). */
  previewed: string[];
  now: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A PLAN_STALE refusal: nothing was sent, the change has to be previewed again. */
export function staleOf(error: ActionError | null): StalePlan | null {
  if (!error || error.code !== 'PLAN_STALE') return null;
  const reason = error.details?.['reason'] === 'changed' ? 'changed' : 'expired';
  return { reason, previewed: strings(error.details?.['previewed']), now: strings(error.details?.['now']) };
}

/** The step-by-step report a failed apply carries in its details, when it is one. */
export function reportOf(error: ActionError | null): ApplyReportView | null {
  const raw = error?.details?.['report'];
  if (raw === undefined) return null;
  const parsed = applyReportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A successful apply is worth a report when verification found differences or it did not end as 'applied'. */
export function isNoteworthy(report: ApplyReportView | undefined | null): report is ApplyReportView {
  return !!report && (report.differences.length > 0 || report.outcome !== 'applied' || report.rollback.state === 'pending');
}

/** Whole seconds until `at` (never below 0). */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Lines the commands block copies: one command per line, exactly as main wrote them. */
export function commandText(commands: readonly string[]): string {
  return commands.join('\n');
}

/** Main sends a bulk action or an import in plans of at most this many peers (main/services/management/bulk.ts CHUNK). */
export const PLAN_PART_SIZE = 50;
