import { describe, expect, it } from 'vitest';
import { allocateAddress, placeInPool, poolUsage } from '../../../src/domain/address-pool.ts';
import { message, value } from './helpers.ts';

describe('allocateAddress (IPv4)', () => {
  it('hands out the first host after the router', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: [] }))).toBe('10.8.0.2/32');
  });

  it('skips the network address even when the router sits elsewhere', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.254/24', taken: [] }))).toBe('10.8.0.1/32');
  });

  it('skips taken entries, whatever their prefix, and reserved addresses', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.2/32', '10.8.0.3'], reserved: ['10.8.0.4/32'] }))).toBe('10.8.0.5/32');
    // A taken /28 removes all 16 addresses from .0 to .15.
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.0/28'] }))).toBe('10.8.0.16/32');
  });

  it('fills gaps before going higher', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.2/32', '10.8.0.4/32'] }))).toBe('10.8.0.3/32');
  });

  it('ignores entries of other subnets, other families and unparseable ones', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: ['192.168.1.0/24', 'fd00::2/128', 'rubbish', '10.9.0.2/32'] }))).toBe('10.8.0.2/32');
  });

  it('ignores routes wider than the pool by default, and counts them when asked', () => {
    const input = { interfaceAddress: '10.8.0.1/24', taken: ['0.0.0.0/0', '10.0.0.0/8', '10.8.0.2/32'] };
    expect(value(allocateAddress(input))).toBe('10.8.0.3/32');
    expect(message(allocateAddress({ ...input, ignoreWiderRanges: false }))).toContain('pool is full');
  });

  it('treats an entry equal to the pool as taking all of it', () => {
    expect(message(allocateAddress({ interfaceAddress: '10.8.0.1/29', taken: ['10.8.0.0/29'] }))).toContain('5 of 5 usable');
  });

  it('says clearly when the pool is full', () => {
    const taken = ['10.8.0.2', '10.8.0.3', '10.8.0.4', '10.8.0.5'];
    expect(message(allocateAddress({ interfaceAddress: '10.8.0.1/29', taken, reserved: ['10.8.0.6'] }))).toBe(
      'The 10.8.0.0/29 pool is full: 5 of 5 usable addresses are in use. Widen the interface address or free a peer.',
    );
  });

  it('never hands out the broadcast address', () => {
    const taken = ['10.8.0.2', '10.8.0.3', '10.8.0.4', '10.8.0.5'];
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/29', taken }))).toBe('10.8.0.6/32');
  });

  it('uses both addresses of a /31 point-to-point link', () => {
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.0/31', taken: [] }))).toBe('10.8.0.1/32');
    expect(value(allocateAddress({ interfaceAddress: '10.8.0.1/31', taken: [] }))).toBe('10.8.0.0/32');
    expect(message(allocateAddress({ interfaceAddress: '10.8.0.0/31', taken: ['10.8.0.1'] }))).toContain('1 of 1 usable');
  });

  it('explains that a /32 interface address has no pool', () => {
    expect(message(allocateAddress({ interfaceAddress: '10.8.0.1/32', taken: [] }))).toBe(
      'Interface address "10.8.0.1/32" is a single address, so there is no pool to hand out. Give the interface a subnet, such as 10.8.0.1/24.',
    );
    expect(message(allocateAddress({ interfaceAddress: '10.8.0.1', taken: [] }))).toContain('single address');
  });

  it('reports a bad interface address', () => {
    expect(message(allocateAddress({ interfaceAddress: '10.8.0/24', taken: [] }))).toContain('Interface address "10.8.0" is not a valid IPv4 address');
  });

  // Speed at this size: `npm run bench scale`, against a Set of taken hosts and a linear scan.
  it('allocates and counts correctly with 10,000 taken entries on a /16', () => {
    const taken: string[] = [];
    for (let i = 2; i < 10_002; i++) taken.push(`10.8.${i >> 8}.${i & 255}/32`);
    taken.reverse();
    const next = value(allocateAddress({ interfaceAddress: '10.8.0.1/16', taken }));
    const usage = value(poolUsage({ interfaceAddress: '10.8.0.1/16', taken }));
    expect(next).toBe(`10.8.${10_002 >> 8}.${10_002 & 255}/32`);
    expect(usage).toEqual({ usable: 65_533, used: 10_000, free: 55_533 });
  });
});

describe('allocateAddress (IPv6)', () => {
  it('returns a /128 and skips the subnet-router anycast address', () => {
    expect(value(allocateAddress({ interfaceAddress: 'fd00:8::1/64', taken: [] }))).toBe('fd00:8::2/128');
    expect(value(allocateAddress({ interfaceAddress: 'fd00:8::5/64', taken: [] }))).toBe('fd00:8::1/128');
  });

  it('skips taken ranges in a huge subnet without scanning address by address', () => {
    const taken = ['fd00:8::/65', 'fd00:8:0:0:8000::/66'];
    expect(value(allocateAddress({ interfaceAddress: 'fd00:8::1/64', taken }))).toBe('fd00:8:0:0:c000::/128');
  });

  it('ignores IPv4 entries', () => {
    expect(value(allocateAddress({ interfaceAddress: 'fd00:8::1/64', taken: ['0.0.0.0/0', '10.8.0.2/32'] }))).toBe('fd00:8::2/128');
  });

  it('handles /127 and /128', () => {
    expect(value(allocateAddress({ interfaceAddress: 'fd00::/127', taken: [] }))).toBe('fd00::1/128');
    expect(message(allocateAddress({ interfaceAddress: 'fd00::1/128', taken: [] }))).toContain('such as fd00::1/64');
  });

  it('reports a full small IPv6 pool', () => {
    expect(message(allocateAddress({ interfaceAddress: 'fd00::1/126', taken: ['fd00::2', 'fd00::3'] }))).toBe(
      'The fd00::/126 pool is full: 2 of 2 usable addresses are in use. Widen the interface address or free a peer.',
    );
  });
});

describe('poolUsage', () => {
  it('counts usable, used and free addresses', () => {
    expect(value(poolUsage({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.2/32', '10.8.0.16/28', '10.8.0.20/32'], reserved: ['10.8.0.3'] }))).toEqual({
      usable: 253,
      used: 18,
      free: 235,
    });
  });

  it('does not count the router, network or broadcast address as used', () => {
    expect(value(poolUsage({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.0/24'] }))).toEqual({ usable: 253, used: 253, free: 0 });
    expect(value(poolUsage({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.1/32', '10.8.0.255/32'] }))).toEqual({ usable: 253, used: 0, free: 253 });
  });

  it('handles /31 and /32', () => {
    expect(value(poolUsage({ interfaceAddress: '10.8.0.0/31', taken: [] }))).toEqual({ usable: 1, used: 0, free: 1 });
    expect(value(poolUsage({ interfaceAddress: '10.8.0.1/32', taken: [] }))).toEqual({ usable: 0, used: 0, free: 0 });
  });

  it('gives approximate counts for an IPv6 /64', () => {
    const usage = value(poolUsage({ interfaceAddress: 'fd00::1/64', taken: ['fd00::2'] }));
    expect(usage.used).toBe(1);
    expect(usage.usable).toBeCloseTo(2 ** 64, -5);
  });

  it('reports a bad interface address', () => {
    expect(message(poolUsage({ interfaceAddress: '', taken: [] }))).toBe('Interface address is empty.');
  });
});

describe('placeInPool', () => {
  it('tells an assignable host from the network, broadcast and router address and from one outside', () => {
    expect(value(placeInPool('10.8.0.1/24', '10.8.0.50'))).toBe('assignable');
    expect(value(placeInPool('10.8.0.1/24', '10.8.0.50/32'))).toBe('assignable');
    expect(value(placeInPool('10.8.0.1/24', '10.8.0.0'))).toBe('network');
    expect(value(placeInPool('10.8.0.1/24', '10.8.0.255'))).toBe('broadcast');
    expect(value(placeInPool('10.8.0.1/24', '10.8.0.1'))).toBe('router');
    expect(value(placeInPool('10.8.0.1/24', '10.9.0.5'))).toBe('outside');
    expect(value(placeInPool('10.8.0.1/24', 'fd00::5'))).toBe('other-family');
  });

  it('follows the pool rules for /31 links and IPv6 (no broadcast, the all-zero address kept back)', () => {
    expect(value(placeInPool('10.8.0.0/31', '10.8.0.1'))).toBe('assignable');
    expect(value(placeInPool('fd00:8::1/64', 'fd00:8::'))).toBe('network');
    expect(value(placeInPool('fd00:8::1/64', 'fd00:8::ffff:ffff:ffff:ffff'))).toBe('assignable');
  });

  it('passes on a parse error with its message', () => {
    expect(message(placeInPool('10.8.0.1/24', '10.8.0.300'))).toMatch(/10\.8\.0\.300/);
  });
});
