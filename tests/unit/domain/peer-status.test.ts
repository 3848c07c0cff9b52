import { describe, expect, it } from 'vitest';
import { DEFAULT_ONLINE_THRESHOLD_MS, peerStatus } from '../../../src/domain/peer-status.ts';

describe('peerStatus', () => {
  it('disabled wins over everything', () => {
    expect(peerStatus({ disabled: true, lastHandshakeMs: 1000, rxGrowing: true })).toBe('disabled');
  });

  it('never-connected without a handshake or traffic', () => {
    expect(peerStatus({ disabled: false, lastHandshakeMs: undefined, rxGrowing: false })).toBe('never-connected');
  });

  it('online up to 180 s after the last handshake, offline after', () => {
    expect(DEFAULT_ONLINE_THRESHOLD_MS).toBe(180_000);
    expect(peerStatus({ disabled: false, lastHandshakeMs: 0, rxGrowing: false })).toBe('online');
    // A healthy peer re-handshakes every 120 s; the age regularly reaches just past that.
    expect(peerStatus({ disabled: false, lastHandshakeMs: 125_000, rxGrowing: false })).toBe('online');
    expect(peerStatus({ disabled: false, lastHandshakeMs: 180_000, rxGrowing: false })).toBe('online');
    expect(peerStatus({ disabled: false, lastHandshakeMs: 180_001, rxGrowing: false })).toBe('offline');
  });

  it('online while rx grows, even with an old or missing handshake', () => {
    expect(peerStatus({ disabled: false, lastHandshakeMs: 600_000, rxGrowing: true })).toBe('online');
    expect(peerStatus({ disabled: false, lastHandshakeMs: undefined, rxGrowing: true })).toBe('online');
  });

  it('honours a custom threshold', () => {
    expect(peerStatus({ disabled: false, lastHandshakeMs: 100_000, rxGrowing: false, onlineThresholdMs: 90_000 })).toBe('offline');
    expect(peerStatus({ disabled: false, lastHandshakeMs: 250_000, rxGrowing: false, onlineThresholdMs: 300_000 })).toBe('online');
  });
});
