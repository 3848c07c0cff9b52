import { describe, expect, it } from 'vitest';
import {
  formatAllowedAddressList,
  normaliseAllowedAddressList,
  parseAllowedAddressList,
  removeContained,
} from '../../../src/domain/allowed-address.ts';
import { message, value } from './helpers.ts';

describe('normaliseAllowedAddressList', () => {
  it('accepts the RouterOS form', () => {
    expect(value(normaliseAllowedAddressList('10.8.0.2/32,fd00:8::2/128'))).toEqual(['10.8.0.2/32', 'fd00:8::2/128']);
  });

  it('tolerates pasted spaces, newlines and trailing commas, and adds host prefixes', () => {
    expect(value(normaliseAllowedAddressList(' 10.8.0.2, 192.168.10.0/24 ,\nFD00::5,'))).toEqual(['10.8.0.2/32', '192.168.10.0/24', 'fd00::5/128']);
  });

  it('accepts an array and drops exact duplicates after normalising', () => {
    expect(value(normaliseAllowedAddressList(['10.8.0.2', '10.8.0.2/32', 'fd00::0005/128', 'fd00::5']))).toEqual(['10.8.0.2/32', 'fd00::5/128']);
  });

  it('reports the first bad entry', () => {
    expect(message(normaliseAllowedAddressList('10.8.0.2/32,10.8.0.300/32'))).toBe('Allowed address "10.8.0.300" is not a valid IPv4 address. An IPv4 address is four numbers from 0 to 255 separated by dots, like 10.8.0.2.');
    expect(message(normaliseAllowedAddressList('192.168.1.1/24'))).toContain('write 192.168.1.0/24 for the whole subnet');
  });

  it('rejects an empty list unless allowed', () => {
    expect(message(normaliseAllowedAddressList(' , '))).toBe('Allowed address is empty. Enter at least one address, like 10.8.0.2/32.');
    expect(value(normaliseAllowedAddressList('', { allowEmpty: true }))).toEqual([]);
  });

  it('masks host bits when asked to', () => {
    expect(value(normaliseAllowedAddressList('192.168.88.1/24', { allowHostBits: true }))).toEqual(['192.168.88.0/24']);
  });
});

describe('formatAllowedAddressList', () => {
  it('joins without spaces, as RouterOS expects', () => {
    expect(formatAllowedAddressList(['10.8.0.2/32', 'fd00::5/128'])).toBe('10.8.0.2/32,fd00::5/128');
  });
});

describe('removeContained', () => {
  it('drops covered ranges and keeps order', () => {
    const list = value(parseAllowedAddressList('10.1.2.0/24,10.0.0.0/8,192.168.1.0/24,10.0.0.0/8,::/0,fd00::/64'));
    expect(removeContained(list).map((c) => c.text)).toEqual(['10.0.0.0/8', '192.168.1.0/24', '::/0']);
  });

  it('keeps the first of identical ranges', () => {
    const a = value(parseAllowedAddressList('10.0.0.0/8'));
    expect(removeContained([...a, ...a]).map((c) => c.text)).toEqual(['10.0.0.0/8']);
  });
});
