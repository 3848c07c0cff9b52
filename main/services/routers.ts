// Router profiles: add, edit, test and remove routers. Passwords go to the OS keychain (RouterCredentials)
// and nowhere else; nothing this service returns carries one.
import { AppError, type ConnectionTest, type RouterDraft, type RouterProfile, type RouterSummary, type RouterUpdate } from '../../src/contract/index.ts';
import type { RoutersRepository, Router } from '../store/routers.ts';
import type { RouterCredentials } from '../secrets/router-credentials.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import type { EventBus } from '../ipc/events.ts';
import type { ConnectionManager, ConnectionTarget } from './connections.ts';
import type { OpenRouter } from './open-router.ts';
import { mapErrors } from './errors.ts';
import { policyWarning } from './router-facts.ts';
import type { SettingsService } from './settings.ts';

export interface RouterServiceDeps {
  repo: RoutersRepository;
  credentials: RouterCredentials;
  secrets: SecretStore;
  connections: ConnectionManager;
  events: EventBus;
  settings: SettingsService;
  open: OpenRouter;
}

export class RouterService {
  readonly #d: RouterServiceDeps;

  constructor(deps: RouterServiceDeps) {
    this.#d = deps;
  }

  /** Starts a managed connection for every saved router (app start-up). */
  async connectAll(): Promise<void> {
    await Promise.all(this.#d.repo.list().map((r) => this.#d.connections.ensure(toTarget(r))));
  }

  list(): RouterSummary[] {
    return this.#d.repo.list().map((r) => ({ profile: this.profile(r), status: this.#d.connections.status(r.id) }));
  }

  get(id: string): Router {
    const router = this.#d.repo.get(id);
    if (!router) throw new AppError('NOT_FOUND', `No router with id ${id} is configured; it may have been removed.`);
    return router;
  }

  profile(router: Router): RouterProfile {
    return {
      id: router.id,
      name: router.name,
      host: router.host,
      port: router.port,
      transport: router.transport,
      username: router.username,
      tlsFingerprint: router.tlsFingerprint ? displayFingerprint(router.tlsFingerprint) : null,
      allowAnonymousTls: router.allowAnonymousTls,
      identity: router.identity,
      version: router.routerosVersion,
      board: router.board,
      isDemo: this.#d.settings.demoRouterId === router.id,
    };
  }

  /** Connects once with the form's values and reports what the router says, without saving anything. */
  async test(draft: RouterDraft & { id?: string | undefined }): Promise<ConnectionTest> {
    return mapErrors(async () => {
      let password = draft.password;
      if (password === '' && draft.id) password = (await this.#d.credentials.getPassword(draft.id)) ?? '';
      const controller = new AbortController();
      const { client, facts } = await this.#d.open(toTarget({ id: draft.id ?? 'test', ...draft }), password, controller.signal);
      try {
        const warnings: string[] = [];
        const policy = policyWarning(facts, draft.username);
        if (policy) warnings.push(policy);
        if (client.tls && !client.tls.authenticated) warnings.push('The API-SSL link is encrypted but the router is not authenticated (no certificate on the router).');
        if (draft.transport === 'api') warnings.push('The plain API sends the password unencrypted over the network. Prefer API-SSL when the router is not on a trusted LAN.');
        return {
          identity: facts.identity,
          version: facts.version,
          board: facts.board,
          tls: client.tls ? { fingerprint: client.tls.certificate?.fingerprint ?? null, authenticated: client.tls.authenticated } : null,
          warnings,
        };
      } finally {
        client.close();
      }
    });
  }

  async add(draft: RouterDraft): Promise<RouterProfile> {
    return mapErrors(async () => {
      await this.#requireKeychain(draft.password);
      const router = await this.#d.credentials.add(
        { name: draft.name, host: draft.host, port: draft.port, transport: draft.transport, username: draft.username, tlsFingerprint: draft.tlsFingerprint, allowAnonymousTls: draft.allowAnonymousTls },
        draft.password,
      );
      this.#d.events.emit('routers:changed', { reason: 'added', id: router.id });
      await this.#d.connections.ensure(toTarget(router));
      return this.profile(router);
    });
  }

  async update(update: RouterUpdate): Promise<RouterProfile> {
    return mapErrors(async () => {
      const { id, password, ...patch } = update;
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      if (typeof password === 'string') await this.#requireKeychain(password);
      const router = await this.#d.credentials.update(id, clean, typeof password === 'string' ? password : undefined);
      this.#d.events.emit('routers:changed', { reason: 'updated', id });
      await this.#d.connections.ensure(toTarget(router));
      // A new password (or a newly trusted certificate) must be tried now, not after a backoff delay.
      if (typeof password === 'string' || 'tlsFingerprint' in clean || 'allowAnonymousTls' in clean) await this.#d.connections.reconnect(id);
      return this.profile(router);
    });
  }

  async remove(id: string): Promise<{ removed: true }> {
    return mapErrors(async () => {
      this.get(id);
      await this.#d.connections.remove(id);
      await this.#d.credentials.remove(id);
      if (this.#d.settings.demoRouterId === id) this.#d.settings.demoRouterId = null;
      this.#d.events.emit('routers:changed', { reason: 'removed', id });
      return { removed: true as const };
    });
  }

  async reconnect(id: string) {
    this.get(id);
    return this.#d.connections.reconnect(id);
  }

  /** Refuses early, with the keychain's own explanation, rather than saving a router whose password cannot be kept. */
  async #requireKeychain(password: string): Promise<void> {
    if (password === '') return;
    const probe = await this.#d.secrets.probe();
    if (!probe.ok) throw new AppError('KEYCHAIN_UNAVAILABLE', probe.message);
  }
}

export function toTarget(r: Pick<Router, 'id' | 'name' | 'host' | 'port' | 'transport' | 'username' | 'tlsFingerprint' | 'allowAnonymousTls'>): ConnectionTarget {
  return { id: r.id, name: r.name, host: r.host, port: r.port, transport: r.transport, username: r.username, tlsFingerprint: r.tlsFingerprint, allowAnonymousTls: r.allowAnonymousTls };
}

/** "ab12..." -> "AB:12:..." as browsers and RouterOS display certificate fingerprints. */
export function displayFingerprint(hex: string): string {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return clean.match(/.{2}/g)?.join(':') ?? clean;
}
