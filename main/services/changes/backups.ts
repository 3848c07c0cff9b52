// The Backups view and undo from the change history: list, read (.rsc), compare two backups or one with the
// router now, restore a backup (a plan: preview, apply, verify), and undo an applied change (the restore of
// its own backup, limited to the items it touched, refused when one of them changed since).
import { AppError, type PlanView } from '../../../src/contract/index.ts';
import type { ChangedSince, ChangeSubject, UndoConflict } from '../../../src/contract/changes.ts';
import { peerFeatures } from '../../../src/domain/index.ts';
import type { Backup, ChangeJournal, JournalEntry } from '../../store/change-journal.ts';
import type { RouterModels, RouterState } from '../router-model/index.ts';
import type { RouterContext, RouterSessions } from '../management/router-session.ts';
import type { ApplyReport, PlanRunner } from './apply.ts';
import { snapshotScope, type ScopeSnapshot } from './backup.ts';
import { canonical } from './fields.ts';
import type { PlanPreviews } from './previews.ts';
import type { AuditSubject, AuditTrail } from '../management/audit-trail.ts';
import { emptyOf, firewallLabel, itemKey, planRestore } from './restore.ts';
import type { ChangePlan, ItemDiff, ItemFields, PlanItem } from './plan.ts';

export interface BackupServiceDeps {
  readonly sessions: RouterSessions;
  readonly models: Pick<RouterModels, 'live' | 'readNow'>;
  readonly journal: ChangeJournal;
  readonly plans: PlanRunner;
  readonly previews: PlanPreviews;
  /** A restore and an undo are entries of the activity log like every change. */
  readonly audit: AuditTrail;
}

type Part = 'interfaces' | 'addresses' | 'peers' | 'routes' | 'firewall';
const PARTS: ReadonlyArray<[Part, 'interface' | 'address' | 'peer' | 'route' | 'firewall']> = [['interfaces', 'interface'], ['addresses', 'address'], ['peers', 'peer'], ['routes', 'route'], ['firewall', 'firewall']];

/** What changed from scope `a` to scope `b`, item by item. */
export function diffScopes(a: ScopeSnapshot, b: ScopeSnapshot): ItemDiff[] {
  const out: ItemDiff[] = [];
  for (const [part, type] of PARTS) {
    // Routes are compared only when both sides hold them (backups from before routes were kept do not).
    const partA = a[part];
    const partB = b[part];
    if (!partA || !partB) continue;
    const before = new Map(partA.map((f) => [itemKey(type, f), f]));
    const after = new Map(partB.map((f) => [itemKey(type, f), f]));
    for (const [key, f] of before) {
      const g = after.get(key);
      const item: PlanItem = { type, key, label: label(type, f) };
      if (!g) out.push({ item, change: 'remove', before: f, after: null });
      else {
        const fields = [...new Set([...Object.keys(f), ...Object.keys(g)])].filter((k) => canonical(k, f[k]) !== canonical(k, g[k]));
        if (fields.length > 0) out.push({ item, change: 'edit', before: pick(f, fields), after: pick(g, fields) });
      }
    }
    for (const [key, g] of after) if (!before.has(key)) out.push({ item: { type, key, label: label(type, g) }, change: 'add', before: null, after: g });
  }
  return out;
}

function label(type: string, f: ItemFields): string {
  if (type === 'peer') return f['name'] || f['comment'] || `${(f['public-key'] ?? '').slice(0, 8)}…`;
  if (type === 'address') return `${f['address']} on ${f['interface']}`;
  if (type === 'route') return itemKey('route', f);
  if (type === 'firewall') return firewallLabel(f);
  return f['name'] ?? '';
}

function pick(f: ItemFields, fields: readonly string[]): ItemFields {
  return Object.fromEntries(fields.map((k) => [k, f[k] ?? '']));
}

export class BackupService {
  readonly #d: BackupServiceDeps;

  constructor(deps: BackupServiceDeps) {
    this.#d = deps;
  }

  list(routerId: string): Array<Omit<Backup, 'snapshot' | 'rsc'> & { counts: Record<'interfaces' | 'peers' | 'addresses' | 'firewall' | 'routes', number> }> {
    return this.#d.journal.backups(routerId).map((b) => {
      const s = b.snapshot as ScopeSnapshot;
      return {
        id: b.id, routerId: b.routerId, routerName: b.routerName, takenAt: b.takenAt, planId: b.planId, title: b.title, subject: b.subject,
        counts: { interfaces: s.interfaces.length, peers: s.peers.length, addresses: s.addresses.length, firewall: s.firewall.length, routes: s.routes?.length ?? 0 },
      };
    });
  }

  get(routerId: string, backupId: number): Backup {
    const b = this.#d.journal.backup(backupId);
    if (!b || b.routerId !== routerId) throw new AppError('NOT_FOUND', `Backup ${backupId} is not one of this router's backups.`);
    return b;
  }

  /** From backup `from` to backup `to`, or to the router as it is now when `to` is null. */
  async diff(routerId: string, from: number, to: number | null): Promise<ItemDiff[]> {
    const a = this.get(routerId, from).snapshot as ScopeSnapshot;
    if (to !== null) return diffScopes(a, this.get(routerId, to).snapshot as ScopeSnapshot);
    return this.#d.sessions.run(routerId, async (ctx) => diffScopes(a, snapshotScope(await current(this.#d.models, ctx), peerFeatures(ctx.version).responderParam)));
  }

  async restore(routerId: string, backupId: number, o: { preview: true } | { preview: false; planId?: string }): Promise<PlanView | ApplyReport> {
    const backup = this.get(routerId, backupId);
    return this.#d.sessions.run(routerId, async (ctx) => {
      const state = await current(this.#d.models, ctx);
      const plan = planRestore(backup.snapshot as ScopeSnapshot, state, { routerId, kind: 'backup.restore', responderParam: peerFeatures(ctx.version).responderParam });
      if (plan.steps.length === 0) throw new AppError('VALIDATION', 'The router already matches this backup: nothing to restore.', { reason: 'nothing-to-restore' });
      if (o.preview) return this.#d.previews.keep(plan, { backupId });
      if (o.planId) {
        this.#d.previews.check(o.planId, plan);
      }
      const subject: ChangeSubject = { code: 'backup.restore', params: { takenAt: backup.takenAt }, ...(backup.subject ? { of: backup.subject } : {}) };
      const audit = { routerId, routerName: ctx.routerName, action: 'restore' as const, objectType: 'backup' as const, objectId: String(backupId), objectName: backup.title, before: { takenAt: backup.takenAt } };
      return this.#applyRecorded(ctx, plan, o.planId, subject, audit);
    });
  }

  /** Applied changes, newest first, each with whether it can be undone now (and why not). */
  history(routerId: string): Array<JournalEntry & { undoable: boolean; undoProblem: 'not-applied' | 'no-backup' | null }> {
    return this.#d.journal.recent(routerId).map((e) => {
      const problem = e.state !== 'applied' ? 'not-applied' as const : e.backupId === null ? 'no-backup' as const : null;
      return { ...e, undoable: problem === null, undoProblem: problem };
    });
  }

  async undo(routerId: string, planId: string, o: { preview: true } | { preview: false; previewId?: string }): Promise<PlanView | ApplyReport> {
    const entry = this.#d.journal.get(planId);
    if (!entry || entry.routerId !== routerId) throw new AppError('NOT_FOUND', 'This change is not in this router\'s history.');
    if (entry.state !== 'applied' || entry.backupId === null) throw new AppError('CONFLICT', `"${entry.title}" is ${entry.state.replace('-', ' ')}, not applied: there is nothing to undo.`, { reason: 'not-applied', state: entry.state });
    const backup = this.get(routerId, entry.backupId);
    return this.#d.sessions.run(routerId, async (ctx) => {
      const state = await current(this.#d.models, ctx);
      const responderParam = peerFeatures(ctx.version).responderParam;
      const diffs = entry.diff as ItemDiff[];
      const changed = changedSince(diffs, snapshotScope(state, responderParam), backup.snapshot as ScopeSnapshot);
      if (changed.length > 0) {
        const details: UndoConflict = { changed: changed.map(({ text: _t, ...c }) => c) };
        throw new AppError('CONFLICT', `"${entry.title}" cannot be undone: ${changed.map((c) => c.text).join(' ')} Undo would overwrite that; change it by hand or restore the backup instead.`, details);
      }
      const only = new Set(diffs.map((d) => `${d.item.type}:${d.item.key}`));
      const plan = planRestore(backup.snapshot as ScopeSnapshot, state, { routerId, kind: 'change.undo', responderParam, only });
      if (plan.steps.length === 0) throw new AppError('VALIDATION', 'The router already shows these items as they were before the change: nothing to undo.', { reason: 'nothing-to-undo' });
      if (o.preview) return this.#d.previews.keep(plan, { planId });
      if (o.previewId) {
        this.#d.previews.check(o.previewId, plan);
      }
      const subject: ChangeSubject = entry.subject ? { code: 'change.undo', params: {}, of: entry.subject } : { code: 'change.undo', params: { title: entry.title } };
      const audit = { routerId, routerName: ctx.routerName, action: 'undo' as const, objectType: 'change' as const, objectId: planId, objectName: entry.title };
      const report = await this.#applyRecorded(ctx, plan, o.previewId, subject, audit);
      // Applied (not left to the router's rollback): the change is undone and not offered for undo again.
      if (report.outcome === 'applied') this.#d.journal.undone(planId);
      return report;
    });
  }

  /** Applies a restore or an undo as an activity-log entry of its own, naming the commands and the plan. */
  async #applyRecorded(ctx: RouterContext, plan: ChangePlan, planId: string | undefined, subject: ChangeSubject, audit: AuditSubject): Promise<ApplyReport> {
    return this.#d.audit.record(audit, async () => {
      const { report } = await this.#d.plans.apply(ctx, plan, { planId, subject });
      return { value: report, after: { commands: report.steps.map((s) => s.cli) }, planId: report.planId };
    });
  }
}

/**
 * The router as it is now, for a diff, a restore or an undo: the live model, with its static routes read
 * again (they are not followed between polls; see router-model/parts.ts).
 */
async function current(models: Pick<RouterModels, 'live' | 'readNow'>, ctx: RouterContext): Promise<RouterState> {
  await models.live(ctx.routerId);
  return models.readNow(ctx.routerId, ctx.client, ['routes']);
}

/**
 * Items the change touched that are no longer as it left them: an undo must not overwrite someone's later
 * change. What the change left is the backup's item with the change's fields over it (an edit), or the fields
 * it added (an add); any field that differs now, secrets aside, counts.
 */
export function changedSince(diffs: readonly ItemDiff[], now: ScopeSnapshot, before: ScopeSnapshot): Array<ChangedSince & { text: string }> {
  const out: Array<ChangedSince & { text: string }> = [];
  const lookup = (scope: ScopeSnapshot, type: string, key: string): ItemFields | undefined => {
    const part = PARTS.find(([, t]) => t === type);
    return part ? (scope[part[0]] ?? []).find((f) => itemKey(part[1], f) === key) : undefined;
  };
  for (const d of diffs) {
    // Router-wide settings (IP Cloud DDNS) and NAT rules are not in a backup's scope: an undo leaves them as they are.
    if (d.item.type === 'setting' || d.item.type === 'nat') continue;
    const cur = lookup(now, d.item.type, d.item.key);
    if (d.change === 'remove') {
      if (cur) out.push({ item: d.item.label, field: null, reason: 'back', now: null, left: null, text: `${d.item.label} is back on the router.` });
      continue;
    }
    if (!cur) {
      out.push({ item: d.item.label, field: null, reason: 'gone', now: null, left: null, text: `${d.item.label} is no longer on the router.` });
      continue;
    }
    const left: ItemFields = { ...(d.change === 'edit' ? lookup(before, d.item.type, d.item.key) ?? {} : {}), ...(d.after ?? {}) };
    // A firewall rule prints settings nobody sent (log=no, disabled=no...): only the fields the change left count.
    const fields = d.item.type === 'firewall' ? Object.keys(left) : [...new Set([...Object.keys(left), ...Object.keys(cur)])];
    for (const field of fields) {
      if (left[field] === '<hidden>' || field === 'preshared-key' || field === 'private-key') continue;
      if (canonical(field, cur[field] ?? emptyOf(field)) !== canonical(field, left[field] ?? emptyOf(field))) {
        out.push({ item: d.item.label, field, reason: 'changed', now: cur[field] ?? '', left: left[field] ?? '', text: `${d.item.label}: ${field} is now "${cur[field] ?? ''}" (the change left "${left[field] ?? ''}").` });
      }
    }
  }
  return out;
}
