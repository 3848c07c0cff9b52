// Router health and live WireGuard throughput. Rates are measured here from successive peers:list reads;
// nothing is interpolated or invented, and the chart only covers the time this tab has been open.
import { ArrowDownToLine, ArrowUpFromLine, Clock, Cpu, MemoryStick, Server } from 'lucide-react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { RouterHealth } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatBitRate, formatBytes, formatClock, formatDecimal, formatUptime } from '../../lib/format.ts';
import { useNow, usePoll } from '../../lib/hooks.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import { Banner } from '../../ui/Banner.tsx';
import { LoadingState, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { usePeers } from '../peers/store.ts';
import { usePollIntervalMs } from '../settings/store.ts';
import { currentRate, EMPTY_SERIES, type RatePoint } from './rates.ts';
import { TRAFFIC_WINDOW_MS, useHealth, useTraffic } from './store.ts';

export function TrafficTab({ routerId }: { routerId: string }) {
  const interval = usePollIntervalMs();
  const fetchHealth = useHealth((s) => s.fetch);
  const fetchPeers = usePeers((s) => s.fetch);
  const ingest = useTraffic((s) => s.ingest);

  usePoll(routerId, () => fetchHealth(routerId), interval);
  usePoll(
    routerId,
    async () => {
      const result = await fetchPeers(routerId);
      if (result.ok) {
        const { source, seenAt, rows } = result.value;
        ingest(routerId, { ok: true, at: seenAt ?? Date.now(), live: source === 'live', rows }, interval);
      } else {
        ingest(routerId, { ok: false, at: Date.now() }, interval);
      }
    },
    interval,
  );

  return (
    <div className="tab-content traffic" data-testid="traffic-tab">
      <HealthSection routerId={routerId} />
      <ThroughputSection routerId={routerId} intervalSec={interval / 1000} />
    </div>
  );
}

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

function HealthSection({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const fetchHealth = useHealth((s) => s.fetch);
  const { data, error, loading } = useHealth((s) => s.byRouter[routerId]) ?? EMPTY_READ;

  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('traffic.healthWhat')} onRetry={() => void fetchHealth(routerId)} busy={loading} />;
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

function ThroughputSection({ routerId, intervalSec }: { routerId: string; intervalSec: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const series = useTraffic((s) => s.series[routerId]) ?? EMPTY_SERIES;
  const peersRead = usePeers((s) => s.byRouter[routerId]);
  const rate = currentRate(series);
  const measured = series.points.some((p) => p.rx !== null);
  const offlineNow = peersRead?.data?.source === 'cache' || (peersRead?.error !== null && peersRead?.error !== undefined);

  const chartData: RatePoint[] = series.points;

  return (
    <section aria-labelledby="throughput-heading" className="section">
      <div className="section-head">
        <h2 id="throughput-heading" className="section-title">
          {t('traffic.throughputTitle')}
        </h2>
        <span className="faint small">{t('traffic.throughputScope')}</span>
      </div>
      <div className="panel throughput">
        <div className="rates">
          <div className="rate" data-testid="rate-rx">
            <span className="rate-label">
              <ArrowDownToLine size={14} aria-hidden className="rx-text" /> {t('traffic.rx')}
            </span>
            <span className="rate-value num">{rate ? formatBitRate(rate.rx ?? 0, locale) : '—'}</span>
          </div>
          <div className="rate" data-testid="rate-tx">
            <span className="rate-label">
              <ArrowUpFromLine size={14} aria-hidden className="tx-text" /> {t('traffic.tx')}
            </span>
            <span className="rate-value num">{rate ? formatBitRate(rate.tx ?? 0, locale) : '—'}</span>
          </div>
          <div className="rate-note">
            {offlineNow ? <span className="warn-text">{t('traffic.paused')}</span> : !rate ? <span className="muted">{t('traffic.measuring', { seconds: intervalSec })}</span> : <span className="muted">{t('traffic.measuredEvery', { seconds: intervalSec })}</span>}
          </div>
        </div>
        <div className="chart" data-testid="traffic-chart">
          {measured ? (
            <ResponsiveContainer width="100%" height={220}>
              <AreaChart data={chartData} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                <defs>
                  <linearGradient id="fill-rx" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0%" stopColor="var(--chart-rx)" stopOpacity={0.35} />
                    <stop offset="100%" stopColor="var(--chart-rx)" stopOpacity={0.02} />
                  </linearGradient>
                  <linearGradient id="fill-tx" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0%" stopColor="var(--chart-tx)" stopOpacity={0.3} />
                    <stop offset="100%" stopColor="var(--chart-tx)" stopOpacity={0.02} />
                  </linearGradient>
                </defs>
                <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={(v: number) => formatClock(v, locale)}
                  stroke="var(--text-faint)"
                  tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
                  tickLine={false}
                  minTickGap={40}
                />
                <YAxis
                  tickFormatter={(v: number) => formatBitRate(v, locale)}
                  stroke="var(--text-faint)"
                  tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
                  tickLine={false}
                  axisLine={false}
                  width={78}
                />
                <Tooltip
                  isAnimationActive={false}
                  contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)', fontSize: 12 }}
                  labelStyle={{ color: 'var(--text-muted)' }}
                  labelFormatter={(v) => formatClock(Number(v), locale)}
                  formatter={(value, name) => [formatBitRate(Number(value), locale), name === 'rx' ? t('traffic.rx') : t('traffic.tx')]}
                />
                <Area type="monotone" dataKey="rx" name="rx" stroke="var(--chart-rx)" strokeWidth={1.8} fill="url(#fill-rx)" connectNulls={false} isAnimationActive={false} dot={chartData.length < 3} />
                <Area type="monotone" dataKey="tx" name="tx" stroke="var(--chart-tx)" strokeWidth={1.8} fill="url(#fill-tx)" connectNulls={false} isAnimationActive={false} dot={chartData.length < 3} />
              </AreaChart>
            </ResponsiveContainer>
          ) : (
            <div className="chart-placeholder" data-testid="chart-waiting">
              {offlineNow ? t('traffic.chartOffline') : t('traffic.chartWaiting', { seconds: intervalSec })}
            </div>
          )}
        </div>
        <p className="chart-note">
          {t('traffic.chartNote', { minutes: TRAFFIC_WINDOW_MS / 60_000 })}
        </p>
      </div>
    </section>
  );
}
