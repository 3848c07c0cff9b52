import { describe, expect, it } from 'vitest';
import { auditDiff, changedRows, flatten } from '../../../renderer/features/activity/audit-diff.ts';

const peerBefore = {
  interface: 'wg-office',
  name: 'ayşe-telefon',
  comment: '',
  allowedAddress: ['10.10.0.7/32'],
  persistentKeepaliveSec: 25,
  psk: 'none',
  disabled: false,
  client: { address: '10.10.0.7/32', dns: null, keepaliveSec: 25 },
};

describe('audit before/after as a readable diff', () => {
  it('flattens nested objects to dotted keys and joins plain lists', () => {
    const flat = flatten(peerBefore);
    expect(flat.get('client.address')).toBe('10.10.0.7/32');
    expect(flat.get('client.dns')).toBe('—');
    expect(flat.get('allowedAddress')).toBe('10.10.0.7/32');
    expect(flat.get('disabled')).toBe('no');
    expect(flat.get('comment')).toBe('""');
  });

  it('marks what an edit changed and keeps the rest as unchanged', () => {
    const after = { ...peerBefore, persistentKeepaliveSec: 30, comment: 'Satış', client: { ...peerBefore.client, dns: '1.1.1.1' } };
    const rows = auditDiff(peerBefore, after);
    expect(changedRows(rows)).toEqual([
      { key: 'comment', before: '""', after: 'Satış', change: 'changed' },
      { key: 'persistentKeepaliveSec', before: '25', after: '30', change: 'changed' },
      { key: 'client.dns', before: '—', after: '1.1.1.1', change: 'changed' },
    ]);
    expect(rows.find((r) => r.key === 'name')).toMatchObject({ change: 'same', before: 'ayşe-telefon', after: 'ayşe-telefon' });
  });

  it('shows a create as all added and a delete as all removed', () => {
    expect(auditDiff(null, { name: 'x', disabled: true }).map((r) => r.change)).toEqual(['added', 'added']);
    expect(auditDiff({ name: 'x' }, null)).toEqual([{ key: 'name', before: 'x', after: null, change: 'removed' }]);
    expect(auditDiff(null, null)).toEqual([]);
  });

  it('summarises lists of objects by their names (an interface deleted with its peers)', () => {
    const before = { name: 'wg-old', peers: [{ name: 'a', allowedAddress: ['10.0.0.2/32'] }, { name: 'b', allowedAddress: [] }] };
    const rows = auditDiff(before, null);
    expect(rows.find((r) => r.key === 'peers')?.before).toBe('a (10.0.0.2/32), b ()');
  });

  it('keeps a value that is not an object under one key', () => {
    expect(auditDiff('old', 'new')).toEqual([{ key: 'value', before: 'old', after: 'new', change: 'changed' }]);
  });
});
