// What the Preview step and the reports read from a plan: the field rows of each item (added items only
// "after", removed only "before", edited ones changed fields first), a stale refusal with both command
// lists, the report a failed apply carries, when a report is worth showing, and the rollback countdown.
import { describe, expect, it } from 'vitest';
import type { ApplyReportView, ItemDiffView } from '../../../src/contract/index.ts';
import type { ActionError } from '../../../renderer/lib/action-error.ts';
import { commandText, diffRows, isNoteworthy, reportOf, secondsUntil, staleOf } from '../../../renderer/lib/change-plan.ts';
import { useRollbacks } from '../../../renderer/features/changes/rollback-store.ts';

const item = { type: 'peer' as const, key: 'K1=', label: 'Peer "laptop" on wg-office' };
const error = (code: ActionError['code'], details?: Record<string, unknown>): ActionError => ({ code, message: 'refused', details });
const report = (over: Partial<ApplyReportView> = {}): ApplyReportView => ({
  planId: 'p1',
  outcome: 'applied',
  steps: [{ cli: '/interface wireguard peers set *1 persistent-keepalive=30s', item, state: 'done', error: null }],
  differences: [],
  backupId: 4,
  rollback: { state: 'removed', name: null, runsAt: null },
  safeMode: 'used',
  ...over,
});

describe('diffRows', () => {
  it('an edit lists the changed fields first, in the router order, then the ones that stay', () => {
    const diff: ItemDiffView = {
      item,
      change: 'edit',
      before: { name: 'laptop', 'allowed-address': '10.10.0.2/32', 'persistent-keepalive': '25s', comment: '' },
      after: { name: 'laptop', 'allowed-address': '10.10.0.2/32', 'persistent-keepalive': '30s', comment: 'Ofis' },
    };
    expect(diffRows(diff)).toEqual([
      { field: 'persistent-keepalive', before: '25s', after: '30s', changed: true },
      { field: 'comment', before: '', after: 'Ofis', changed: true },
      { field: 'name', before: 'laptop', after: 'laptop', changed: false },
      { field: 'allowed-address', before: '10.10.0.2/32', after: '10.10.0.2/32', changed: false },
    ]);
  });

  it('an added item is all "after", a removed one all "before"', () => {
    expect(diffRows({ item, change: 'add', before: null, after: { name: 'x', 'preshared-key': '<hidden>' } })).toEqual([
      { field: 'name', before: null, after: 'x', changed: true },
      { field: 'preshared-key', before: null, after: '<hidden>', changed: true },
    ]);
    expect(diffRows({ item, change: 'remove', before: { name: 'x' }, after: null })).toEqual([{ field: 'name', before: 'x', after: null, changed: true }]);
  });

  it('a field only on one side of an edit reads as absent on the other', () => {
    expect(diffRows({ item, change: 'edit', before: { name: 'a' }, after: { name: 'a', 'endpoint-address': 'b.example' } })[0]).toEqual({ field: 'endpoint-address', before: null, after: 'b.example', changed: true });
  });
});

describe('staleOf', () => {
  it('reads a "changed" refusal with both command lists', () => {
    expect(staleOf(error('PLAN_STALE', { reason: 'changed', previewed: ['/a set x=1'], now: ['/a set x=2'], planId: 'p' }))).toEqual({ reason: 'changed', previewed: ['/a set x=1'], now: ['/a set x=2'] });
  });
  it('an expired preview has no commands; anything else is not stale', () => {
    expect(staleOf(error('PLAN_STALE', { reason: 'expired' }))).toEqual({ reason: 'expired', previewed: [], now: [] });
    expect(staleOf(error('TRAP', { reason: 'changed' }))).toBeNull();
    expect(staleOf(null)).toBeNull();
  });
});

describe('reportOf', () => {
  it('reads the step-by-step report a failure carries, and nothing that is not one', () => {
    const r = report({ outcome: 'rollback-pending', rollback: { state: 'pending', name: 'wiredesk-undo-1', runsAt: 1000 } });
    expect(reportOf(error('CONNECTION_LOST', { report: r }))).toEqual(r);
    expect(reportOf(error('CONNECTION_LOST', { report: { outcome: 'sideways' } }))).toBeNull();
    expect(reportOf(error('TRAP', { attempted: 'x' }))).toBeNull();
  });
});

describe('isNoteworthy', () => {
  it('a clean apply says nothing; differences, another outcome or a pending rollback do', () => {
    expect(isNoteworthy(undefined)).toBe(false);
    expect(isNoteworthy(report())).toBe(false);
    expect(isNoteworthy(report({ differences: [{ item, field: 'comment', expected: 'a', actual: 'b' }] }))).toBe(true);
    expect(isNoteworthy(report({ outcome: 'undone' }))).toBe(true);
    expect(isNoteworthy(report({ rollback: { state: 'pending', name: 'n', runsAt: 5 } }))).toBe(true);
  });
});

describe('countdown and commands', () => {
  it('counts whole seconds up, never below zero', () => {
    expect(secondsUntil(61_000, 0)).toBe(61);
    expect(secondsUntil(60_500, 0)).toBe(61);
    expect(secondsUntil(1_000, 5_000)).toBe(0);
  });
  it('copies one command per line', () => {
    expect(commandText(['/a add x=1', '/b set *1 y=<hidden>'])).toBe('/a add x=1\n/b set *1 y=<hidden>');
  });
});

describe('rollback banners store', () => {
  it('keeps one entry per plan, the latest state first; dismissing drops it', () => {
    const { receive, dismiss } = useRollbacks.getState();
    receive({ routerId: 'r1', planId: 'a', subject: null, title: 'Edit peer "x"', state: 'pending', runsAt: 10 });
    receive({ routerId: 'r2', planId: 'b', subject: null, title: 'Delete peer "y"', state: 'pending', runsAt: 20 });
    receive({ routerId: 'r1', planId: 'a', subject: null, title: 'Edit peer "x"', state: 'rolled-back', runsAt: 10 });
    expect(useRollbacks.getState().events.map((e) => [e.planId, e.state])).toEqual([['a', 'rolled-back'], ['b', 'pending']]);
    dismiss('a');
    expect(useRollbacks.getState().events.map((e) => e.planId)).toEqual(['b']);
  });
});
