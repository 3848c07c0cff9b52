// Public API of the monitoring core: per-router polling into SQLite traffic history, status transitions,
// notification debouncing, and the queries graphs and reports read.
export { RouterPoller, PollTimeoutError, DEFAULT_POLL_INTERVAL_MS, type RouterPollerOptions } from './poller.ts';
export { PollRecorder, type RecorderOptions, type PollOutcome } from './recorder.ts';
export { maintain, rollUp } from './rollup.ts';
export { TrafficHistory, HISTORY_RANGES, LIVE_WINDOW_MS, type HistoryRange, type TrafficHistoryOptions, type Totals, type StoredEvent, type EventQuery } from './history.ts';
export type { RateSeries } from './rate-series.ts';
export type { PeerUsage, DailyUsage } from './usage.ts';
export { pickResolution, MAX_POINTS, type Resolution } from './resolution.ts';
export { DEFAULT_RETENTION, type RetentionPolicy, type TierName } from './tiers.ts';
export { localUtcOffset, type UtcOffset } from './days.ts';
export { statusBeforePoll } from './status.ts';
export { NotificationDebouncer, eventKey, type Notice, type DebouncerOptions } from './debounce.ts';
export { systemTimer, type Timer, type Clock } from './timer.ts';
export type { PeerSource, PeerRow, MonitorEvent, PeerTransition, RouterTransition, Reachability, PeerStatus, SeriesRef, RatePoint, TimeRange } from './types.ts';
