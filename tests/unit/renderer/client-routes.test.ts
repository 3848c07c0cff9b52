// The client routes field on the Interfaces tab (where clients dial, and what they route): what it sends to
// clientRoutes:set, checked with the contract's schema before main sees it.
import { describe, expect, it } from 'vitest';
import { toClientRoutes } from '../../../renderer/features/interfaces/interface-form.ts';

describe('client routes as typed', () => {
  it('takes networks separated by commas, spaces or lines, IPv4 and IPv6', () => {
    expect(toClientRoutes(' 10.10.0.0/24, fd12:3456:789a:1::/64\n192.168.88.0/24,')).toEqual({ ok: true, routes: ['10.10.0.0/24', 'fd12:3456:789a:1::/64', '192.168.88.0/24'] });
  });

  it('says when nothing is given (the full tunnel is its own button) and which entry is not a network', () => {
    expect(toClientRoutes(' , ')).toEqual({ ok: false, error: 'required' });
    expect(toClientRoutes('10.10.0.0/24, 192.168.88.0')).toEqual({ ok: false, error: expect.stringMatching(/^192\.168\.88\.0: Enter each network as an address and prefix/) });
  });
});
