// sites:preview, changes:preview kind site.link and sites:connect: a WireGuard link between two routers both
// managed in WireDesk. Both routers are read fresh inside one pair of sessions, so the checks and the changes see
// the same state; a link previewed as plans is applied only as previewed on both routers.
import { AppError, type InvokeOutput, type InvokeParsedInput, type PlanView } from '../../../../src/contract/index.ts';
import type { RouterContext } from '../../management/router-session.ts';
import type { ConfigDeps } from '../deps.ts';
import { applyLink } from './apply.ts';
import { planLink, type Preview } from './plan.ts';
import { readSide, type Side } from './side.ts';
import { linkPlans } from './steps.ts';

type Input = InvokeParsedInput<'sites:preview'>;
/** What A's kept preview holds: the id of B's, applied with it. */
interface LinkMaterial { linked: string }

export class SiteLinks {
  readonly #d: ConfigDeps;

  constructor(deps: ConfigDeps) {
    this.#d = deps;
  }

  preview(input: Input): Promise<Preview> {
    return this.#withBoth(input, async (a, b) => planLink(a, b));
  }

  /** changes:preview kind site.link: the change plan of each router (A's, with B's as `linked`), kept to be applied as shown. */
  plans(input: Input): Promise<PlanView> {
    return this.#withBoth(input, async (a, b) => {
      const preview = planLink(a, b);
      if (!preview.ready) {
        throw new AppError('VALIDATION', `Nothing was sent to either router: ${preview.problems.map((p) => p.message).join(' ')}`, { problems: preview.problems });
      }
      const [sideA, sideB] = linkPlans(a, b, preview);
      const linked = this.#d.previews.keep(sideB.plan, null);
      const view = this.#d.previews.keep(sideA.plan, { linked: linked.planId } satisfies LinkMaterial);
      return { ...view, linked };
    });
  }

  connect(input: InvokeParsedInput<'sites:connect'>): Promise<InvokeOutput<'sites:connect'>> {
    return this.#withBoth(input, async (a, b) => {
      const preview = planLink(a, b);
      if (!preview.ready) {
        const problems = preview.problems.map((p) => p.message).join(' ');
        // A link previewed as ready that is blocked now: the routers changed since (a peer added in WinBox).
        if (input.planId) throw new AppError('PLAN_STALE', `The routers changed since the preview, and now: ${problems} Nothing was sent to either router.`, { planId: input.planId, reason: 'changed', previewed: [], now: [], problems: preview.problems });
        throw new AppError('VALIDATION', `Nothing was sent to either router: ${problems}`, { problems: preview.problems });
      }
      const sides = linkPlans(a, b, preview);
      if (input.planId) {
        // Both routers as previewed, or nothing is sent to either (PLAN_STALE with the commands of the one that changed).
        const { linked } = this.#d.previews.material<LinkMaterial>(input.planId, a.ctx.routerId, 'site.link');
        this.#d.previews.check(input.planId, sides[0].plan);
        this.#d.previews.check(linked, sides[1].plan);
      }
      const result = await applyLink(sides, this.#d.plans, this.#d.auditLog);
      return { ...result, preview };
    });
  }

  async #withBoth<T>(input: Input, work: (a: Side, b: Side) => Promise<T>): Promise<T> {
    if (input.a.routerId === input.b.routerId) {
      throw new AppError('VALIDATION', 'A site-to-site link joins two different routers; choose another router for one side.', { field: 'b.routerId' });
    }
    return this.#d.sessions.run(input.a.routerId, (ctxA: RouterContext) =>
      this.#d.sessions.run(input.b.routerId, async (ctxB: RouterContext) => {
        const [a, b] = await Promise.all([readSide(this.#d, ctxA, input.a), readSide(this.#d, ctxB, input.b)]);
        return work(a, b);
      }),
    );
  }
}
