// A change plan: what WireDesk will send to a router, computed from the router model before anything is
// sent. The same step objects are shown (as RouterOS console lines), sent (as API sentences), undone (their
// inverse steps, by WireDesk over the API or by the router itself from a scheduler script) and verified (the
// fields each step sets, read back). Nothing here talks to a router.
import type { ManagementWarning } from '../../../src/contract/index.ts';
import type { ParamValue } from '../../routeros/text.ts';

export type ItemType = 'peer' | 'interface' | 'address' | 'firewall' | 'route' | 'setting' | 'nat';

/** What a step touches, named so a technician recognises it; `key` is stable across ids (a public key, a name). */
export interface PlanItem {
  readonly type: ItemType;
  readonly key: string;
  readonly label: string;
}

/** How a step finds its item: by `.id` over the API (exact, as read), by fields in a script (ids can change). */
export interface StepTarget {
  readonly id: string;
  readonly find: readonly (readonly [string, string])[];
}

export interface PlanStep {
  /** API menu path: `/interface/wireguard/peers`. */
  readonly menu: string;
  readonly verb: 'add' | 'set' | 'remove';
  /**
   * For set and remove; an add's undo targets the id the add answered (known once sent) or its find fields.
   * Null on a `set`: the only item of a singleton menu (/ip/cloud), which has no id.
   */
  readonly target: StepTarget | null;
  /** In the order sent. */
  readonly params: readonly (readonly [string, ParamValue])[];
  readonly item: PlanItem;
  /** What the step does, for a refusal's message: `Adding peer "ali" to wg1`. */
  readonly label: string;
  /** Known router answers explained for this kind of item. */
  readonly hints?: Readonly<Record<string, string>>;
  /** What puts the item back as it was; null when nothing can (then the plan says so). */
  readonly undo: PlanStep | null;
}

/** Fields in RouterOS's own names and printed form; null: the item is absent (before an add, after a remove). */
export type ItemFields = Readonly<Record<string, string>>;

export interface ItemDiff {
  readonly item: PlanItem;
  readonly change: 'add' | 'edit' | 'remove';
  readonly before: ItemFields | null;
  readonly after: ItemFields | null;
}

export type { ChangeKind } from '../../../src/contract/index.ts';
import type { ChangeKind } from '../../../src/contract/index.ts';

export interface ChangePlan {
  readonly routerId: string;
  readonly kind: ChangeKind;
  /** The item named in titles and in the activity log. */
  readonly subject: PlanItem;
  readonly steps: readonly PlanStep[];
  readonly diff: readonly ItemDiff[];
  readonly warnings: readonly ManagementWarning[];
  /** Fields whose values are secrets: sent, never shown, logged or kept in a backup. */
  readonly secretFields: ReadonlySet<string>;
}

/** Fields a peer print may carry that are secrets (and so never shown in a preview). */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['private-key', 'preshared-key']);

/** A step's params as printed values (booleans as RouterOS prints them in a script: yes/no). */
export function printedParams(step: PlanStep): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of step.params) out[k] = printValue(v);
  return out;
}

export function printValue(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.text;
}

/** Several plans of one kind as one (a bulk action): their steps and diffs in order, their warnings once each. */
export function combinePlans(kind: ChangeKind, subject: PlanItem, plans: readonly ChangePlan[]): ChangePlan {
  const first = plans[0];
  if (!first) throw new RangeError('combinePlans needs at least one plan');
  const warnings = new Map(plans.flatMap((p) => p.warnings).map((w) => [`${w.code}:${w.message}`, w]));
  return {
    routerId: first.routerId, kind, subject,
    steps: plans.flatMap((p) => p.steps), diff: plans.flatMap((p) => p.diff),
    warnings: [...warnings.values()], secretFields: first.secretFields,
  };
}
