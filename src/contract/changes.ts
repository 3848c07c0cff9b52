// Change plans across IPC: what a preview shows before anything is sent, and the report of an applied plan
// (each step done, undone or not sent; differences found when verifying; the router's own rollback entry).
// Commands are RouterOS console lines with secrets as <hidden>; no field here can carry a key.
import { z } from 'zod';

export const CHANGE_KINDS = [
  'peer.create', 'peer.update', 'peer.enable', 'peer.disable', 'peer.delete', 'peer.rotateKeys',
  'interface.create', 'interface.update', 'interface.enable', 'interface.disable', 'interface.delete',
  'backup.restore', 'change.undo', 'site.link',
] as const;
export const changeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const planItemSchema = z.object({
  type: z.enum(['peer', 'interface', 'address', 'firewall']),
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
  title: z.string(),
  state: z.enum(['pending', 'rolled-back', 'kept', 'unknown']),
  /** When the router runs (or ran) the rollback. */
  runsAt: z.number().nullable(),
});
export type RollbackEvent = z.infer<typeof rollbackEventSchema>;
