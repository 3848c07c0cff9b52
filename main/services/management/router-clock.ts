// The router's clock: the connection doctor's fix for a clock that is wrong turns on the NTP client, through a
// change plan (preview, backup, safe apply, verify) like every other write.
import { AppError, type InvokeParsedInput, type InvokeOutput, type PlanView } from '../../../src/contract/index.ts';
import { DEFAULT_NTP_SERVER, planNtpOn } from '../changes/ntp-plans.ts';
import type { ManagementDeps } from './deps.ts';

type Deps = Pick<ManagementDeps, 'sessions' | 'models' | 'previews' | 'plans' | 'audit'>;

export class RouterClock {
  readonly #d: Deps;

  constructor(deps: Deps) {
    this.#d = deps;
  }

  async enableNtp(input: InvokeParsedInput<'router:enableNtp'>): Promise<InvokeOutput<'router:enableNtp'>> {
    return this.#enableNtp(input, false) as Promise<InvokeOutput<'router:enableNtp'>>;
  }

  async previewEnableNtp(input: InvokeParsedInput<'router:enableNtp'>): Promise<PlanView> {
    return this.#enableNtp(input, true) as Promise<PlanView>;
  }

  async #enableNtp(input: InvokeParsedInput<'router:enableNtp'>, preview: boolean): Promise<InvokeOutput<'router:enableNtp'> | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.readNow(ctx.routerId, ctx.client, ['ntp']);
      const ntp = state.ntp;
      if (!state.parts.ntp.known || !ntp) {
        throw new AppError('CONFLICT', 'WireDesk could not read this router\'s NTP client (/system ntp client): give the login read access to it, or turn it on in WinBox (System → NTP Client).', { reason: 'ntp-unknown' });
      }
      if (!ntp.hasServersField) {
        throw new AppError('CONFLICT', 'This router\'s time client is RouterOS 6\'s SNTP client, which WireDesk does not set: turn it on in WinBox (System → SNTP Client).', { reason: 'ntp-v6' });
      }
      if (ntp.enabled && ntp.servers.length > 0) throw new AppError('VALIDATION', `The router's NTP client is already on (${ntp.servers.join(', ')}): nothing to fix.`, { reason: 'ntp-on' });
      const plan = planNtpOn({ routerId: ctx.routerId, before: ntp });
      if (preview) return this.#d.previews.keep(plan, null);
      if (input.planId) this.#d.previews.check(input.planId, plan);
      const servers = ntp.servers.length > 0 ? ntp.servers.join(', ') : DEFAULT_NTP_SERVER;
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'enable' as const, objectType: 'ntp-client' as const, objectName: plan.subject.label, before: plan.diff[0]!.before };
      const report = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'router.ntp', params: { servers } } });
        // The clock as the NTP client left it (a real router may take a few seconds to synchronize).
        await this.#d.models.readNow(ctx.routerId, ctx.client, ['clock']);
        return { value: applied.report, after: plan.diff[0]!.after, planId: applied.report.planId };
      });
      return { report };
    });
  }
}
