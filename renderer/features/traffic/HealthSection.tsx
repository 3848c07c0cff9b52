// Router health: CPU, memory, uptime, RouterOS version and board, as read by router:health.
import { Clock, Cpu, MemoryStick, Server } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RouterHealth } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatBytes, formatClock, formatDecimal, formatUptime } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import { Banner } from '../../ui/Banner.tsx';
import { LoadingState, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { useRouters } from '../routers/store.ts';
import { useHealth } from './store.ts';

function Meter({ value, tone }: { value: number; tone: 'ok' | 'warn' | 'danger' }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div className={`meter tone-${tone}`} role="presentation">
      <div className="meter-fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}

function loadTone(percent: number): 'ok' | 'warn' | 'danger' {
  return percent >= 90 ? 'danger' : percent >= 70 ? 'warn' : 'ok';
}

export function HealthSection({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const fetchHealth = useHealth((s) => s.fetch);
  const { data, error, loading } = useHealth((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  const connected = useRouters((s) => s.statuses[routerId]?.state === 'online');

  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('traffic.healthWhat')} onRetry={() => void fetchHealth(routerId)} busy={loading} connected={connected} />;
    return <LoadingState label={t('traffic.healthLoading')} />;
  }
  return <HealthCards health={data} now={now} locale={locale} stale={error !== null} />;
}

function HealthCards({ health, now, locale, stale }: { health: RouterHealth; now: number; locale: string; stale: boolean }) {
  const { t } = useTranslation();
  const used = Math.max(0, health.totalMemory - health.freeMemory);
  const memPercent = health.totalMemory > 0 ? (used / health.totalMemory) * 100 : 0;
  // Uptime keeps counting on screen between reads, but only while the read is fresh.
  const uptime = health.uptimeMs + (stale ? 0 : Math.max(0, now - health.readAt));
  return (
    <section aria-labelledby="health-heading" className="section">
      <div className="section-head">
        <h2 id="health-heading" className="section-title">
          {t('traffic.healthTitle')}
        </h2>
        <span className="faint small">{t('traffic.readAt', { time: formatClock(health.readAt, locale) })}</span>
      </div>
      {stale ? (
        <Banner tone="warn" compact data-testid="health-stale">
          {t('traffic.healthStale', { time: formatClock(health.readAt, locale) })}
        </Banner>
      ) : null}
      <div className="cards">
        <div className="card" data-testid="health-cpu">
          <div className="card-label">
            <Cpu size={14} aria-hidden /> {t('traffic.cpu')}
          </div>
          <div className="card-value num">{formatDecimal(health.cpuLoad, locale, 0)} %</div>
          <Meter value={health.cpuLoad} tone={loadTone(health.cpuLoad)} />
          <div className="card-sub">{t('traffic.cores', { count: health.cpuCount })}</div>
        </div>
        <div className="card" data-testid="health-memory">
          <div className="card-label">
            <MemoryStick size={14} aria-hidden /> {t('traffic.memory')}
          </div>
          <div className="card-value num">
            {formatBytes(used, locale)} <span className="card-value-sub">/ {formatBytes(health.totalMemory, locale)}</span>
          </div>
          <Meter value={memPercent} tone={loadTone(memPercent)} />
          <div className="card-sub">{t('traffic.memoryUsed', { percent: formatDecimal(memPercent, locale, 0) })}</div>
        </div>
        <div className="card" data-testid="health-uptime">
          <div className="card-label">
            <Clock size={14} aria-hidden /> {t('traffic.uptime')}
          </div>
          <div className="card-value num">{formatUptime(uptime, t)}</div>
          <div className="card-sub">{t('traffic.identity', { identity: health.identity })}</div>
        </div>
        <div className="card" data-testid="health-system">
          <div className="card-label">
            <Server size={14} aria-hidden /> RouterOS
          </div>
          <div className="card-value">{health.version}</div>
          <div className="card-sub">
            {health.board} · {health.architecture}
          </div>
        </div>
      </div>
    </section>
  );
}
