// A router's refusal is known by its meaning, whatever prefix, code, case or spelling the RouterOS version
// uses (../shared/reference/routeros-api.md: `failure: …`, `not enough permissions (9)`, `no such item (4)`),
// and a permission refusal names the policy the login lacks.
import { describe, expect, it } from 'vitest';
import { RouterOsTrapError } from '../../../main/routeros/errors.ts';
import { PEER_TRAP_HINTS, policyFor, trapError, trapMeaning } from '../../../main/services/management/errors.ts';

const trap = (message: string, command = '/interface/wireguard/peers/add') => new RouterOsTrapError([{ message, category: undefined }], { host: 'r1', command });

describe('router refusals by meaning', () => {
  it('matches the real texts with and without their prefixes and codes', () => {
    expect(trapMeaning('failure: entry already exists')).toBe('exists');
    expect(trapMeaning('entry already exists')).toBe('exists');
    expect(trapMeaning('not enough permissions (9)')).toBe('permission');
    expect(trapMeaning('no such item (4)')).toBe('no-such-item');
    expect(trapMeaning('no such item')).toBe('no-such-item');
    expect(trapMeaning('failure: cannot change builtin')).toBe('builtin');
    expect(trapMeaning('failure: can not change dynamic')).toBe('dynamic');
    expect(trapMeaning('Can not change dynamic')).toBe('dynamic');
    expect(trapMeaning('invalid user name or password (6)')).toBe('login');
    expect(trapMeaning('input does not match any value of interface')).toBeNull();
  });

  it("keeps the router's words, adds WireDesk's hint by meaning, and carries the meaning as a code", () => {
    for (const said of ['failure: entry already exists', 'entry already exists']) {
      const error = trapError(trap(said), 'Adding peer "x" to wg0', PEER_TRAP_HINTS);
      expect(error.message).toBe(`Adding peer "x" to wg0: the router said "${said}". ${PEER_TRAP_HINTS.exists}`);
      expect(error.details).toMatchObject({ routerMessage: said, meaning: 'exists' });
    }
    const unknown = trapError(trap('failure: something new'), 'Adding peer "x" to wg0', PEER_TRAP_HINTS);
    expect(unknown.message).toBe('Adding peer "x" to wg0: the router said "failure: something new".');
    expect(unknown.details).not.toHaveProperty('meaning');
  });

  it('names the policy a permission refusal is about, from the command', () => {
    const write = trapError(trap('not enough permissions (9)'), 'Adding peer "x" to wg0', PEER_TRAP_HINTS);
    expect(write.details).toMatchObject({ meaning: 'permission', policy: 'write' });
    expect(write.message).toContain('lacks the "write" policy');
    expect(trapError(trap('not enough permissions (9)', '/ip/firewall/filter/print'), 'Reading the firewall').details).toMatchObject({ policy: 'read' });
    expect(policyFor('/ping')).toBe('test');
    expect(policyFor('/interface/wireguard/peers/listen')).toBe('read');
    expect(policyFor('/system/scheduler/remove')).toBe('write');
  });
});
