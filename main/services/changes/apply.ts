// Applies a change plan so that a change which cuts WireDesk off the router is undone by the router itself:
//  1. backup of the WireGuard scope and the plan's journal entry, in one local transaction, before anything
//     is sent;
//  2. a rollback entry armed on the router: a /system/scheduler entry whose script removes itself and runs
//     the plan's undo steps after the rollback delay (default 60 s) unless WireDesk removes it first;
//  3. the steps, in order; a refusal stops the plan and WireDesk undoes the steps already done;
//  4. verification: a new connection must be accepted (the change did not lock WireDesk out), every item
//     the plan touched is read back and compared, field by field, with what was sent, and, when the technician
//     turned on the tunnel check in the Preview step, each up tunnel the change touched shows a handshake or
//     traffic within its window (tunnels.ts);
//  5. the rollback entry removed. A failed verification undoes the plan first.
// If the link is lost at any point after the rollback entry was armed, the plan is "rollback pending": the
// router will run the undo at the time it printed, and the service confirms what it did on reconnect.
// See docs/decisions/0006-safe-changes.md for why a scheduler entry, and what it costs the router.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src/contract/index.ts';
import type { ChangeSubject } from '../../../src/contract/changes.ts';
import { isAtLeast, peerFeatures } from '../../../src/domain/index.ts';
import type { CommandOptions, RouterOsClient } from '../../routeros/client.ts';
import { readRouterClock, schedulerStart, SCHEDULER_PATH } from '../../routeros/menus/system-scheduler.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ChangeJournal } from '../../store/change-journal.ts';
import { isLinkFailure, toAppError } from '../errors.ts';
import { attempt } from '../management/errors.ts';
import type { RouterContext } from '../management/router-session.ts';
import type { ModelPart } from '../router-model/parts.ts';
import type { RouterModels } from '../router-model/index.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import { IP_ADDRESS_PATH, IPV6_ADDRESS_PATH } from '../../routeros/menus/ip-address.ts';
import { NAT_PATH } from '../../routeros/menus/firewall-nat.ts';
import { IP_ROUTE_PATH } from '../../routeros/menus/ip-route.ts';
import { IP_CLOUD_PATH } from '../../routeros/menus/ip-cloud.ts';
import { NTP_CLIENT_PATH } from '../../routeros/menus/system-ntp.ts';
import { FILTER_PATH as FIREWALL_FILTER_PATH } from '../../routeros/menus/firewall-filter.ts';
import { snapshotScope, toRsc } from './backup.ts';
import { commandLine, scriptLine, stepParams } from './cli.ts';
import { itemDifferences } from './fields.ts';
import type { ChangePlan, PlanItem, PlanStep } from './plan.ts';
import { planChecks } from './reconcile.ts';
import { subjectText } from './subjects.ts';
import { awaitTunnels, tunnelCandidates, tunnelWindowSec } from './tunnels.ts';


/** Safe Mode over the API (tik4net "RouterOS 7.18+ scriptable safe-mode"; see docs/decisions/0006). */
const SAFE_MODE_SINCE = '7.18';

export type StepState = 'done' | 'undone' | 'not-sent' | 'failed' | 'unknown';
export type ApplyOutcome = 'applied' | 'undone' | 'failed' | 'rollback-pending';

export interface StepReport {
  readonly cli: string;
  readonly item: PlanItem;
  state: StepState;
  error: string | null;
}

export interface Difference {
  readonly item: PlanItem;
  readonly field: string;
  readonly expected: string | null;
  readonly actual: string | null;
}

export interface ApplyReport {
  readonly planId: string;
  outcome: ApplyOutcome;
  readonly steps: StepReport[];
  differences: Difference[];
  readonly backupId: number | null;
  rollback: { state: 'removed' | 'pending' | 'not-armed'; name: string | null; runsAt: number | null };
  /** 'used': the steps ran in RouterOS Safe Mode (7.18+); 'busy': another session held it; 'not-supported': older RouterOS. */
  safeMode: 'used' | 'busy' | 'not-supported';
}

export interface Applied {
  readonly report: ApplyReport;
  /** Per step, the id the router gave an added item (null for set and remove). */
  readonly ids: readonly (string | null)[];
  /** Per step, the item's row as read back after the change (null after a remove). */
  readonly rows: readonly (Row | null)[];
}

export interface PlanRunnerDeps {
  readonly journal: ChangeJournal;
  readonly models: Pick<RouterModels, 'state' | 'applyPeerRow' | 'expectRemoval' | 'forgetPeer' | 'readNow'>;
  /** Opens a new connection to the router and logs in (then closes it); throws when the router does not answer. */
  readonly probe: (routerId: string, timeoutMs: number) => Promise<void>;
  readonly rollbackDelaySec: () => number;
  readonly now: () => number;
  /** A plan is waiting for the router's own rollback (WireDesk lost the link after arming it). */
  readonly onRollbackPending?: (routerId: string, planId: string, runsAt: number) => void;
  /**
   * The session stopped answering mid-change: the connection is dropped so the router's status says so at once
   * (instead of Online until the next poll times out), and under Safe Mode the router unrolls at once.
   */
  readonly onLinkLost?: (routerId: string) => void;
  /** Whether the technician asked, in this plan's Preview step, to wait for the touched tunnels to come back. */
  readonly tunnelCheck?: (planId: string) => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Before anything of a new plan is sent: refuses while an earlier plan on this router waits to be found out
   * (its answer was lost), so a retry cannot add what the router already has.
   */
  readonly beforeApply?: (routerId: string) => Promise<void>;
}

/** The step a plan's undo needs for an added item: the id the add answered, when known. */
function undoOf(step: PlanStep, addedId: string | null): PlanStep | null {
  if (!step.undo) return null;
  if (step.verb === 'add' && step.undo.target) return { ...step.undo, target: { ...step.undo.target, id: addedId ?? '' } };
  return step.undo;
}

export class PlanRunner {
  readonly #d: PlanRunnerDeps;

  constructor(deps: PlanRunnerDeps) {
    this.#d = deps;
  }

  /**
   * Waits until no earlier plan on this router is still to be found out (refused with CONFLICT when one stays
   * pending): for work that reads the router before it plans (an import's resume).
   */
  async settled(routerId: string): Promise<void> {
    await this.#d.beforeApply?.(routerId);
  }

  /** The commands a preview shows, in the order they are sent; secrets as <hidden>. */
  static commands(plan: ChangePlan): string[] {
    return plan.steps.map((s) => commandLine(s, plan.secretFields));
  }

  /** The script the router runs by itself if WireDesk loses it: the undo steps, newest first, secrets hidden. */
  static rollbackScript(plan: ChangePlan, name: string, hide: boolean): string[] {
    const undo = [...plan.steps].reverse().flatMap((s) => (s.undo ? [scriptLine(s.undo, { hideSecrets: hide ? plan.secretFields : new Set() })] : []));
    // A RouterOS script stops at its first failing line. With several undo lines, one that fails (the
    // re-add of an item whose removal was never sent) must not keep the others from running.
    const lines = undo.length > 1 ? undo.map((l) => `:do { ${l} } on-error={}`) : undo;
    return [`/system scheduler remove [find name=${name}]`, ...lines];
  }

  async apply(ctx: RouterContext, plan: ChangePlan, o: { planId?: string; subject: ChangeSubject; onStep?: (index: number) => void }): Promise<Applied> {
    await this.#d.beforeApply?.(ctx.routerId);
    const planId = o.planId ?? randomUUID();
    const title = subjectText(o.subject);
    const name = `wiredesk-undo-${planId.slice(0, 8)}`;
    const steps: StepReport[] = plan.steps.map((s) => ({ cli: commandLine(s, plan.secretFields), item: s.item, state: 'not-sent', error: null }));
    // Static routes are not followed between polls (see router-model/parts.ts): read them now, so the backup
    // holds the routes as they are (another admin may have added one since WireDesk connected).
    await this.#d.models.readNow(ctx.routerId, ctx.client, ['routes']);
    const state = await this.#d.models.state(ctx.routerId);
    const snapshot = snapshotScope(state, responderParam(ctx));
    const tunnelWindow = tunnelWindowSec(this.#d.rollbackDelaySec());
    const watch = o.planId && tunnelWindow > 0 && this.#d.tunnelCheck?.(o.planId) ? tunnelCandidates(plan.diff, state) : [];
    const { backupId } = this.#d.journal.begin(
      { routerId: ctx.routerId, routerName: ctx.routerName, title, subject: o.subject, planId, snapshot, rsc: toRsc(snapshot, { routerName: ctx.routerName, version: state.facts?.version ?? null, takenAt: this.#d.now(), before: title }) },
      { planId, routerId: ctx.routerId, kind: plan.kind, title, subject: o.subject, commands: steps.map((s) => s.cli), rollbackName: name, diff: plan.diff, checks: planChecks(plan) },
    );
    const report: ApplyReport = { planId, outcome: 'failed', steps, differences: [], backupId, rollback: { state: 'not-armed', name: null, runsAt: null }, safeMode: 'not-supported' };
    const ids: (string | null)[] = plan.steps.map(() => null);
    const rows: (Row | null)[] = plan.steps.map(() => null);
    let guardId: string | null = null;
    // The rollback entry's add was sent: from then on the router may hold it, answered or not.
    let armSent = false;
    const delay = this.#d.rollbackDelaySec();
    // A command that gets no answer must give up well before the router's rollback runs, so the technician
    // is told "rollback pending" before it happens rather than after.
    const opts = { timeoutMs: Math.max(2_000, Math.round((delay * 1000) / 4)) };

    const settle = (outcome: ApplyOutcome): void => {
      report.outcome = outcome;
      this.#d.journal.settle(planId, outcome === 'rollback-pending' ? 'rollback-pending' : outcome === 'applied' ? 'applied' : outcome === 'undone' ? 'undone' : 'failed', {
        rollbackAt: report.rollback.runsAt, report,
      });
    };
    const lost = (error: unknown, at: number | null): never => {
      if (at !== null && steps[at]) steps[at].state = 'unknown';
      this.#d.onLinkLost?.(ctx.routerId);
      // Armed, or its add sent and the answer lost: what the router holds is found out when it answers again
      // (rollback-watch.ts), and the entry removed if it is there.
      if (guardId !== null || armSent) {
        report.rollback = { state: 'pending', name, runsAt: report.rollback.runsAt ?? this.#nextRun(delay) };
        settle('rollback-pending');
        this.#d.onRollbackPending?.(ctx.routerId, planId, report.rollback.runsAt ?? this.#d.now());
      } else {
        settle('failed');
      }
      throw withReport(error, report);
    };

    // 2. The router's own rollback, before the first change.
    try {
      const clock = await readRouterClock(ctx.client, opts);
      armSent = true;
      const added = await attempt('Arming the router\'s own rollback (a /system/scheduler entry)', () => ctx.client.add(SCHEDULER_PATH, {
        name,
        ...schedulerStart(clock, delay),
        interval: '0s',
        'on-event': PlanRunner.rollbackScript(plan, name, false).join('\n'),
        comment: `WireDesk safe change: undoes "${title}" after ${delay}s unless WireDesk confirms the router still answers`,
      }, opts));
      guardId = added;
      report.rollback = { state: 'pending', name, runsAt: this.#nextRun(delay) };
    } catch (error) {
      if (isLinkFailure(error)) lost(error, null);
      settle('failed');
      throw withReport(error, report);
    }

    // Safe Mode (7.18+) around the steps: a cut session is unrolled by the router, a failure by one command.
    if (isAtLeast(ctx.version, SAFE_MODE_SINCE)) {
      try {
        await ctx.client.call('/safe-mode/take', {}, opts);
        report.safeMode = 'used';
      } catch (error) {
        if (isLinkFailure(error)) lost(error, null);
        // Held by another session (a technician in WinBox): the scheduler entry still guards the change.
        report.safeMode = 'busy';
      }
    }

    // 3. The steps.
    for (let i = 0; i < plan.steps.length; i++) {
      const step = plan.steps[i]!;
      if (step.verb === 'remove') this.#d.models.expectRemoval(ctx.routerId, [step.target?.id ?? '']);
      try {
        const reply = await attempt(step.label, () => ctx.client.call(`${step.menu}/${step.verb}`, stepParams(step), opts), step.hints);
        ids[i] = step.verb === 'add' ? (reply.done['ret'] ?? null) : null;
        steps[i]!.state = 'done';
        o.onStep?.(i);
      } catch (error) {
        if (isLinkFailure(error)) lost(error, i);
        steps[i]!.state = 'failed';
        steps[i]!.error = errorText(error);
        try {
          await this.#undo(ctx, plan, steps, ids, i - 1, opts, report);
          await this.#disarm(ctx.client, guardId, report, opts);
        } catch (undoError) {
          // What WireDesk could not undo, the router's rollback entry (still armed) will.
          if (!isLinkFailure(undoError)) {
            settle('rollback-pending');
            this.#d.onRollbackPending?.(ctx.routerId, planId, report.rollback.runsAt ?? this.#d.now());
            throw withReport(error, report);
          }
          lost(undoError, null);
        }
        settle('failed');
        throw withReport(error, report);
      }
    }

    // 4. Verification.
    try {
      let locked: unknown = null;
      await this.#d.probe(ctx.routerId, opts.timeoutMs).catch((e: unknown) => (locked = e));
      const touched = new Set<ModelPart>();
      const printed = await this.#printTouched(ctx, plan.steps, ids, opts);
      for (let i = 0; i < plan.steps.length; i++) rows[i] = this.#readBack(ctx, plan.steps[i]!, ids[i] ?? null, printed, report, touched);
      if (touched.size > 0) await this.#d.models.readNow(ctx.routerId, ctx.client, [...touched]);
      // The tunnels the technician asked to watch: each must show a handshake or traffic after the change.
      if (locked === null && report.differences.length === 0 && watch.length > 0) {
        const silent = await awaitTunnels(watch, {
          windowMs: tunnelWindow * 1000,
          read: () => this.#d.models.readNow(ctx.routerId, ctx.client, ['peers']),
          now: this.#d.now,
          sleep: this.#d.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        });
        for (const s of silent) report.differences.push({ item: s.item, field: 'tunnel', expected: `a handshake or traffic within ${tunnelWindow} s`, actual: 'none' });
      }
      if (locked !== null || report.differences.length > 0) {
        if (locked !== null) report.differences.push({ item: plan.subject, field: 'connection', expected: 'a new connection is accepted', actual: errorText(locked) });
        await this.#undo(ctx, plan, steps, ids, plan.steps.length - 1, opts, report);
        await this.#disarm(ctx.client, guardId, report, opts);
        settle('undone');
        throw withReport(new AppError('CONFLICT', `${title}: the router did not show the change as planned, so WireDesk undid it. ${describe(report.differences)}`), report);
      }
      // 5. Confirmed: Safe Mode released (the changes stay), the router's rollback no longer needed.
      if (report.safeMode === 'used') await attempt('Releasing Safe Mode after the change was confirmed', () => ctx.client.call('/safe-mode/release', {}, opts));
      await this.#disarm(ctx.client, guardId, report, opts);
    } catch (error) {
      if (isLinkFailure(error)) lost(error, null);
      throw error;
    }
    settle('applied');
    return { report, ids, rows };
  }

  /** When the router will run the rollback entry: it starts counting when the entry is added. */
  #nextRun(delaySec: number): number {
    return this.#d.now() + delaySec * 1000;
  }

  async #disarm(client: RouterOsClient, guardId: string | null, report: ApplyReport, opts: CommandOptions): Promise<void> {
    if (guardId === null) return;
    await attempt('Removing the rollback entry after the change was confirmed', () => client.remove(SCHEDULER_PATH, guardId, opts));
    report.rollback = { state: 'removed', name: report.rollback.name, runsAt: null };
  }

  /** Undoes steps `last`..0: by Safe Mode's unroll when the plan holds it, else over the API, newest first. */
  async #undo(ctx: RouterContext, plan: ChangePlan, steps: StepReport[], ids: readonly (string | null)[], last: number, opts: CommandOptions, report: ApplyReport): Promise<void> {
    if (report.safeMode === 'used') {
      await attempt('Undoing the change with Safe Mode (unroll)', () => ctx.client.call('/safe-mode/unroll', {}, opts));
      for (let i = last; i >= 0; i--) if (steps[i]!.state === 'done') steps[i]!.state = 'undone';
      const parts = new Set<ModelPart>(plan.steps.flatMap((s) => { const p = s.menu === PEERS_PATH ? null : partOf(s.menu); return p ? [p] : []; }));
      if (plan.steps.some((s) => s.menu === PEERS_PATH)) parts.add('peers');
      await this.#d.models.readNow(ctx.routerId, ctx.client, [...parts]);
      return;
    }
    for (let i = last; i >= 0; i--) {
      const step = plan.steps[i]!;
      const undo = undoOf(step, ids[i] ?? null);
      if (!undo || steps[i]!.state !== 'done') continue;
      const reply = await attempt(undo.label, () => ctx.client.call(`${undo.menu}/${undo.verb}`, stepParams(undo), opts), undo.hints);
      steps[i]!.state = 'undone';
      // What the model knew before the step is true again: read the item back so screens follow.
      if (undo.menu !== PEERS_PATH) {
        const part = partOf(undo.menu);
        if (part) await this.#d.models.readNow(ctx.routerId, ctx.client, [part]);
      } else {
        const id = undo.verb === 'add' ? reply.done['ret'] : undo.target?.id;
        if (undo.verb === 'remove' && undo.target?.id) this.#d.models.forgetPeer(ctx.routerId, { id: undo.target.id, publicKey: undo.item.key });
        else if (id) {
          const [row] = await ctx.client.print(undo.menu, { query: [`.id=${id}`], ...opts });
          if (row) this.#d.models.applyPeerRow(ctx.routerId, row);
        }
      }
    }
  }

  /**
   * The items the steps touched, as the router shows them now: one print per menu, asking for just those ids
   * (`?.id=*1 ?.id=*2 ?#|`: the API manual's query stack, see ../shared/reference/routeros-api.md), not one
   * print per item: a bulk part of 50 peers is one print, not 50.
   */
  async #printTouched(ctx: RouterContext, steps: readonly PlanStep[], ids: readonly (string | null)[], opts: CommandOptions): Promise<Map<string, Map<string, Row>>> {
    const wanted = new Map<string, Set<string>>();
    const singletons = new Set(steps.filter((s) => s.verb === 'set' && !s.target).map((s) => s.menu));
    steps.forEach((step, i) => {
      const id = step.verb === 'add' ? ids[i] : step.target?.id;
      if (!id) return;
      const set = wanted.get(step.menu) ?? new Set<string>();
      set.add(id);
      wanted.set(step.menu, set);
    });
    const out = new Map<string, Map<string, Row>>();
    for (const [menu, set] of wanted) {
      const query = [...set].map((id) => `.id=${id}`);
      if (query.length > 1) query.push(`#${'|'.repeat(query.length - 1)}`);
      const rows = await ctx.client.print(menu, { query, ...opts });
      out.set(menu, new Map(rows.flatMap((r) => (r['.id'] ? [[r['.id'], r] as const] : []))));
    }
    // A singleton menu prints its one row, kept under the empty id.
    for (const menu of singletons) {
      const [row] = await ctx.client.print(menu, opts);
      out.set(menu, new Map(row ? [['', row]] : []));
    }
    return out;
  }

  /** The item the step touched, as printed; its differences from what was sent go into the report. */
  #readBack(ctx: RouterContext, step: PlanStep, addedId: string | null, printed: Map<string, Map<string, Row>>, report: ApplyReport, touched: Set<ModelPart>): Row | null {
    const id = step.verb === 'add' ? addedId : step.target?.id;
    const singleton = step.verb === 'set' && !step.target;
    const row = singleton ? printed.get(step.menu)?.get('') : id ? printed.get(step.menu)?.get(id) : undefined;
    const isPeer = step.menu === PEERS_PATH;
    const part = isPeer ? null : partOf(step.menu);
    if (part) touched.add(part);
    if (step.verb === 'remove') {
      if (row) report.differences.push({ item: step.item, field: 'present', expected: 'removed', actual: 'still on the router' });
      else if (isPeer) this.#d.models.forgetPeer(ctx.routerId, { id: id ?? '', publicKey: step.item.key });
      return null;
    }
    if (!row) {
      report.differences.push({ item: step.item, field: 'present', expected: 'on the router', actual: 'missing' });
      return null;
    }
    if (isPeer) this.#d.models.applyPeerRow(ctx.routerId, row);
    for (const d of itemDifferences(step.params, row)) report.differences.push({ item: step.item, ...d });
    return row;
  }
}

/** The model part a menu feeds (peers are applied row by row by the runner; read whole elsewhere). */
export function partOf(menu: string): ModelPart {
  if (menu === PEERS_PATH) return 'peers';
  if (menu === IP_ROUTE_PATH) return 'routes';
  if (menu === IP_ADDRESS_PATH) return 'addresses';
  if (menu === IPV6_ADDRESS_PATH) return 'addresses6';
  if (menu === NAT_PATH) return 'nat';
  if (menu === FIREWALL_FILTER_PATH) return 'firewall';
  if (menu === IP_CLOUD_PATH) return 'cloud';
  if (menu === NTP_CLIENT_PATH) return 'ntp';
  return 'interfaces';
}

function responderParam(ctx: RouterContext): string | null {
  return peerFeatures(ctx.version).responderParam;
}

function errorText(error: unknown): string {
  return toAppError(error)?.message ?? (error instanceof Error ? error.message : String(error));
}

function describe(differences: readonly Difference[]): string {
  return differences.slice(0, 3).map((d) => `${d.item.label}: ${d.field} is ${d.actual === '' ? 'empty' : `"${d.actual}"`}, expected ${d.expected === '' ? 'empty' : `"${d.expected}"`}.`).join(' ');
}

/** The error as an AppError whose details carry the step-by-step report (the UI shows it). */
function withReport(error: unknown, report: ApplyReport): unknown {
  const known = toAppError(error);
  if (!known) return error;
  return new AppError(known.code, known.message, { ...known.details, report });
}
