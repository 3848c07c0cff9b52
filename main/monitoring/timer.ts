// Scheduling is injected so tests drive polls and debounces by hand, with no real waiting.
export type Clock = () => number;

export interface Timer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimer: Timer = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    // A pending poll must not keep a process (a test, a CLI) alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
