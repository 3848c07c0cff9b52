import { describe, expect, it } from 'vitest';
import { findConflicts, findOverlaps, findPeerOverlaps } from '../../../src/domain/overlaps.ts';

describe('findOverlaps', () => {
  it('pairs entries of list a with the entries of list b they overlap', () => {
    expect(findOverlaps(['10.8.0.0/24', '192.168.1.0/24', 'fd00::/64'], ['10.8.0.5/32', '10.9.0.0/16', 'fd00::7', '192.168.0.0/16'])).toEqual([
      { a: '10.8.0.0/24', b: '10.8.0.5/32' },
      { a: '192.168.1.0/24', b: '192.168.0.0/16' },
      { a: 'fd00::/64', b: 'fd00::7' },
    ]);
  });

  it('finds nothing between disjoint lists or across families', () => {
    expect(findOverlaps(['10.0.0.0/24'], ['10.0.1.0/24', '::/0'])).toEqual([]);
  });

  it('ignores overlaps inside one list and skips unparseable entries', () => {
    expect(findOverlaps(['10.0.0.0/8', '10.1.0.0/16', 'garbage'], ['172.16.0.0/12'])).toEqual([]);
  });

  it('reports adjacent but non-overlapping ranges as clean', () => {
    expect(findOverlaps(['10.0.0.0/25'], ['10.0.0.128/25'])).toEqual([]);
  });
});

describe('findPeerOverlaps', () => {
  const peers = [
    { peer: 'alice', allowedAddress: ['10.8.0.2/32'] },
    { peer: 'bob', allowedAddress: ['10.8.0.3/32', '192.168.50.0/24'] },
    { peer: 'site-b', allowedAddress: ['192.168.0.0/16', '10.8.0.3/32'] },
    { peer: 'carol', allowedAddress: ['fd00::3/128'] },
  ];

  it('says which entry of which peer clashes with which, once per pair', () => {
    expect(findPeerOverlaps(peers)).toEqual([
      { peer: 'bob', entry: '10.8.0.3/32', otherPeer: 'site-b', otherEntry: '10.8.0.3/32' },
      { peer: 'bob', entry: '192.168.50.0/24', otherPeer: 'site-b', otherEntry: '192.168.0.0/16' },
    ]);
  });

  it('does not report redundant entries within one peer', () => {
    expect(findPeerOverlaps([{ peer: 'x', allowedAddress: ['10.0.0.0/8', '10.1.0.0/16'] }])).toEqual([]);
  });

  it('catches a full-tunnel entry against everything of that family', () => {
    const result = findPeerOverlaps([...peers, { peer: 'roadwarrior', allowedAddress: ['0.0.0.0/0'] }]);
    expect(result.filter((o) => o.otherPeer === 'roadwarrior' || o.peer === 'roadwarrior')).toHaveLength(5);
    expect(result.some((o) => o.peer === 'carol')).toBe(false);
  });

  // Speed at this size: `npm run bench scale`, against parsing and sorting the same ranges.
  it('finds the one overlap among 10,001 peers', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ peer: `p${i}`, allowedAddress: [`10.${(i >> 8) & 255}.${i & 255}.0/24`] }));
    many.push({ peer: 'dup', allowedAddress: ['10.0.5.7/32'] });
    const result = findPeerOverlaps(many);
    expect(result).toEqual([{ peer: 'p5', entry: '10.0.5.0/24', otherPeer: 'dup', otherEntry: '10.0.5.7/32' }]);
  });
});

describe('findConflicts', () => {
  const peers = [
    { peer: 'alice', allowedAddress: ['10.8.0.2/32'] },
    { peer: 'bob', allowedAddress: ['10.8.0.3/32'] },
  ];

  it('lists the peers a candidate list clashes with', () => {
    expect(findConflicts(['10.8.0.0/30', '10.8.0.9/32'], peers)).toEqual([
      { entry: '10.8.0.0/30', peer: 'alice', peerEntry: '10.8.0.2/32' },
      { entry: '10.8.0.0/30', peer: 'bob', peerEntry: '10.8.0.3/32' },
    ]);
  });

  it('ignores the peer being edited', () => {
    expect(findConflicts(['10.8.0.2/32'], peers, 'alice')).toEqual([]);
    expect(findConflicts(['10.8.0.2/32'], peers)).toHaveLength(1);
  });

  it('ignores duplicates within the candidate itself', () => {
    expect(findConflicts(['10.9.0.0/24', '10.9.0.0/24'], peers)).toEqual([]);
  });
});
