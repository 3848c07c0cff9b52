// Rates for the chosen scope and range from main's stored history: totals, how much of the range was
// measured, the chart, and what the gaps mean. Live (15 min) re-reads twice per poll interval, so a new
// poll shows up within half an interval; longer ranges re-read every minute.
import { ArrowDownToLine, ArrowUpFromLine, Gauge } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRangeValue, RateSeriesData } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { coverage, formatBps, formatRatio, formatSpan, isLive, lastMeasured, measuredPoints, RANGE_MS, RANGES } from './chart-model.ts';
import { useKeyedRead } from './hooks.ts';
import { CHART_HEIGHT, RateChart } from './RateChart.tsx';

export interface ThroughputPanelProps {
  routerId: string;
  iface: string;
  /** null: the whole interface. */
  publicKey: string | null;
  /** The peer's display name when one is selected. */
  peerName: string | null;
  range: HistoryRangeValue;
  onRange: (range: HistoryRangeValue) => void;
  pollMs: number;
  routerOnline: boolean;
  locale: string;
}

/** Direction labels from the router's side, with what that is for the peer in brackets. */
export function directionLabels(t: (key: string) => string, peerScope: boolean): { rx: string; tx: string } {
  return peerScope ? { rx: t('trafficView.rxPeer'), tx: t('trafficView.txPeer') } : { rx: t('trafficView.rxAll'), tx: t('trafficView.txAll') };
}

export function ThroughputPanel({ routerId, iface, publicKey, peerName, range, onRange, pollMs, routerOnline, locale }: ThroughputPanelProps) {
  const { t } = useTranslation();
  const live = isLive(range);
  const key = `${routerId}|${iface}|${publicKey ?? ''}|${range}`;
  const read = useKeyedRead<RateSeriesData>(
    key,
    () => invoke('traffic:series', { routerId, interface: iface, range, ...(publicKey ? { publicKey } : {}) }),
    live ? Math.max(1000, pollMs / 2) : 60_000,
  );
  const series = read.value;
  // Nothing measured yet: the totals are unknown, not zero.
  const bytes = (value: number) => (series && series.totals.coveredMs > 0 ? formatBytes(value, locale) : '—');
  const peerScope = publicKey !== null;
  const labels = useMemo(() => directionLabels(t, peerScope), [t, peerScope]);
  const seconds = Math.round(pollMs / 1000);

  const measured = series ? measuredPoints(series.points) : [];
  const last = series ? lastMeasured(series.points) : null;
  // "Now" only while the newest measurement is recent; after a gap there is no current rate.
  const current = live && last && series && series.to - last.t <= 3 * pollMs + 2000 ? last : null;
  const rangeMs = RANGE_MS[range];
  const cover = series ? coverage(series.totals.coveredMs, rangeMs, Math.max(3 * pollMs, rangeMs * 0.005)) : null;

  let state: 'loading' | 'error' | 'waiting' | 'empty' | 'ready' = 'loading';
  if (series) state = measured.length > 0 ? 'ready' : live ? 'waiting' : 'empty';
  else if (read.error) state = 'error';

  const resolution = !series
    ? ''
    : series.resolution === 'raw'
      ? t('trafficView.resolutionRaw', { seconds })
      : t('trafficView.resolutionStep', { step: formatSpan(series.stepMs ?? 0, t) });

  return (
    <section className="panel traffic-panel" aria-labelledby="traffic-heading" data-testid="throughput">
      <div className="traffic-panel-head">
        <h2 id="traffic-heading" className="section-title">
          {publicKey ? t('trafficView.titlePeer', { name: peerName ?? '…', iface }) : t('trafficView.titleInterface', { iface })}
        </h2>
        <span className="faint small">{resolution}</span>
        <span className="spacer" />
        {live ? (
          <span className={`live-badge${routerOnline ? '' : ' paused'}`} data-testid="live-badge">
            {routerOnline ? t('trafficView.live') : t('trafficView.livePaused')}
          </span>
        ) : null}
        <Segmented<HistoryRangeValue>
          name={`traffic-range-${routerId}`}
          value={range}
          options={RANGES.map((value) => ({ value, label: t(`trafficView.range.${value}`), testId: `range-${value}` }))}
          onChange={onRange}
          aria-label={t('trafficView.rangeLabel')}
        />
      </div>

      <div className="traffic-stats">
        <div className="traffic-stat" data-testid="total-rx">
          <span className="rate-label">
            <ArrowDownToLine size={14} aria-hidden className="rx-text" /> {labels.rx}
          </span>
          <span className="rate-value num">{bytes(series?.totals.rx ?? 0)}</span>
          {live ? <span className="stat-sub num">{t('trafficView.now', { rate: current ? formatBps(current.rx ?? 0, locale) : '—' })}</span> : null}
        </div>
        <div className="traffic-stat" data-testid="total-tx">
          <span className="rate-label">
            <ArrowUpFromLine size={14} aria-hidden className="tx-text" /> {labels.tx}
          </span>
          <span className="rate-value num">{bytes(series?.totals.tx ?? 0)}</span>
          {live ? <span className="stat-sub num">{t('trafficView.now', { rate: current ? formatBps(current.tx ?? 0, locale) : '—' })}</span> : null}
        </div>
        <div className="traffic-stat" data-testid="coverage">
          <span className="rate-label">
            <Gauge size={14} aria-hidden className="faint" /> {t('trafficView.measured')}
          </span>
          <span className="rate-value num">{cover ? formatRatio(cover.ratio, locale) : '—'}</span>
          <span className="stat-sub">{series ? t('trafficView.measuredOf', { covered: formatSpan(series.totals.coveredMs, t), range: t(`trafficView.rangeLong.${range}`) }) : ''}</span>
        </div>
      </div>

      <div className="chart-legend" aria-hidden={state !== 'ready'}>
        <span className="legend-item">
          <span className="legend-swatch rx" aria-hidden /> {labels.rx}
        </span>
        <span className="legend-item">
          <span className="legend-swatch tx" aria-hidden /> {labels.tx}
        </span>
        <span className="legend-item">
          <span className="legend-swatch gap" aria-hidden /> {t('trafficView.legendGap')}
        </span>
      </div>

      <div
        className="chart"
        data-testid="traffic-chart"
        data-state={state}
        data-range={range}
        data-resolution={series?.resolution ?? ''}
        data-points={series?.points.length ?? 0}
        data-measured-points={measured.length}
        data-last-t={last?.t ?? ''}
        data-last-rx={last?.rx ?? ''}
        data-last-tx={last?.tx ?? ''}
      >
        {state === 'ready' && series ? (
          <RateChart series={series} labels={labels} locale={locale} minGapMs={series.stepMs === null ? 2.5 * pollMs : 1.5 * series.stepMs} />
        ) : state === 'error' && read.error ? (
          <div className="chart-placeholder" style={{ height: CHART_HEIGHT }}>
            <Banner tone="danger" title={t('trafficView.seriesFailed')} actions={<Button size="sm" onClick={read.refresh}>{t('common.retry')}</Button>}>
              {read.error.message}
            </Banner>
          </div>
        ) : (
          <div className="chart-placeholder" style={{ height: CHART_HEIGHT }} data-testid="chart-waiting">
            {state === 'loading'
              ? t('trafficView.loading')
              : state === 'waiting'
                ? routerOnline
                  ? t('trafficView.waiting', { seconds })
                  : t('trafficView.waitingOffline')
                : t('trafficView.nothingMeasured', { range: t(`trafficView.rangeLong.${range}`) })}
          </div>
        )}
      </div>

      {series && cover?.partial && state === 'ready' ? (
        <p className="chart-note" data-testid="coverage-note">
          {t('trafficView.partial', { covered: formatSpan(series.totals.coveredMs, t), range: t(`trafficView.rangeLong.${range}`) })}
        </p>
      ) : null}
      {live && state === 'ready' && !routerOnline ? <p className="chart-note warn-text">{t('trafficView.offlineNow')}</p> : null}
    </section>
  );
}
