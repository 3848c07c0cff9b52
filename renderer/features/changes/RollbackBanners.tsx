// One banner per change whose rollback the router itself holds: pending (when it runs, counting down),
// undone by the router, kept (WireDesk reconnected in time), or unknown (what to check by hand). Shown above
// every screen, each naming its router: a rollback on one router matters while looking at another.
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RollbackEvent } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { on } from '../../lib/api.ts';
import { secondsUntil } from '../../lib/change-plan.ts';
import { changeSubjectText } from '../../lib/change-subject.ts';
import { formatClock } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { Banner, type BannerTone } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { useRouters } from '../routers/store.ts';
import { useRollbacks } from './rollback-store.ts';
import './changes.css';

const TONES: Record<RollbackEvent['state'], BannerTone> = { pending: 'warn', 'rolled-back': 'info', kept: 'ok', unknown: 'danger' };

function RollbackBanner({ event, router }: { event: RollbackEvent; router: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const dismiss = useRollbacks((s) => s.dismiss);
  const time = event.runsAt !== null ? formatClock(event.runsAt, locale) : '';
  const seconds = event.runsAt !== null ? secondsUntil(event.runsAt, now) : 0;
  const title = changeSubjectText(t, event.subject, event.title, locale, now);
  const vars = { router, title, time, seconds };
  let heading: string;
  let body: string;
  switch (event.state) {
    case 'pending':
      heading = t('changes.rollback.pendingTitle', vars);
      body = event.runsAt === null ? t('changes.rollback.pendingNoTime', vars) : seconds > 0 ? t('changes.rollback.pendingBody', vars) : t('changes.rollback.pendingDue', vars);
      break;
    case 'rolled-back':
      heading = t('changes.rollback.rolledBackTitle', vars);
      body = t('changes.rollback.rolledBackBody', vars);
      break;
    case 'kept':
      heading = t('changes.rollback.keptTitle', vars);
      body = t('changes.rollback.keptBody', vars);
      break;
    default:
      heading = t('changes.rollback.unknownTitle', vars);
      body = t('changes.rollback.unknownBody', vars);
  }
  return (
    <Banner
      tone={TONES[event.state]}
      compact
      title={heading}
      actions={<Button size="sm" variant="ghost" icon={<X size={14} aria-hidden />} onClick={() => dismiss(event.planId)} aria-label={t('changes.rollback.dismiss')} title={t('changes.rollback.dismiss')} data-testid="rollback-dismiss" />}
      data-testid={`rollback-banner-${event.state}`}
    >
      <span data-router={event.routerId} data-seconds={event.state === 'pending' ? seconds : undefined}>
        {body}
      </span>
    </Banner>
  );
}

export function RollbackBanners() {
  const events = useRollbacks((s) => s.events);
  const profiles = useRouters((s) => s.profiles);
  if (events.length === 0) return null;
  return (
    <div className="rollback-banners" data-testid="rollback-banners">
      {events.map((e) => (
        <RollbackBanner key={e.planId} event={e} router={profiles.find((p) => p.id === e.routerId)?.name ?? e.routerId} />
      ))}
    </div>
  );
}

/** Follows changes:rollback for the app's lifetime (App wires it with the other pushed events). */
export function connectRollbackEvents(): () => void {
  return on('changes:rollback', (event) => useRollbacks.getState().receive(event));
}
