// The addresses a client's endpoint name resolves to, as this computer's resolver answers (the same one a
// laptop or phone on the same network would ask). [] when the name does not exist; null when no answer came
// (no network, a resolver that does not answer): the doctor then says nothing about the name.
import { lookup } from 'node:dns/promises';

export type ResolveHost = (host: string) => Promise<string[] | null>;

const TIMEOUT_MS = 3000;
/** getaddrinfo's and c-ares' codes for "no such name" / "no address for it". */
const NO_SUCH_NAME = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

/** With the operating system's resolver (hosts file included). */
export const systemResolver: ResolveHost = (host) => resolveWith(host, async (h) => (await lookup(h, { all: true })).map((a) => a.address));

export async function resolveWith(host: string, resolve: (host: string) => Promise<string[]>): Promise<string[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), TIMEOUT_MS);
  });
  try {
    return await Promise.race([resolve(host), timeout]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && NO_SUCH_NAME.has(code) ? [] : null;
  } finally {
    clearTimeout(timer);
  }
}
