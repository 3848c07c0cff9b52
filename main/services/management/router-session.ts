// The single door for changes: the router's live connection first, so an offline router is refused (OFFLINE,
// "nothing was sent") before any local record changes; then the version that decides which fields the router
// accepts; and one mapping of internal errors to AppErrors.
import { AppError } from '../../../src/contract/index.ts';
import { parseRouterOsVersion, type RouterOsVersion } from '../../../src/domain/index.ts';
import type { RouterOsClient } from '../../routeros/client.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import type { ConnectionManager } from '../connections.ts';
import { mapErrors } from '../errors.ts';

export interface RouterContext {
  routerId: string;
  routerName: string;
  client: RouterOsClient;
  version: RouterOsVersion;
}

export class RouterSessions {
  readonly #connections: ConnectionManager;
  readonly #routers: RoutersRepository;

  constructor(deps: { connections: ConnectionManager; routers: RoutersRepository }) {
    this.#connections = deps.connections;
    this.#routers = deps.routers;
  }

  routerName(routerId: string): string {
    return this.#routers.get(routerId)?.name ?? routerId;
  }

  /** Requires the router to be configured (NOT_FOUND otherwise); works offline. */
  requireRouter(routerId: string): void {
    if (!this.#routers.get(routerId)) throw new AppError('NOT_FOUND', `No router with id ${routerId} is configured; it may have been removed.`);
  }

  async run<T>(routerId: string, work: (ctx: RouterContext) => Promise<T>): Promise<T> {
    return mapErrors(() =>
      this.#connections.withClient(routerId, async (client) => {
        const text = this.#connections.facts(routerId)?.version ?? '';
        const parsed = parseRouterOsVersion(text);
        if (!parsed.ok) throw new AppError('UNSUPPORTED_VERSION', `WireDesk could not read this router's RouterOS version ("${text}"), so it cannot tell which settings it accepts. Reconnect and try again.`);
        try {
          return await work({ routerId, routerName: this.routerName(routerId), client, version: parsed.value });
        } catch (error) {
          // The menu helpers refuse a field the version lacks with a RangeError; our own checks come first,
          // so this is a safety net, but it is still the technician's input that must change.
          if (error instanceof RangeError) throw new AppError('VALIDATION', error.message);
          throw error;
        }
      }),
    );
  }
}
