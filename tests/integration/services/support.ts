// Shared set-up for service-level tests: the real composition root over a temporary data directory.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouterStatus } from '../../../src/contract/index.ts';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/services/app-services.ts';
import { interfaceListing, peerListing } from '../../../main/services/router-model/index.ts';
import type { ResolveHost } from '../../../main/services/doctor/resolve.ts';

/**
 * Tests talk only to loopback: names the doctor would resolve get no answer (as on a laptop without a
 * network), unless a test starts its own DNS server on loopback (tests/integration/doctor/dns-server.ts).
 */
export const NO_DNS: ResolveHost = () => Promise.resolve(null);

export async function services(options: Partial<AppServicesOptions> = {}): Promise<{ s: AppServices; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wiredesk-svc-'));
  const s = await createAppServices({ dataDir, appVersion: 'test', platform: process.platform, notify: () => {}, autoDemo: false, resolveHost: NO_DNS, ...options });
  return {
    s,
    dataDir,
    async close() {
      await s.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first status event for the router that satisfies the predicate (or the current one). */
export function statusWhere(s: AppServices, routerId: string, predicate: (st: RouterStatus) => boolean, timeoutMs = 15_000): Promise<RouterStatus> {
  const current = s.connections.status(routerId);
  if (predicate(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`router ${routerId} never reached the expected state; last: ${JSON.stringify(s.connections.status(routerId))}`));
    }, timeoutMs);
    const off = s.events.subscribe((event, payload) => {
      const st = payload as RouterStatus;
      if (event === 'router:status' && st.routerId === routerId && predicate(st)) {
        clearTimeout(timer);
        off();
        resolve(st);
      }
    });
  });
}

/** Every file under a directory, read as bytes: to prove a secret was never written anywhere. */
export function allBytesUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

/** What `peers:list` answers: the router model's peers. */
export async function listPeers(s: AppServices, routerId: string) {
  return peerListing(await s.models.state(routerId));
}

/** What `interfaces:list` answers: the router model's interfaces with their peer counts. */
export async function listInterfaces(s: AppServices, routerId: string) {
  return interfaceListing(await s.models.state(routerId));
}
