// Traffic tab: live rates measured from peers:list reads while the tab is open, and router health.
import { create } from 'zustand';
import { createReadModelStore } from '../../lib/read-model.ts';
import { EMPTY_SERIES, ingestRead, type TrafficRead, type TrafficSeries } from './rates.ts';

export const useHealth = createReadModelStore('router:health');

/** How much live history the chart keeps: the minutes the tab has been open, capped. */
export const TRAFFIC_WINDOW_MS = 15 * 60_000;

export interface TrafficState {
  series: Record<string, TrafficSeries>;
  ingest: (routerId: string, read: TrafficRead, pollIntervalMs: number) => void;
}

export const useTraffic = create<TrafficState>()((set) => ({
  series: {},
  ingest(routerId, read, pollIntervalMs) {
    set((state) => {
      const current = state.series[routerId] ?? EMPTY_SERIES;
      const next = ingestRead(current, read, { maxGapMs: Math.max(3 * pollIntervalMs, 15_000), windowMs: TRAFFIC_WINDOW_MS });
      return next === current ? state : { series: { ...state.series, [routerId]: next } };
    });
  },
}));
