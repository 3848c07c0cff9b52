// Login against the simulator: modern (>= 6.43) and legacy challenge (< 6.43), and wrong passwords.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const users = [{ name: 'tech', password: 'S3cret-şifre' }];

describe('login', () => {
  it('logs in with name and password (RouterOS >= 6.43)', async () => {
    sim = await simulator({ users });
    const client = await connect(optionsFor(sim, { username: 'tech', password: 'S3cret-şifre' }));
    expect(await client.print('/system/identity')).toHaveLength(1);
    client.close();
  });

  it('reports a wrong password as AUTH_FAILED with the router message', async () => {
    sim = await simulator({ users });
    const error = await connect(optionsFor(sim, { username: 'tech', password: 'wrong' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', host: `${sim.host}:${sim.port}`, command: '/login' });
    expect((error as Error).message).toContain('invalid user name or password (6)');
    expect((error as Error).message).toContain('"tech"');
    expect((error as Error).message).not.toContain('wrong');
  });

  it('answers the legacy md5 challenge (RouterOS < 6.43)', async () => {
    sim = await simulator({ users, legacyLogin: true });
    const client = await connect(optionsFor(sim, { username: 'tech', password: 'S3cret-şifre' }));
    expect(await client.print('/system/identity')).toHaveLength(1);
    client.close();
  });

  it('reports a wrong legacy password as AUTH_FAILED "cannot log in"', async () => {
    sim = await simulator({ users, legacyLogin: true });
    const error = await connect(optionsFor(sim, { username: 'tech', password: 'nope' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED' });
    expect((error as Error).message).toContain('cannot log in');
  });

  it('reports a closed port as CONNECT_FAILED', async () => {
    sim = await simulator();
    const port = sim.port;
    await sim.close();
    sim = undefined;
    const error = await connect(optionsFor({ host: '127.0.0.1', port })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_FAILED', host: `127.0.0.1:${port}` });
    expect((error as Error).message).toContain('connection refused');
  });

  it('gives up with CONNECT_FAILED when the router never answers the login', async () => {
    sim = await simulator();
    sim.faults.silence();
    const error = await connect(optionsFor(sim, { connectTimeoutMs: 200 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_FAILED' });
    expect((error as Error).message).toContain('did not complete connect and login');
  });
});
