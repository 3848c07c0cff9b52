import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RawApi, summary } from './helpers/raw-api.ts';
import { simulators } from './helpers/sim.ts';

const start = simulators();

function legacyResponse(password: string, challengeHex: string): string {
  return `00${createHash('md5').update(Buffer.from([0])).update(password).update(Buffer.from(challengeHex, 'hex')).digest('hex')}`;
}

describe('login', () => {
  it('accepts the modern form and the default admin with an empty password', async () => {
    const sim = await start();
    const api = await RawApi.connect({ port: sim.port });
    expect(summary(await api.call(['/login', '=name=admin', '=password=']))).toEqual(['!done']);
    expect(await api.rows(['/system/identity/print'])).toEqual([{ name: 'MikroTik' }]);
  });

  it('rejects a wrong password with the router message and keeps the connection usable', async () => {
    const sim = await start({ users: [{ name: 'tech', password: 'secret' }] });
    const api = await RawApi.connect({ port: sim.port });
    const replies = await api.call(['/login', '=name=tech', '=password=wrong']);
    expect(summary(replies)).toEqual(['!trap - invalid user name or password (6)', '!done']);
    expect(summary(await api.call(['/login', '=name=tech', '=password=secret']))).toEqual(['!done']);
  });

  it('rejects commands before login', async () => {
    const sim = await start();
    const api = await RawApi.connect({ port: sim.port });
    expect(summary(await api.call(['/interface/wireguard/print']))).toEqual(['!trap - not logged in', '!done']);
  });

  it('speaks the legacy challenge/response login, and only that, when legacyLogin is set', async () => {
    const sim = await start({ legacyLogin: true, users: [{ name: 'admin', password: 'pa55' }] });
    const api = await RawApi.connect({ port: sim.port });
    // A pre-6.43 router answers even the modern form with a challenge: that is how clients detect it.
    const modern = await api.call(['/login', '=name=admin', '=password=pa55']);
    expect(modern.map((r) => r.head)).toEqual(['!done']);
    const challenge = modern[0]!.get('ret')!;
    expect(challenge).toMatch(/^[0-9a-f]{32}$/);
    const ok = await api.call(['/login', '=name=admin', `=response=${legacyResponse('pa55', challenge)}`]);
    expect(summary(ok)).toEqual(['!done']);
    expect(await api.rows(['/system/identity/print'])).toEqual([{ name: 'MikroTik' }]);
  });

  it('answers a wrong legacy response with "cannot log in"', async () => {
    const sim = await start({ legacyLogin: true });
    const api = await RawApi.connect({ port: sim.port });
    const challenge = (await api.call(['/login']))[0]!.get('ret')!;
    const replies = await api.call(['/login', '=name=admin', `=response=${legacyResponse('nope', challenge)}`]);
    expect(summary(replies)).toEqual(['!trap - cannot log in', '!done']);
  });

  it('uses the legacy login by default on versions before 6.43', async () => {
    const sim = await start({ version: '6.42.12' });
    const api = await RawApi.connect({ port: sim.port });
    expect((await api.call(['/login', '=name=admin', '=password=']))[0]!.get('ret')).toMatch(/^[0-9a-f]{32}$/);
  });
});
