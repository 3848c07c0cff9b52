// Reconnect delays: exponential growth with a cap, and jitter so that many routers (or many app instances
// behind one router) that dropped at the same moment do not all reconnect in the same instant.

export interface BackoffPolicy {
  /** First delay before jitter. Default 1 s. */
  initialMs?: number;
  /** Cap before jitter. Default 60 s. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** Share of each delay that is random: 0 none, 1 "full jitter" (0..delay). Default 0.5. */
  jitter?: number;
  /** Injectable for tests; must return [0, 1). */
  random?: () => number;
}

/** Endless sequence of delays in ms: attempt n waits base*(1 - jitter*random) with base = min(max, initial*factor^n). */
export function* backoffDelays(policy: BackoffPolicy = {}): Generator<number, never, undefined> {
  const initialMs = policy.initialMs ?? 1_000;
  const maxMs = policy.maxMs ?? 60_000;
  const factor = policy.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0.5));
  const random = policy.random ?? Math.random;
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(factor >= 1)) {
    throw new RangeError('backoff needs initialMs > 0, maxMs >= initialMs and factor >= 1');
  }
  let base = initialMs;
  for (;;) {
    yield Math.round(base * (1 - jitter * random()));
    base = Math.min(maxMs, base * factor);
  }
}
