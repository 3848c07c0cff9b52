// Multi-select over the peers table: which rows can be picked (not router-made, not gone from the
// router), click and shift-click ranges in the order shown, and the header box's state. Pure.
import type { ManagedPeer } from '../../../src/contract/index.ts';

export function isSelectable(peer: Pick<ManagedPeer, 'dynamic' | 'vanishedAt'>): boolean {
  return !peer.dynamic && peer.vanishedAt === null;
}

/** Click on one row; with shift, every selectable row between the last clicked one and this one takes its new state. */
export function clickRow(selected: ReadonlySet<string>, visible: readonly ManagedPeer[], index: number, lastIndex: number | null, shift: boolean): Set<string> {
  const next = new Set(selected);
  const peer = visible[index];
  if (!peer || !isSelectable(peer)) return next;
  const on = !selected.has(peer.id);
  if (shift && lastIndex !== null && lastIndex < visible.length) {
    const [from, to] = lastIndex < index ? [lastIndex, index] : [index, lastIndex];
    for (let i = from; i <= to; i += 1) {
      const p = visible[i]!;
      if (!isSelectable(p)) continue;
      if (on) next.add(p.id);
      else next.delete(p.id);
    }
    return next;
  }
  if (on) next.add(peer.id);
  else next.delete(peer.id);
  return next;
}

export type HeaderState = 'none' | 'some' | 'all';

export function headerState(selected: ReadonlySet<string>, visible: readonly ManagedPeer[]): HeaderState {
  if (selected.size === 0) return 'none';
  let selectable = 0;
  let picked = 0;
  for (const p of visible) {
    if (!isSelectable(p)) continue;
    selectable += 1;
    if (selected.has(p.id)) picked += 1;
  }
  if (picked === 0) return 'none';
  return picked === selectable ? 'all' : 'some';
}

/** Header box: all shown rows on, or (when all already are) all shown rows off. Hidden selections stay. */
export function toggleAllShown(selected: ReadonlySet<string>, visible: readonly ManagedPeer[]): Set<string> {
  const next = new Set(selected);
  const all = headerState(selected, visible) === 'all';
  for (const p of visible) {
    if (!isSelectable(p)) continue;
    if (all) next.delete(p.id);
    else next.add(p.id);
  }
  return next;
}

/** The selected peers that still exist and can still be changed (a refresh may remove some). */
export function selectedPeers(selected: ReadonlySet<string>, rows: readonly ManagedPeer[]): ManagedPeer[] {
  if (selected.size === 0) return [];
  return rows.filter((p) => selected.has(p.id) && isSelectable(p));
}

/**
 * Interfaces made by the router itself (Back To Home): every peer on them is dynamic. The interface list
 * does not carry the dynamic flag, so the add and import forms leave these out by their peers.
 */
export function routerMadeInterfaces(rows: readonly ManagedPeer[]): Set<string> {
  const any = new Set<string>();
  const manual = new Set<string>();
  for (const p of rows) {
    any.add(p.interface);
    if (!p.dynamic) manual.add(p.interface);
  }
  return new Set([...any].filter((name) => !manual.has(name)));
}
