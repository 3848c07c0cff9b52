// The Preview step of a change: ask main for the plan, show it, apply it with its planId. A PLAN_STALE refusal
// (the router changed since, or the preview expired) keeps the old plan on screen with the reason and never
// applies anything by itself: the technician previews again.
// - usePlanFlow: plans from one changes:preview request; with the setting "apply single-peer changes without
//   preview" on, `skip` tells a single-peer form to apply directly.
// - useFetchedPlanFlow: plans that come from elsewhere too (an interface deletion's plan comes with
//   interfaces:deletePreview, a site link's after its own checks, a restore's from the Backups view). `load`
//   shows the plan a fetch returns and remembers the fetch, so "Preview again" runs it once more. These are
//   never single-peer changes, so `skip` is always false.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvokeInput, PlanView } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { staleOf, type StalePlan } from '../../lib/change-plan.ts';
import { useSettings } from '../settings/store.ts';

type ChangeRequest = InvokeInput<'changes:preview'>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ActionError };

export interface PlanFlow {
  /** Apply without the Preview step (setting on). */
  skip: boolean;
  /** The plan on screen; null while editing. */
  plan: PlanView | null;
  stale: StalePlan | null;
  busy: 'previewing' | 'applying' | null;
  /** An apply that failed (not a stale one): shown in the Preview step with its report. */
  error: ActionError | null;
  /** Asks for a plan and shows it; a refusal is handed back (the form shows it beside its field). */
  preview: (request: ChangeRequest) => Promise<Outcome<PlanView>>;
  /** Previews the last request again (after a stale refusal). */
  previewAgain: () => Promise<Outcome<PlanView>>;
  /** Applies the plan on screen; null when refused as stale (the step says so) or failed (error set). */
  apply: <T>(run: (planId: string) => Promise<T>) => Promise<T | null>;
  /** Back to the form. */
  back: () => void;
  /** The plan's tunnel check (plan.tunnelCheck) is on: Apply asks main to wait for those tunnels first. */
  tunnelCheck: boolean;
  setTunnelCheck: (on: boolean) => void;
}

export interface FetchedPlanFlow extends PlanFlow {
  /** Shows the plan `fetch` returns; a refusal is handed back. "Preview again" calls `fetch` again. */
  load: (fetch: () => Promise<PlanView>) => Promise<Outcome<PlanView>>;
}

export function useFetchedPlanFlow(): FetchedPlanFlow {
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [stale, setStale] = useState<StalePlan | null>(null);
  const [busy, setBusy] = useState<PlanFlow['busy']>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [tunnelCheck, setTunnelCheck] = useState(false);
  const last = useRef<(() => Promise<PlanView>) | null>(null);

  const load = useCallback(async (fetch: () => Promise<PlanView>): Promise<Outcome<PlanView>> => {
    last.current = fetch;
    setBusy('previewing');
    setError(null);
    try {
      const value = await fetch();
      setPlan(value);
      setStale(null);
      // A new plan starts with its tunnel check off: it is a choice made looking at this plan.
      setTunnelCheck(false);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toActionError(e) };
    } finally {
      setBusy(null);
    }
  }, []);

  const preview = useCallback((request: ChangeRequest) => load(() => invoke('changes:preview', request)), [load]);

  const previewAgain = useCallback(async (): Promise<Outcome<PlanView>> => {
    if (!last.current) return { ok: false, error: { code: 'UNKNOWN', message: 'Nothing to preview.', details: undefined } };
    const outcome = await load(last.current);
    if (!outcome.ok) setError(outcome.error);
    return outcome;
  }, [load]);

  const apply = useCallback(
    async <T,>(run: (planId: string) => Promise<T>): Promise<T | null> => {
      if (!plan) return null;
      setBusy('applying');
      setError(null);
      try {
        if (tunnelCheck && plan.tunnelCheck) await invoke('changes:tunnelCheck', { routerId: plan.routerId, planId: plan.planId, on: true });
        return await run(plan.planId);
      } catch (e) {
        const failure = toActionError(e);
        const refused = staleOf(failure);
        if (refused) setStale(refused);
        else setError(failure);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [plan, tunnelCheck],
  );

  const back = useCallback(() => {
    setPlan(null);
    setStale(null);
    setError(null);
  }, []);

  return { skip: false, plan, stale, busy, error, preview, previewAgain, apply, back, load, tunnelCheck, setTunnelCheck };
}

export function usePlanFlow(): PlanFlow {
  const skip = useSettings((s) => s.settings.skipPreviewForSinglePeer);
  const { load: _load, ...flow } = useFetchedPlanFlow();
  return { ...flow, skip };
}

/**
 * For a dialog that opens on its Preview step (enable, disable, open a port, new keys, a doctor's fix): asks for
 * the plan of `request` when it opens, and again if the request changes. Returns the refusal, if any.
 */
export function usePreviewOnOpen(preview: PlanFlow['preview'], request: ChangeRequest): ActionError | null {
  const [refused, setRefused] = useState<ActionError | null>(null);
  // Compared by value: callers build the request inline on every render.
  const key = JSON.stringify(request);
  useEffect(() => {
    let cancelled = false;
    void preview(JSON.parse(key) as ChangeRequest).then((outcome) => {
      if (!cancelled && !outcome.ok) setRefused(outcome.error);
    });
    return () => {
      cancelled = true;
    };
  }, [preview, key]);
  return refused;
}
