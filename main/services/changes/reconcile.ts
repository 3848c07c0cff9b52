// What a plan did on the router when WireDesk lost the answer: each step kept as a check (the menu, how its
// item is found before and after, the fields it sets and had, as printed) and read back later from the router
// itself. A step stands 'after' (done), 'before' (not done), 'both' (it changed nothing) or 'neither' (someone
// else changed the item). The plan stands when every step does, did not happen when none did; anything else
// is partial, for the router's own rollback to undo. No secret is kept: secret fields are left out, and an
// item is found by a public key, a name or an address, never by a key of its own.
import type { CommandOptions, RouterOsClient } from '../../routeros/client.ts';
import type { Row } from '../../routeros/rows.ts';
import { itemDifferences } from './fields.ts';
import { printValue, type ChangePlan, type PlanStep } from './plan.ts';

type Pairs = Array<[string, string]>;

export interface StepCheck {
  readonly menu: string;
  readonly verb: PlanStep['verb'];
  /** Query words that find the item once the step is done; null for the one item of a singleton menu (/ip/cloud). */
  readonly findAfter: Pairs | null;
  /** The same before the step (a key rotation finds the peer by its old key). */
  readonly findBefore: Pairs | null;
  /** The fields the step sets, as printed, secrets left out. */
  readonly after: Pairs;
  /** Those fields as they were (the undo's values), when the plan knows them. */
  readonly before: Pairs | null;
}

export type StepStanding = 'after' | 'before' | 'both' | 'neither';
export type PlanStanding = 'applied' | 'not-applied' | 'partial';

function pairs(list: readonly (readonly [string, unknown])[] | undefined, secret: ReadonlySet<string>): Pairs {
  return (list ?? []).filter(([k]) => !secret.has(k)).map(([k, v]) => [k, printValue(v as Parameters<typeof printValue>[0])]);
}

/** The checks for each step of a plan, kept with its journal entry before anything is sent. */
export function planChecks(plan: ChangePlan): StepCheck[] {
  const secret = plan.secretFields;
  return plan.steps.map((step): StepCheck => {
    const after = pairs(step.params, secret);
    const own = step.target ? pairs(step.target.find, secret) : null;
    if (step.verb === 'add') {
      // An add's undo removes it by what finds it (a public key, a name): the same finds it now.
      const find = step.undo?.target ? pairs(step.undo.target.find, secret) : after.filter(([k]) => k === 'name');
      return { menu: step.menu, verb: 'add', findAfter: find, findBefore: find, after, before: null };
    }
    if (step.verb === 'remove') return { menu: step.menu, verb: 'remove', findAfter: own, findBefore: own, after: [], before: null };
    const findAfter = step.undo?.target ? pairs(step.undo.target.find, secret) : own;
    const before = step.undo && step.undo.verb === 'set' ? pairs(step.undo.params, secret) : null;
    return { menu: step.menu, verb: 'set', findAfter: step.target ? findAfter : null, findBefore: own, after, before };
  });
}

async function find(client: RouterOsClient, menu: string, by: Pairs | null, opts: CommandOptions): Promise<Row | null | undefined> {
  if (by === null) return (await client.print(menu, opts))[0] ?? null;
  // Nothing to find it by: the step cannot be read back.
  if (by.length === 0) return undefined;
  const rows = await client.print(menu, { query: by.map(([k, v]) => `${k}=${v}`), ...opts });
  return rows[0] ?? null;
}

function matches(fields: Pairs, row: Row | null | undefined): boolean {
  return !!row && itemDifferences(fields, row).length === 0;
}

/** Where one step stands on the router now. */
export async function stepStanding(client: RouterOsClient, check: StepCheck, opts: CommandOptions = {}): Promise<StepStanding> {
  const now = await find(client, check.menu, check.findAfter, opts);
  const was = check.findBefore === check.findAfter ? now : await find(client, check.menu, check.findBefore, opts);
  if (now === undefined || was === undefined) return 'neither';
  let done: boolean;
  let notDone: boolean;
  if (check.verb === 'add') {
    done = matches(check.after, now);
    notDone = now === null;
  } else if (check.verb === 'remove') {
    done = now === null;
    notDone = now !== null;
  } else {
    done = matches(check.after, now);
    notDone = check.before === null ? was !== null && !done : matches(check.before, was);
  }
  return done && notDone ? 'both' : done ? 'after' : notDone ? 'before' : 'neither';
}

/** Where the whole plan stands: every step done, none, or some (with each step's standing). */
export async function planStanding(client: RouterOsClient, checks: readonly StepCheck[], opts: CommandOptions = {}): Promise<{ standing: PlanStanding; steps: StepStanding[] }> {
  const steps: StepStanding[] = [];
  for (const check of checks) steps.push(await stepStanding(client, check, opts));
  const standing: PlanStanding = steps.every((s) => s === 'after' || s === 'both')
    ? 'applied'
    : steps.every((s) => s === 'before' || s === 'both') ? 'not-applied' : 'partial';
  return { standing, steps };
}
