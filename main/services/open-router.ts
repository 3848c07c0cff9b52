// Opening a router for real: TCP or TLS with the pin, login, then the facts WireDesk needs.
import { connect } from '../routeros/connect.ts';
import type { RouterOsClient } from '../routeros/client.ts';
import type { ConnectionTarget } from './connections.ts';
import { readRouterFacts, type RouterFactsRead } from './router-facts.ts';

export type OpenRouter = (target: ConnectionTarget, password: string, signal: AbortSignal) => Promise<{ client: RouterOsClient; facts: RouterFactsRead }>;

export function createOpenRouter(options: { connectTimeoutMs?: number; commandTimeoutMs?: number } = {}): OpenRouter {
  return async (target, password, signal) => {
    const client = await connect({
      host: target.host,
      port: target.port,
      transport: target.transport,
      username: target.username,
      password,
      pinnedFingerprint: target.tlsFingerprint ?? undefined,
      allowAnonymousTls: target.allowAnonymousTls,
      connectTimeoutMs: options.connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs,
      signal,
    });
    try {
      return { client, facts: await readRouterFacts(client, target.username) };
    } catch (error) {
      client.close();
      throw error;
    }
  };
}
