// A router's saved settings (SQLite) and its password (OS keychain) change together through here.
// The keychain is written first: if it is unavailable nothing is saved, so there is never a router
// whose password silently went nowhere. A database failure afterwards puts the keychain back.
import { randomUUID } from 'node:crypto';
import { StoreError } from '../store/errors.ts';
import type { NewRouter, Router, RouterPatch, RoutersRepository } from '../store/routers.ts';
import { routerPasswordAccount, type SecretStore } from './secret-store.ts';

export class RouterCredentials {
  readonly #routers: RoutersRepository;
  readonly #secrets: SecretStore;
  readonly #newId: () => string;
  // Operations run one at a time, so two edits cannot interleave their keychain and database steps.
  #tail: Promise<unknown> = Promise.resolve();

  constructor(routers: RoutersRepository, secrets: SecretStore, options: { newId?: () => string } = {}) {
    this.#routers = routers;
    this.#secrets = secrets;
    this.#newId = options.newId ?? randomUUID;
  }

  /**
   * Saves a new router and its password. An empty password (RouterOS's factory "admin" with none)
   * is not a keychain entry: getPassword then returns null.
   */
  add(input: Omit<NewRouter, 'id'>, password: string): Promise<Router> {
    return this.#serial(async () => {
      const id = this.#newId();
      const account = routerPasswordAccount(id);
      // A new id has no entry yet: an empty password (the demo router, a factory admin) needs no keychain.
      if (password !== '') await this.#write(account, password);
      try {
        return this.#routers.create({ ...input, id });
      } catch (err) {
        await this.#restore(account, null);
        throw err;
      }
    });
  }

  /** Edits the router; `password` undefined leaves the stored one alone. */
  update(id: string, patch: RouterPatch, password?: string): Promise<Router> {
    return this.#serial(async () => {
      if (password === undefined) return this.#routers.update(id, patch);
      this.#require(id);
      const account = routerPasswordAccount(id);
      const previous = await this.#secrets.get(account);
      await this.#write(account, password);
      try {
        return this.#routers.update(id, patch);
      } catch (err) {
        await this.#restore(account, previous);
        throw err;
      }
    });
  }

  getPassword(id: string): Promise<string | null> {
    return this.#secrets.get(routerPasswordAccount(id));
  }

  /** Removes the router, everything stored for it, and its keychain entry. False if it did not exist. */
  remove(id: string): Promise<boolean> {
    return this.#serial(async () => {
      const account = routerPasswordAccount(id);
      if (!this.#routers.get(id)) {
        await this.#secrets.delete(account); // tidy an orphan left by an earlier crash, if any
        return false;
      }
      const previous = await this.#secrets.get(account);
      if (previous !== null) await this.#secrets.delete(account);
      try {
        return this.#routers.remove(id);
      } catch (err) {
        await this.#restore(account, previous);
        throw err;
      }
    });
  }

  async #write(account: string, password: string): Promise<void> {
    if (password === '') await this.#secrets.delete(account);
    else await this.#secrets.set(account, password);
  }

  // Best effort: the database error is the one to report; a second keychain failure would only hide it.
  async #restore(account: string, previous: string | null): Promise<void> {
    try {
      if (previous === null) await this.#secrets.delete(account);
      else await this.#secrets.set(account, previous);
    } catch {
      // The keychain went away between the two steps; the entry is left as the failed step wrote it.
    }
  }

  #require(id: string): void {
    if (!this.#routers.get(id)) throw new StoreError('NOT_FOUND', `No router with id ${id} is saved; it may have been removed in another window.`);
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(op, op);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
