// The Activity screen's filters, page and last answer (audit:list), kept while the technician moves
// around so coming back shows the same view.
import { create } from 'zustand';
import { AUDIT_ACTION_NAMES, AUDIT_OBJECT_NAMES, type InvokeInput, type InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';

export type AuditAction = (typeof AUDIT_ACTION_NAMES)[number];
export const AUDIT_ACTIONS: readonly AuditAction[] = AUDIT_ACTION_NAMES;
export const OBJECT_TYPES = AUDIT_OBJECT_NAMES;
export const PAGE_SIZE = 50;

export interface ActivityFilters {
  routerId: string;
  action: AuditAction | '';
  objectType: string;
  text: string;
  /** yyyy-mm-dd from a date input, local time; '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTERS: ActivityFilters = { routerId: '', action: '', objectType: '', text: '', from: '', to: '' };

type Page = InvokeOutput<'audit:list'>;

export interface ActivityState {
  filters: ActivityFilters;
  offset: number;
  page: Page | null;
  loading: boolean;
  error: ActionError | null;
  setFilters: (patch: Partial<ActivityFilters>) => void;
  setOffset: (offset: number) => void;
  load: () => Promise<void>;
}

/** Local midnight of a yyyy-mm-dd date, in ms; the "to" day is included, so it ends at the next midnight. */
export function dayStart(date: string, nextDay = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (nextDay ? 1 : 0)).getTime();
}

export function toQuery(filters: ActivityFilters, offset: number): InvokeInput<'audit:list'> {
  const query: InvokeInput<'audit:list'> = { limit: PAGE_SIZE, offset };
  if (filters.routerId) query.routerId = filters.routerId;
  if (filters.action) query.actions = [filters.action];
  if (filters.objectType) query.objectType = filters.objectType;
  if (filters.text.trim()) query.text = filters.text.trim();
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, true);
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
}

let requestSeq = 0;

export const useActivity = create<ActivityState>()((set, get) => ({
  filters: NO_FILTERS,
  offset: 0,
  page: null,
  loading: false,
  error: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, offset: 0 })),
  setOffset: (offset) => set({ offset }),
  async load() {
    const seq = ++requestSeq;
    set({ loading: true });
    try {
      const page = await invoke('audit:list', toQuery(get().filters, get().offset));
      // A slower earlier answer must not overwrite the one for the filters now on screen.
      if (seq === requestSeq) set({ page, loading: false, error: null });
    } catch (e) {
      if (seq === requestSeq) set({ loading: false, error: toActionError(e) });
    }
  },
}));
