// Change plans across IPC: what a preview shows before anything is sent, and the report of an applied plan
// (each step done, undone or not sent; differences found when verifying; the router's own rollback entry).
// Commands are RouterOS console lines with secrets as <hidden>; no field here can carry a key.
import { z } from 'zod';

export const CHANGE_KINDS = [
  'peer.create', 'peer.update', 'peer.enable', 'peer.disable', 'peer.delete', 'peer.rotateKeys', 'peer.import',
  'interface.create', 'interface.update', 'interface.enable', 'interface.disable', 'interface.delete', 'interface.openPort', 'interface.addAddress',
  'backup.restore', 'change.undo', 'site.link', 'router.ntp',
] as const;
export const changeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof changeKindSchema>;

/** What a change was, as a code with parameters: the renderer words it (changes.subject.<code>); main keeps an
 * English sentence of it only for the router's side (the .rsc header, the scheduler entry's comment). */
export const CHANGE_SUBJECT_CODES = [
  ...CHANGE_KINDS, 'peer.bulk', 'site.undo',
] as const;
export type ChangeSubjectCode = (typeof CHANGE_SUBJECT_CODES)[number];
export interface ChangeSubject {
  code: ChangeSubjectCode;
  /** name, interface, peers, count, from, to, action, source, other, takenAt: each only where its code uses it. */
  params: Record<string, string | number>;
  /** What a restore or an undo goes back on. */
  of?: ChangeSubject;
}
export const changeSubjectSchema: z.ZodType<ChangeSubject> = z.lazy(() => z.object({
  code: z.enum(CHANGE_SUBJECT_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  of: changeSubjectSchema.optional(),
}));

export const planItemSchema = z.object({
  /** `setting`: a router-wide setting such as /ip cloud's DDNS; `nat`: a source NAT rule. */
  type: z.enum(['peer', 'interface', 'address', 'firewall', 'route', 'setting', 'nat']),
  /** Stable across ids: a peer's public key, an interface's name. */
  key: z.string(),
  label: z.string(),
});
export type PlanItemView = z.infer<typeof planItemSchema>;

export const itemDiffSchema = z.object({
  item: planItemSchema,
  change: z.enum(['add', 'edit', 'remove']),
  /** Fields as RouterOS prints them; null when the item is absent on that side. Secrets show as <hidden>. */
  before: z.record(z.string(), z.string()).nullable(),
  after: z.record(z.string(), z.string()).nullable(),
});
export type ItemDiffView = z.infer<typeof itemDiffSchema>;

export const planIdSchema = z.string().uuid('A plan id is the id a preview returned. Preview the change again.');

export const stepReportSchema = z.object({
  cli: z.string(),
  item: planItemSchema,
  state: z.enum(['done', 'undone', 'not-sent', 'failed', 'unknown']),
  error: z.string().nullable(),
});

export const applyReportSchema = z.object({
  planId: z.string(),
  outcome: z.enum(['applied', 'undone', 'failed', 'rollback-pending']),
  steps: z.array(stepReportSchema),
  differences: z.array(z.object({ item: planItemSchema, field: z.string(), expected: z.string().nullable(), actual: z.string().nullable() })),
  /** The backup taken before the first command. */
  backupId: z.number().int().nullable(),
  rollback: z.object({
    state: z.enum(['removed', 'pending', 'not-armed']),
    /** The /system/scheduler entry's name, as WinBox shows it. */
    name: z.string().nullable(),
    /** While pending: when the router will undo the change by itself. */
    runsAt: z.number().nullable(),
  }),
  /** 'used': the steps ran in RouterOS Safe Mode (7.18+); 'busy': another session held it; 'not-supported': older RouterOS. */
  safeMode: z.enum(['used', 'busy', 'not-supported']),
});
export type ApplyReportView = z.infer<typeof applyReportSchema>;

/** Pushed when a plan waits for the router's own rollback, and again when WireDesk learns what the router did. */
export const rollbackEventSchema = z.object({
  routerId: z.string(),
  planId: z.string(),
  /** The change, as a code with parameters; null for a change recorded before subjects were kept. */
  subject: changeSubjectSchema.nullable(),
  /** English words for it (what older entries have). */
  title: z.string(),
  state: z.enum(['pending', 'rolled-back', 'kept', 'unknown']),
  /** When the router runs (or ran) the rollback. */
  runsAt: z.number().nullable(),
});
export type RollbackEvent = z.infer<typeof rollbackEventSchema>;

/** An item an applied change touched that is no longer as the change left it: back after a removal, gone
 * after an add or edit, or one field changed since (its value now and the value the change left). */
export const changedSinceSchema = z.object({
  item: z.string(),
  field: z.string().nullable(),
  reason: z.enum(['back', 'gone', 'changed']),
  now: z.string().nullable(),
  left: z.string().nullable(),
});
export type ChangedSince = z.infer<typeof changedSinceSchema>;
/** The details of a CONFLICT refusing an undo. */
export const undoConflictSchema = z.object({ changed: z.array(changedSinceSchema) });
export type UndoConflict = z.infer<typeof undoConflictSchema>;
