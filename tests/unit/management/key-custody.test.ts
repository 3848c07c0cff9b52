// Key custody without a working keychain: a key to be shown once is still shown (its sealed copy, kept only
// against a lost answer, is skipped); a key to be stored is refused before anything reaches the router.
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../src/domain/index.ts';
import { KeyCustodian } from '../../../main/services/management/key-custody.ts';
import type { PeerKeysRepository } from '../../../main/store/peer-keys.ts';

function repository(sealing: 'works' | 'fails') {
  const calls: string[] = [];
  const repo = {
    store: async (_r: string, _k: string, _p: string, custody = 'stored') => {
      calls.push(`store ${custody}`);
      if (sealing === 'fails') throw new Error('The OS keychain is locked');
      return { custody };
    },
    recordShownOnce: () => void calls.push('shown-once'),
    delete: () => (calls.push('delete'), true),
  } as unknown as PeerKeysRepository;
  return { repo, calls };
}

describe('KeyCustodian.prepare', () => {
  it('holds a shown-once key sealed until the router answered, then keeps only the fact', async () => {
    const { repo, calls } = repository('works');
    const handle = await new KeyCustodian(repo).prepare('r1', generateKeyPair(), 'shown-once');
    handle.commit();
    expect(calls).toEqual(['store held', 'shown-once']);
  });

  it('shows a key once even when it cannot be sealed, and refuses to store one it cannot seal', async () => {
    const { repo, calls } = repository('fails');
    const custodian = new KeyCustodian(repo);
    const handle = await custodian.prepare('r1', generateKeyPair(), 'shown-once');
    expect(handle.custody).toBe('shown-once');
    handle.commit();
    expect(calls).toEqual(['store held', 'shown-once']);
    await expect(custodian.prepare('r1', generateKeyPair(), 'stored')).rejects.toThrow(/locked/);
  });
});
