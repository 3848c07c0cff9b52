// The client logs only what a technician needs to diagnose a router (never credentials or row contents).
// The app injects its own logger; the default writes warnings to the console.

export interface RouterOsLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  debug?(message: string, context?: Record<string, unknown>): void;
}

export const consoleLogger: RouterOsLogger = {
  warn(message, context) {
    console.warn(`[routeros] ${message}`, context ?? '');
  },
};
