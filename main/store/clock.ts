// Time is injected so tests can pin it; every stored timestamp is milliseconds since the epoch.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
