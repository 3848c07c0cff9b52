// The rate chart: received and sent bits per second over the chosen range, exactly the points main sent.
// A null point breaks the line (connectNulls={false}) and the stretch is hatched "not measured"; a lone
// measured point between gaps is drawn as a dot, since a line needs two.
import { memo, useId, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { RatePointData, RateSeriesData } from '../../../src/contract/index.ts';
import { formatBps, formatPointTime, gapSpans, maxRate, rateAxisFormatter, rateTicks, tickFormatter, timeTicks } from './chart-model.ts';

export const CHART_HEIGHT = 240;

export interface RateChartProps {
  series: RateSeriesData;
  labels: { rx: string; tx: string };
  locale: string;
  /** Gaps shorter than this are not hatched (the seconds since the latest poll, a late poll). */
  minGapMs: number;
}

type Direction = 'rx' | 'tx';

function isolatedDot(direction: Direction, color: string) {
  function IsolatedDot({ index, points, cx, cy, payload }: DotItemDotProps) {
    const here = (payload as RatePointData | undefined)?.[direction];
    if (here === null || here === undefined || cx === undefined || cy === undefined) return null;
    const before = (points[index - 1]?.payload as RatePointData | undefined)?.[direction];
    const after = (points[index + 1]?.payload as RatePointData | undefined)?.[direction];
    const lone = (before === null || before === undefined) && (after === null || after === undefined);
    return lone ? <circle cx={cx} cy={cy} r={3} fill={color} stroke="none" /> : null;
  }
  return IsolatedDot;
}

const rxDot = isolatedDot('rx', 'var(--chart-rx)');
const txDot = isolatedDot('tx', 'var(--chart-tx)');

/** Memoised: the tab re-renders every second for its clocks, the chart only when its data changes. */
export const RateChart = memo(function RateChart({ series, labels, locale, minGapMs }: RateChartProps) {
  const { t } = useTranslation();
  const uid = useId().replace(/[^a-zA-Z0-9-]/g, '');
  const { from, to, points, stepMs } = series;

  const byTime = useMemo(() => new Map(points.map((p) => [p.t, p])), [points]);
  const gaps = useMemo(() => gapSpans(points, from, to, minGapMs), [points, from, to, minGapMs]);
  const max = maxRate(points);
  const yTicks = useMemo(() => rateTicks(max), [max]);
  const top = yTicks[yTicks.length - 1]!;
  const yFormat = useMemo(() => rateAxisFormatter(top, locale), [top, locale]);
  const { ticks, unit } = useMemo(() => timeTicks(from, to), [from, to]);
  const xFormat = useMemo(() => tickFormatter(unit, to - from, locale), [unit, from, to, locale]);

  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 4 }}>
        <defs>
          <linearGradient id={`${uid}-rx`} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor="var(--chart-rx)" stopOpacity={0.3} />
            <stop offset="100%" stopColor="var(--chart-rx)" stopOpacity={0.03} />
          </linearGradient>
          <linearGradient id={`${uid}-tx`} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor="var(--chart-tx)" stopOpacity={0.25} />
            <stop offset="100%" stopColor="var(--chart-tx)" stopOpacity={0.03} />
          </linearGradient>
          <pattern id={`${uid}-gap`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--chart-gap-bg)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--chart-gap)" strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        {gaps.map((gap) => (
          <ReferenceArea key={`${gap.x1}-${gap.x2}`} x1={gap.x1} x2={gap.x2} fill={`url(#${uid}-gap)`} fillOpacity={1} stroke="none" ifOverflow="hidden" />
        ))}
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          ticks={ticks}
          tickFormatter={xFormat}
          stroke="var(--border-strong)"
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          tickLine={false}
          allowDataOverflow
        />
        <YAxis
          domain={[0, top]}
          ticks={yTicks}
          interval={0}
          tickFormatter={yFormat}
          stroke="var(--text-faint)"
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          width={76}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ stroke: 'var(--border-strong)' }}
          content={({ active, label }) => {
            if (!active || label === undefined) return null;
            const point = byTime.get(Number(label));
            if (!point) return null;
            const value = (v: number | null) => (v === null ? <span className="faint">{t('trafficView.notMeasured')}</span> : formatBps(v, locale, true));
            return (
              <div className="chart-tooltip" data-testid="chart-tooltip">
                <div className="chart-tooltip-time">{formatPointTime(point.t, stepMs, locale, to)}</div>
                <div className="chart-tooltip-row">
                  <span className="legend-swatch rx" aria-hidden />
                  <span className="chart-tooltip-label">{labels.rx}</span>
                  <span className="num">{value(point.rx)}</span>
                </div>
                <div className="chart-tooltip-row">
                  <span className="legend-swatch tx" aria-hidden />
                  <span className="chart-tooltip-label">{labels.tx}</span>
                  <span className="num">{value(point.tx)}</span>
                </div>
              </div>
            );
          }}
        />
        <Area type="monotone" dataKey="rx" name={labels.rx} stroke="var(--chart-rx)" strokeWidth={1.8} fill={`url(#${uid}-rx)`} connectNulls={false} isAnimationActive={false} dot={rxDot} activeDot={{ r: 3 }} />
        <Area type="monotone" dataKey="tx" name={labels.tx} stroke="var(--chart-tx)" strokeWidth={1.8} fill={`url(#${uid}-tx)`} connectNulls={false} isAnimationActive={false} dot={txDot} activeDot={{ r: 3 }} />
      </AreaChart>
    </ResponsiveContainer>
  );
});
