// The Preview step's state (as usePlanFlow keeps it) for plans that do not come from one changes:preview request
// alone: an interface deletion's plan comes with interfaces:deletePreview, a site link's after its own checks.
// `load` shows the plan a fetch returns and remembers the fetch, so "Preview again" after a PLAN_STALE refusal
// runs it once more. Interface and site changes always go through this step: the setting that skips the
// preview is for single-peer changes only, so `skip` is always false here.
import { useCallback, useRef, useState } from 'react';
import type { InvokeInput, PlanView } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { staleOf, type StalePlan } from '../../lib/change-plan.ts';
import type { Outcome, PlanFlow } from '../changes/use-plan-flow.ts';

export interface FetchedPlanFlow extends PlanFlow {
  /** Shows the plan `fetch` returns; a refusal is handed back. "Preview again" calls `fetch` again. */
  load: (fetch: () => Promise<PlanView>) => Promise<Outcome<PlanView>>;
}

export function useFetchedPlanFlow(): FetchedPlanFlow {
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [stale, setStale] = useState<StalePlan | null>(null);
  const [busy, setBusy] = useState<PlanFlow['busy']>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const last = useRef<(() => Promise<PlanView>) | null>(null);

  const load = useCallback(async (fetch: () => Promise<PlanView>): Promise<Outcome<PlanView>> => {
    last.current = fetch;
    setBusy('previewing');
    setError(null);
    try {
      const value = await fetch();
      setPlan(value);
      setStale(null);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toActionError(e) };
    } finally {
      setBusy(null);
    }
  }, []);

  const preview = useCallback((request: InvokeInput<'changes:preview'>) => load(() => invoke('changes:preview', request)), [load]);

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
    [plan],
  );

  const back = useCallback(() => {
    setPlan(null);
    setStale(null);
    setError(null);
  }, []);

  return { skip: false, plan, stale, busy, error, preview, previewAgain, apply, back, load };
}
