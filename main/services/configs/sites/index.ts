// sites:preview and sites:connect: a WireGuard link between two routers both managed in WireDesk. Both
// routers are read fresh inside one pair of sessions, so the checks and the changes see the same state.
import { AppError, type InvokeOutput, type InvokeParsedInput } from '../../../../src/contract/index.ts';
import type { RouterContext } from '../../management/router-session.ts';
import type { ConfigDeps } from '../deps.ts';
import { applyLink } from './apply.ts';
import { planLink, type Preview } from './plan.ts';
import { readSide, type Side } from './side.ts';
import { linkPlans } from './steps.ts';

type Input = InvokeParsedInput<'sites:preview'>;

export class SiteLinks {
  readonly #d: ConfigDeps;

  constructor(deps: ConfigDeps) {
    this.#d = deps;
  }

  preview(input: Input): Promise<Preview> {
    return this.#withBoth(input, async (a, b) => planLink(a, b));
  }

  connect(input: Input): Promise<InvokeOutput<'sites:connect'>> {
    return this.#withBoth(input, async (a, b) => {
      const preview = planLink(a, b);
      if (!preview.ready) {
        throw new AppError('VALIDATION', `Nothing was sent to either router: ${preview.problems.map((p) => p.message).join(' ')}`, { problems: preview.problems });
      }
      const result = await applyLink(linkPlans(a, b, preview), this.#d.plans, this.#d.auditLog);
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
