// Safe Mode: one session at a time holds it; while held, every configuration change (by any session, script or
// the scheduler: the manual's "Console" page says "also from other login sessions") is journaled with its undo.
// release keeps the changes, unroll undoes them newest first; so does the end of the owner's session without a
// /quit (the session calls sessionEnded). Sources and guesses: main/sim/README.md "Safe Mode".
import { SimTrap } from '../trap.ts';

/** Who holds Safe Mode: one API session (the object is the identity). */
export interface SafeModeOwner {
  readonly id: number;
  readonly user: string;
}

export type SafeModeOnError = 'unroll' | 'release' | 'abort' | 'ask';

export class SafeMode {
  #owner: SafeModeOwner | undefined;
  #onError: SafeModeOnError = 'unroll';
  #journal: Array<() => void> = [];
  #replaying = false;
  /** Called after an unroll that undid at least one change (the router changed its own state). */
  onUnrolled: ((undone: number) => void) | undefined;

  get owner(): SafeModeOwner | undefined {
    return this.#owner;
  }

  /** Changes recorded since take. */
  get pending(): number {
    return this.#journal.length;
  }

  /** From Table.onChange: journals the undo while Safe Mode is held. */
  record(undo: () => void): void {
    if (this.#owner && !this.#replaying) this.#journal.push(undo);
  }

  take(owner: SafeModeOwner, onError: SafeModeOnError = 'unroll'): void {
    const holder = this.#owner;
    if (holder && holder !== owner) {
      // 7.24.4 console: "Safe Mode is taken by current user in another session." (tik4net CliSafeModeParser);
      // another user: "Safe Mode is taken by another user (name)" (tarikin/routeros-7-llm-safe-reference).
      throw new SimTrap(holder.user === owner.user
        ? 'Safe Mode is taken by current user in another session. Action aborted.'
        : `Safe Mode is taken by another user (${holder.user}). Action aborted.`);
    }
    // Taking it again in the same session is no error (tarikin reference, TEST 7.3); the journal is kept.
    this.#owner = owner;
    this.#onError = onError;
  }

  release(owner: SafeModeOwner): void {
    this.#requireOwner(owner);
    this.#leave();
  }

  unroll(owner: SafeModeOwner): number {
    this.#requireOwner(owner);
    return this.#unrollAll();
  }

  /** The owner's connection ended; `normal` after /quit (which keeps the changes, manual "Console"). */
  sessionEnded(owner: SafeModeOwner, normal: boolean): void {
    if (this.#owner !== owner) return;
    if (normal || this.#onError === 'release') this.#leave();
    else this.#unrollAll();
  }

  #requireOwner(owner: SafeModeOwner): void {
    if (this.#owner !== owner) throw new SimTrap('Safe Mode has not been taken. Action aborted.');
  }

  #leave(): void {
    this.#owner = undefined;
    this.#journal = [];
  }

  #unrollAll(): number {
    const journal = this.#journal;
    this.#leave();
    this.#replaying = true;
    try {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
    } finally {
      this.#replaying = false;
    }
    if (journal.length > 0) this.onUnrolled?.(journal.length);
    return journal.length;
  }
}
