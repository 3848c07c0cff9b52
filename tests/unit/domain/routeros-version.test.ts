import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  isAtLeast,
  parseRouterOsVersion,
  peerFeatures,
  supportsWireGuard,
  type RouterOsVersion,
} from '../../../src/domain/routeros-version.ts';
import { message, value } from './helpers.ts';

const v = (text: string): RouterOsVersion => value(parseRouterOsVersion(text));

describe('parseRouterOsVersion', () => {
  it('reads the forms RouterOS reports', () => {
    expect(v('7.13.4 (stable)')).toEqual({ major: 7, minor: 13, patch: 4, channel: 'stable', text: '7.13.4' });
    expect(v('7.21beta2 (testing)')).toEqual({ major: 7, minor: 21, patch: 0, prerelease: { kind: 'beta', number: 2 }, channel: 'testing', text: '7.21beta2' });
    expect(v('7.12')).toEqual({ major: 7, minor: 12, patch: 0, text: '7.12' });
    expect(v('6.49.10 (long-term)')).toMatchObject({ major: 6, minor: 49, patch: 10, channel: 'long-term' });
    expect(v('7.1rc1')).toMatchObject({ prerelease: { kind: 'rc', number: 1 } });
    expect(v(' v7.16.2 ')).toMatchObject({ major: 7, minor: 16, patch: 2 });
  });

  it('explains what it expected', () => {
    expect(message(parseRouterOsVersion('seven'))).toBe('RouterOS version "seven" is not understood; expected something like 7.13.4 (stable) or 7.21beta2.');
    expect(message(parseRouterOsVersion(''))).toContain('(empty)');
    expect(message(parseRouterOsVersion('7'))).toContain('not understood');
  });
});

describe('compareVersions', () => {
  it('orders numerically, not as text', () => {
    expect(compareVersions(v('7.9'), v('7.10'))).toBeLessThan(0);
    expect(compareVersions(v('7.13.4'), v('7.13'))).toBeGreaterThan(0);
    expect(compareVersions(v('7.12 (stable)'), v('7.12.0'))).toBe(0);
    expect(compareVersions(v('6.49.10'), v('7.1'))).toBeLessThan(0);
  });

  it('puts pre-releases before their release', () => {
    const sorted = ['7.21', '7.21rc1', '7.20.5', '7.21beta10', '7.21beta2', '7.21alpha1'].map(v).sort(compareVersions).map((x) => x.text);
    expect(sorted).toEqual(['7.20.5', '7.21alpha1', '7.21beta2', '7.21beta10', '7.21rc1', '7.21']);
  });
});

describe('isAtLeast and supportsWireGuard', () => {
  it('compares against a version string', () => {
    expect(isAtLeast(v('7.15.3'), '7.15')).toBe(true);
    expect(isAtLeast(v('7.14.9'), '7.15')).toBe(false);
  });

  it('knows WireGuard arrived in RouterOS 7', () => {
    expect(supportsWireGuard(v('6.49.10 (long-term)'))).toBe(false);
    expect(supportsWireGuard(v('7.1'))).toBe(true);
    expect(supportsWireGuard(v('7.1beta2'))).toBe(true);
    expect(supportsWireGuard(v('7.1beta1'))).toBe(false);
    expect(supportsWireGuard(v('7.13.4 (stable)'))).toBe(true);
  });
});

describe('peerFeatures', () => {
  it('7.1: WireGuard only', () => {
    expect(peerFeatures(v('7.1'))).toEqual({
      name: false,
      clientFields: false,
      responderParam: null,
      clientAllowedAddress: false,
      privateKeyField: false,
      emptyReply: false,
      vrf: false,
    });
  });

  it('7.12 adds the client fields and peer private-key', () => {
    expect(peerFeatures(v('7.11.3'))).toMatchObject({ clientFields: false, privateKeyField: false });
    expect(peerFeatures(v('7.12'))).toMatchObject({ clientFields: true, privateKeyField: true, name: false });
  });

  it('7.15 adds name and is-responder; 7.17 renames it to responder', () => {
    expect(peerFeatures(v('7.14.3'))).toMatchObject({ name: false, responderParam: null });
    expect(peerFeatures(v('7.15'))).toMatchObject({ name: true, responderParam: 'is-responder' });
    expect(peerFeatures(v('7.16.2'))).toMatchObject({ responderParam: 'is-responder' });
    expect(peerFeatures(v('7.17'))).toMatchObject({ responderParam: 'responder' });
  });

  it('7.18 replies !empty', () => {
    expect(peerFeatures(v('7.17.2')).emptyReply).toBe(false);
    expect(peerFeatures(v('7.18')).emptyReply).toBe(true);
  });

  it('7.21 adds client-allowed-address and vrf', () => {
    expect(peerFeatures(v('7.20.6'))).toMatchObject({ clientAllowedAddress: false, vrf: false });
    expect(peerFeatures(v('7.21'))).toEqual({
      name: true,
      clientFields: true,
      responderParam: 'responder',
      clientAllowedAddress: true,
      privateKeyField: true,
      emptyReply: true,
      vrf: true,
    });
  });

  it('treats a beta as the release before it', () => {
    expect(peerFeatures(v('7.21beta2 (testing)'))).toMatchObject({ clientAllowedAddress: false, vrf: false, emptyReply: true });
    expect(peerFeatures(v('7.17beta4'))).toMatchObject({ responderParam: 'is-responder' });
  });
});
