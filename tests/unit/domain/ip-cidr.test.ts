import { describe, expect, it } from 'vitest';
import { formatHostCidr, parseCidr, rangeContains, rangesOverlap, rangeSize, withoutHostPrefix } from '../../../src/domain/cidr.ts';
import { formatIp, parseIp } from '../../../src/domain/ip.ts';
import { message, value } from './helpers.ts';

describe('parseIp', () => {
  it('parses and canonicalises IPv4 and IPv6', () => {
    expect(value(parseIp(' 10.8.0.2 '))).toEqual({ family: 4, value: 0x0a080002n, text: '10.8.0.2' });
    expect(value(parseIp('2001:DB8:0:0:0:0:0:1'))).toMatchObject({ family: 6, text: '2001:db8::1' });
    expect(value(parseIp('::'))).toMatchObject({ family: 6, value: 0n, text: '::' });
  });

  it('explains bad IPv4 addresses', () => {
    expect(message(parseIp('10.0.0.256'))).toBe('Address "10.0.0.256" is not a valid IPv4 address. An IPv4 address is four numbers from 0 to 255 separated by dots, like 10.8.0.2.');
    expect(message(parseIp('1.2.3'))).toContain('four numbers from 0 to 255');
    expect(message(parseIp('010.1.1.1'))).toContain('Leading zeros are not allowed');
  });

  it('explains bad IPv6 addresses and zone indexes', () => {
    expect(message(parseIp('2001:db8::1::2'))).toContain('"::" appears at most once');
    expect(message(parseIp('fe80::1%eth0'))).toContain('zone index');
  });

  it('rejects prefixes, names and empty input with the field label', () => {
    expect(message(parseIp('10.0.0.1/32', 'DNS server'))).toBe('DNS server must be a single IP address without "/prefix"; got "10.0.0.1/32".');
    expect(message(parseIp('router.lan'))).toContain('is not an IP address');
    expect(message(parseIp(''))).toBe('Address is empty.');
  });
});

describe('formatIp', () => {
  it('formats both families', () => {
    expect(formatIp(4, 0xffffffffn)).toBe('255.255.255.255');
    expect(formatIp(4, 0n)).toBe('0.0.0.0');
    expect(formatIp(6, 0xfd000008000000000000000000000002n)).toBe('fd00:8::2');
  });
});

describe('parseCidr', () => {
  it('normalises to network form and treats a bare host as /32 or /128', () => {
    expect(value(parseCidr('10.8.0.0/24')).text).toBe('10.8.0.0/24');
    expect(value(parseCidr('10.8.0.2')).text).toBe('10.8.0.2/32');
    expect(value(parseCidr('FD00:8::2')).text).toBe('fd00:8::2/128');
    expect(value(parseCidr('::/0')).text).toBe('::/0');
    expect(value(parseCidr('0.0.0.0/0'))).toMatchObject({ first: 0n, last: 0xffffffffn, prefix: 0 });
  });

  it('asks for a network address when host bits are set', () => {
    expect(message(parseCidr('10.8.0.5/24'))).toBe('Address "10.8.0.5/24" is not a network address: write 10.8.0.0/24 for the whole subnet, or 10.8.0.5/32 for that single address.');
    expect(message(parseCidr('fd00::1/64', { label: 'LAN' }))).toBe('LAN "fd00::1/64" is not a network address: write fd00::/64 for the whole subnet, or fd00::1/128 for that single address.');
  });

  it('keeps host bits when allowed (interface addresses)', () => {
    const c = value(parseCidr('10.8.0.1/24', { allowHostBits: true }));
    expect(c).toMatchObject({ address: 0x0a080001n, first: 0x0a080000n, last: 0x0a0800ffn, prefix: 24, text: '10.8.0.0/24' });
    expect(formatHostCidr(c)).toBe('10.8.0.1/24');
  });

  it('rejects bad prefix lengths per family', () => {
    expect(message(parseCidr('10.0.0.0/33'))).toBe('Address "10.0.0.0/33" has an invalid prefix length: after "/" write a whole number from 0 to 32 for IPv4.');
    expect(message(parseCidr('fd00::/129'))).toContain('from 0 to 128 for IPv6');
    expect(message(parseCidr('10.0.0.0/'))).toContain('invalid prefix length');
    expect(message(parseCidr('10.0.0.0/2x'))).toContain('invalid prefix length');
    expect(message(parseCidr('10.0.0.0/-1'))).toContain('invalid prefix length');
  });
});

describe('range helpers', () => {
  const c = (s: string) => value(parseCidr(s));

  it('detect overlap and containment within one family only', () => {
    expect(rangesOverlap(c('10.0.0.0/8'), c('10.1.2.0/24'))).toBe(true);
    expect(rangesOverlap(c('10.0.0.0/24'), c('10.0.1.0/24'))).toBe(false);
    expect(rangesOverlap(c('0.0.0.0/0'), c('::/0'))).toBe(false);
    expect(rangeContains(c('10.0.0.0/8'), c('10.1.2.0/24'))).toBe(true);
    expect(rangeContains(c('10.1.2.0/24'), c('10.0.0.0/8'))).toBe(false);
  });

  it('sizes ranges exactly, even for IPv6', () => {
    expect(rangeSize(c('10.8.0.0/28'))).toBe(16n);
    expect(rangeSize(c('::/0'))).toBe(2n ** 128n);
  });
});

describe('withoutHostPrefix', () => {
  it('drops only a single-address prefix', () => {
    expect(withoutHostPrefix('10.20.0.50/32')).toBe('10.20.0.50');
    expect(withoutHostPrefix('fd00::5/128')).toBe('fd00::5');
    expect(withoutHostPrefix('10.20.0.0/24')).toBe('10.20.0.0/24');
    expect(withoutHostPrefix('10.20.0.50')).toBe('10.20.0.50');
  });
});
