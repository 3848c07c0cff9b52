// Simulated WireGuard traffic, driven by the injectable clock.
//
// Time is cut into one-minute slots aligned to the epoch. At each slot boundary a peer may go offline or come
// back (a seeded hash decides, so the outcome does not depend on how often anyone looks), and its byte rates
// for the slot are drawn. Counters grow linearly inside a slot; handshakes renew every ~2 minutes while online.
import { hashUnit } from '../rng.ts';

export const SLOT_MS = 60_000;
/** WireGuard rekeys after 120 s of use; each peer gets a few seconds of jitter. */
const REKEY_MS = 120_000;

export interface Endpoint {
  address: string;
  port: number;
}

export interface PeerStats {
  rx: number;
  tx: number;
  /** Epoch ms of the last handshake; undefined before the first one (RouterOS then omits last-handshake). */
  lastHandshakeAt: number | undefined;
  /** Where the peer was last seen from; undefined before any contact. */
  endpoint: Endpoint | undefined;
}

export interface PeerProfile {
  /** Bytes per second while online (rx: from the peer to the router). */
  rxRate: number;
  txRate: number;
  /** Chance per minute of dropping off while online, and of coming back while offline. */
  dropChance: number;
  returnChance: number;
  endpoint: Endpoint;
  /** Behind NAT: a reconnect shows up from a new source port. */
  natted: boolean;
}

/** Starting point for a seeded peer: what the router had seen before the simulator started. */
export interface PeerHistory {
  rx: number;
  tx: number;
  online: boolean;
  /** Seconds since the last handshake; null: never. */
  handshakeAgeSeconds: number | null;
}

/** Exact values a test pins on a peer. Pinned peers stop the random on/off process. */
export interface PeerOverride {
  rx?: number;
  tx?: number;
  /** Seconds since the last handshake; null removes it (never handshaken). */
  handshakeAgeSeconds?: number | null;
  endpoint?: Endpoint | null;
  /** Growth per second from now on (default 0: counters stay as set). */
  rxRate?: number;
  txRate?: number;
}

interface Track {
  key: number;
  profile: PeerProfile | undefined;
  pinned: boolean;
  online: boolean;
  onlineSince: number;
  rekeyMs: number;
  lastHandshakeAt: number | undefined;
  endpoint: Endpoint | undefined;
  slotStart: number;
  baseRx: number;
  baseTx: number;
  rateRx: number;
  rateTx: number;
}

export class TrafficModel {
  private readonly seed: number;
  private readonly tracks = new Map<number, Track>();

  constructor(seed: number) {
    this.seed = seed;
  }

  /** A peer the simulator invents history for (seeding). */
  seedPeer(id: number, profile: PeerProfile, history: PeerHistory, now: number): void {
    const track = this.create(id, now, profile);
    track.endpoint = history.handshakeAgeSeconds === null ? undefined : profile.endpoint;
    track.lastHandshakeAt = history.handshakeAgeSeconds === null ? undefined : now - history.handshakeAgeSeconds * 1000;
    if (history.online && track.lastHandshakeAt !== undefined) {
      track.online = true;
      track.onlineSince = track.lastHandshakeAt;
      this.drawRates(track, track.slotStart / SLOT_MS);
    }
    track.baseRx = Math.max(0, history.rx - track.rateRx * ((now - track.slotStart) / 1000));
    track.baseTx = Math.max(0, history.tx - track.rateTx * ((now - track.slotStart) / 1000));
  }

  forget(id: number): void {
    this.tracks.delete(id);
  }

  has(id: number): boolean {
    return this.tracks.has(id);
  }

  /** Statistics at `now`. `active` is false while the peer or its interface is disabled. */
  stats(id: number, now: number, active: boolean): PeerStats {
    const track = this.tracks.get(id) ?? this.create(id, now, undefined);
    this.advance(track, now, active);
    const seconds = Math.max(0, now - track.slotStart) / 1000;
    return {
      rx: Math.floor(track.baseRx + track.rateRx * seconds),
      tx: Math.floor(track.baseTx + track.rateTx * seconds),
      lastHandshakeAt: this.lastHandshake(track, now),
      endpoint: track.endpoint,
    };
  }

  pin(id: number, override: PeerOverride, now: number, active: boolean): void {
    const current = this.stats(id, now, active);
    const track = this.tracks.get(id)!;
    track.pinned = true;
    track.slotStart = now;
    track.baseRx = override.rx ?? current.rx;
    track.baseTx = override.tx ?? current.tx;
    track.rateRx = override.rxRate ?? 0;
    track.rateTx = override.txRate ?? 0;
    track.online = false;
    track.lastHandshakeAt = current.lastHandshakeAt;
    if (override.handshakeAgeSeconds !== undefined) {
      track.lastHandshakeAt = override.handshakeAgeSeconds === null ? undefined : now - override.handshakeAgeSeconds * 1000;
    }
    if (override.endpoint !== undefined) track.endpoint = override.endpoint ?? undefined;
    else if (track.lastHandshakeAt !== undefined && track.endpoint === undefined) track.endpoint = track.profile?.endpoint;
  }

  resetCounters(id: number, now: number, active: boolean): void {
    const track = this.tracks.get(id) ?? this.create(id, now, undefined);
    this.advance(track, now, active);
    const seconds = Math.max(0, now - track.slotStart) / 1000;
    track.baseRx = -track.rateRx * seconds;
    track.baseTx = -track.rateTx * seconds;
  }

  private create(id: number, now: number, profile: PeerProfile | undefined): Track {
    const track: Track = {
      key: id,
      profile,
      pinned: false,
      online: false,
      onlineSince: 0,
      rekeyMs: REKEY_MS + Math.floor(hashUnit(this.seed, id, 7) * 5000),
      lastHandshakeAt: undefined,
      endpoint: undefined,
      slotStart: Math.floor(now / SLOT_MS) * SLOT_MS,
      baseRx: 0,
      baseTx: 0,
      rateRx: 0,
      rateTx: 0,
    };
    this.tracks.set(id, track);
    return track;
  }

  private lastHandshake(track: Track, at: number): number | undefined {
    if (!track.online) return track.lastHandshakeAt;
    const elapsed = Math.max(0, at - track.onlineSince);
    return track.onlineSince + Math.floor(elapsed / track.rekeyMs) * track.rekeyMs;
  }

  private drawRates(track: Track, slot: number): void {
    const profile = track.profile;
    if (!profile || !track.online) {
      track.rateRx = 0;
      track.rateTx = 0;
      return;
    }
    // Bursty use: most minutes near idle keepalives, some minutes several times the average.
    const burst = (n: number): number => {
      const u = hashUnit(this.seed, track.key, slot, n);
      return u < 0.5 ? 0.05 + u : 0.5 + (u - 0.5) * 5;
    };
    track.rateRx = profile.rxRate * burst(1);
    track.rateTx = profile.txRate * burst(2);
  }

  private advance(track: Track, now: number, active: boolean): void {
    if (track.pinned) return;
    while (track.slotStart + SLOT_MS <= now) {
      const end = track.slotStart + SLOT_MS;
      track.baseRx += track.rateRx * (SLOT_MS / 1000);
      track.baseTx += track.rateTx * (SLOT_MS / 1000);
      track.slotStart = end;
      const slot = end / SLOT_MS;
      const u = hashUnit(this.seed, track.key, slot, 0);
      const profile = track.profile;
      if (track.online && (!active || !profile || u < profile.dropChance)) {
        track.lastHandshakeAt = this.lastHandshake(track, end);
        track.online = false;
      } else if (!track.online && active && profile && u < profile.returnChance) {
        track.online = true;
        track.onlineSince = end;
        track.lastHandshakeAt = end;
        const reconnect = track.endpoint !== undefined && profile.natted;
        const port = reconnect ? 1024 + Math.floor(hashUnit(this.seed, track.key, slot, 3) * 64000) : profile.endpoint.port;
        track.endpoint = { address: profile.endpoint.address, port };
      }
      this.drawRates(track, slot);
    }
  }
}
