// What main pushed about the router's own rollback of a change (changes:rollback): one entry per plan, the
// latest state wins (pending, then rolled-back, kept or unknown). The technician dismisses them one by one.
// Free of the bridge (unit tests import it); RollbackBanners.tsx subscribes.
import { create } from 'zustand';
import type { RollbackEvent } from '../../../src/contract/index.ts';

export interface RollbackState {
  /** Newest first. */
  events: RollbackEvent[];
  receive: (event: RollbackEvent) => void;
  dismiss: (planId: string) => void;
}

export const useRollbacks = create<RollbackState>()((set) => ({
  events: [],
  receive: (event) => set((s) => ({ events: [event, ...s.events.filter((e) => e.planId !== event.planId)] })),
  dismiss: (planId) => set((s) => ({ events: s.events.filter((e) => e.planId !== planId) })),
}));
