// Test doubles for the monitoring core: a clock and timer that only move when told, and a scripted
// router whose byte counters grow at known rates, so every expected byte count is computable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRouterOsDuration } from '../../../src/domain/index.ts';
import type { Database as Db } from 'better-sqlite3';
import { openDatabase } from '../../../main/store/db.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import type { PeerRow, PeerSource, Timer } from '../../../main/monitoring/index.ts';

export const T0 = Date.UTC(2025, 0, 6, 0, 0, 0); // a Monday, 00:00 UTC

/** A clock that moves only with advance(), running the timers that fall due on the way, in order. */
export class FakeTime implements Timer {
  #now: number;
  #seq = 0;
  readonly #due = new Map<number, { at: number; fn: () => void }>();

  constructor(start = T0) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.#seq;
    this.#due.set(id, { at: this.#now + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#due.delete(handle as number);
  }

  get pending(): number {
    return this.#due.size;
  }

  /** Moves time forward by `ms`, firing due timers (and letting their promises settle) on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      await flush();
      const next = [...this.#due.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next || next[1].at > until) break;
      this.#due.delete(next[0]);
      this.#now = next[1].at;
      next[1].fn();
    }
    this.#now = until;
    await flush();
  }

  /** Moves time without firing timers (tests that call pollOnce themselves). */
  set(ms: number): void {
    this.#now = ms;
  }

  skip(ms: number): void {
    this.#now += ms;
  }
}

async function flush(): Promise<void> {
  // setImmediate runs once every queued promise reaction has: the whole poll chain settles first.
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface ScriptPeer {
  id: string;
  iface: string;
  key: string;
  name: string;
  /** Bytes per second the router receives from / sends to this peer. */
  rxRate: number;
  txRate: number;
  /** Epoch ms of the last handshake; undefined before the first (RouterOS then omits the field). */
  handshakeAt: number | undefined;
  disabled: boolean;
  /** Counter values at `since`; counters grow linearly from there. */
  rx0: bigint;
  tx0: bigint;
  since: number;
}

/** A router whose peers' counters are a function of time, so tests know every byte. */
export class ScriptedRouter implements PeerSource {
  readonly peers: ScriptPeer[] = [];
  readonly proplists: string[][] = [];
  down: Error | undefined;
  #nextId = 1;
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  add(p: Partial<ScriptPeer> & { key: string }): ScriptPeer {
    const peer: ScriptPeer = {
      id: `*${(this.#nextId++).toString(16).toUpperCase()}`,
      iface: 'wg0', name: '', rxRate: 0, txRate: 0, handshakeAt: this.#now(), disabled: false, rx0: 0n, tx0: 0n, since: this.#now(),
      ...p,
    };
    this.peers.push(peer);
    return peer;
  }

  peer(key: string): ScriptPeer {
    const p = this.peers.find((x) => x.key === key);
    if (!p) throw new Error(`no peer ${key}`);
    return p;
  }

  counters(p: ScriptPeer, t = this.#now()): { rx: bigint; tx: bigint } {
    const ms = BigInt(t - p.since);
    return { rx: p.rx0 + (BigInt(p.rxRate) * ms) / 1000n, tx: p.tx0 + (BigInt(p.txRate) * ms) / 1000n };
  }

  /** Changes a peer's rates from now on, keeping its counters continuous. */
  setRates(key: string, rxRate: number, txRate: number): void {
    const p = this.peer(key);
    const c = this.counters(p);
    Object.assign(p, { rx0: c.rx, tx0: c.tx, since: this.#now(), rxRate, txRate });
  }

  /** Reboot: every counter restarts from 0 (ids and keys stay). */
  reboot(): void {
    for (const p of this.peers) Object.assign(p, { rx0: 0n, tx0: 0n, since: this.#now() });
  }

  /** Removes a peer and adds it again with the same key: a new .id and counters from 0. */
  recreate(key: string): ScriptPeer {
    const p = this.peer(key);
    Object.assign(p, { id: `*${(this.#nextId++).toString(16).toUpperCase()}`, rx0: 0n, tx0: 0n, since: this.#now() });
    return p;
  }

  remove(key: string): void {
    this.peers.splice(this.peers.indexOf(this.peer(key)), 1);
  }

  async readPeers(proplist: readonly string[]): Promise<PeerRow[]> {
    this.proplists.push([...proplist]);
    if (this.down) throw this.down;
    const now = this.#now();
    return this.peers.map((p) => {
      const c = this.counters(p, now);
      const row: PeerRow = {
        '.id': p.id, interface: p.iface, 'public-key': p.key, name: p.name, comment: '',
        rx: c.rx.toString(), tx: c.tx.toString(), disabled: String(p.disabled),
        'current-endpoint-address': '203.0.113.7', 'current-endpoint-port': '51820',
      };
      if (p.handshakeAt !== undefined) row['last-handshake'] = formatRouterOsDuration(now - p.handshakeAt);
      return row;
    });
  }
}

/** A public key lookalike: 44 base64 characters. */
export function key(n: number): string {
  return Buffer.alloc(32, n).toString('base64');
}

export interface TestDb {
  file: string;
  db: Db;
  routerId: string;
  reopen(): Db;
  cleanup(): void;
}

/** A real SQLite file with the app's schema and one configured router. */
export function testDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-monitoring-'));
  const file = path.join(dir, 'wiredesk.sqlite');
  const db = openDatabase(file);
  const routerId = new RoutersRepository(db).create({ name: 'Branch', host: '192.0.2.1', port: 8729, transport: 'api-ssl', username: 'wd' }).id;
  const t: TestDb = {
    file,
    db,
    routerId,
    reopen() {
      if (t.db.open) t.db.close();
      t.db = openDatabase(file);
      return t.db;
    },
    cleanup() {
      if (t.db.open) t.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Rows of a query as plain objects, for comparisons. */
export function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.prepare<unknown[], T>(sql).all(...params);
}
