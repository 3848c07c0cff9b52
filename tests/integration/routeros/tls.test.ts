// api-ssl against the simulator over real TLS: trust on first use, pin match and mismatch, and routers
// without a certificate (anonymous DH). Credentials must never reach an untrusted peer.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { TlsFingerprintMismatchError, TlsUntrustedError } from '../../../main/routeros/errors.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

interface Pem {
  cert: string;
  key: string;
  fingerprint: string;
}

async function certificate(cn: string): Promise<Pem> {
  const pems = await generate([{ name: 'commonName', value: cn }], { keySize: 2048, algorithm: 'sha256' });
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

let routerCert: Pem;
let otherCert: Pem;
let sim: Sim | undefined;

beforeAll(async () => {
  [routerCert, otherCert] = await Promise.all([certificate('MikroTik'), certificate('Impostor')]);
});

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function sslOptions(s: Sim, extra: Parameters<typeof optionsFor>[1] = {}) {
  return optionsFor(s, { transport: 'api-ssl', ...extra });
}

describe('certificate pinning', () => {
  it('refuses an unpinned certificate with TLS_UNTRUSTED, showing what to pin', async () => {
    sim = await simulator({ tls: { cert: routerCert.cert, key: routerCert.key }, users: [{ name: 'admin', password: 'pw' }] });
    const error = (await connect(sslOptions(sim, { password: 'pw' })).catch((e: unknown) => e)) as TlsUntrustedError;
    expect(error.code).toBe('TLS_UNTRUSTED');
    expect(error.certificate).toMatchObject({
      fingerprint: routerCert.fingerprint,
      subject: 'CN=MikroTik',
      issuer: 'CN=MikroTik',
      selfSigned: true,
    });
    expect(error.certificate.validTo).not.toBe('');
    expect(error.message).toContain(routerCert.fingerprint);
  });

  it('connects when the presented certificate matches the pin (any fingerprint spelling)', async () => {
    sim = await simulator({ tls: { cert: routerCert.cert, key: routerCert.key } });
    const pinned = routerCert.fingerprint.replace(/:/g, '').toLowerCase();
    const client = await connect(sslOptions(sim, { pinnedFingerprint: pinned }));
    expect(client.tls).toMatchObject({ authenticated: true, certificate: { fingerprint: routerCert.fingerprint } });
    expect(await client.print('/system/identity')).toHaveLength(1);
    client.close();
  });

  it('refuses a different certificate with TLS_FINGERPRINT_MISMATCH carrying both fingerprints', async () => {
    sim = await simulator({ tls: { cert: otherCert.cert, key: otherCert.key } });
    const error = (await connect(sslOptions(sim, { pinnedFingerprint: routerCert.fingerprint })).catch(
      (e: unknown) => e,
    )) as TlsFingerprintMismatchError;
    expect(error.code).toBe('TLS_FINGERPRINT_MISMATCH');
    expect(error.expectedFingerprint).toBe(routerCert.fingerprint);
    expect(error.presentedFingerprint).toBe(otherCert.fingerprint);
    expect(error.certificate.subject).toBe('CN=Impostor');
  });

  it('reports a plain-API port reached with api-ssl as CONNECT_FAILED, not as a certificate problem', async () => {
    sim = await simulator();
    const error = await connect(sslOptions(sim, { connectTimeoutMs: 300 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_FAILED' });
  });
});

describe('anonymous TLS (router without a certificate)', () => {
  it('connects only when allowed, and reports the session as unauthenticated', async () => {
    sim = await simulator({ tls: { anonymous: true } });
    const client = await connect(sslOptions(sim, { allowAnonymousTls: true }));
    expect(client.tls).toMatchObject({ authenticated: false, certificate: undefined });
    expect(client.tls?.cipher).toMatch(/^ADH-/);
    expect(await client.print('/system/identity')).toHaveLength(1);
    client.close();
  });

  it('fails with TLS_ANONYMOUS when anonymous TLS was not allowed', async () => {
    sim = await simulator({ tls: { anonymous: true } });
    const error = await connect(sslOptions(sim)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TLS_ANONYMOUS' });
    expect((error as Error).message).toContain('anonymous');
  });

  // `openssl ciphers -v 'ADH:@SECLEVEL=0'` (OpenSSL 3.0; Node 24's OpenSSL 3.5 has the same ten): the group
  // other RouterOS clients offer (Ansible community.routeros `ADH:@SECLEVEL=0`, routeros-api-php `ADH:ALL`).
  // Which one a router picks depends on its version; whichever it is, the client must have it too.
  it.each([
    'ADH-AES256-GCM-SHA384', 'ADH-AES128-GCM-SHA256', 'ADH-AES256-SHA256', 'ADH-CAMELLIA256-SHA256',
    'ADH-AES128-SHA256', 'ADH-CAMELLIA128-SHA256', 'ADH-AES256-SHA', 'ADH-CAMELLIA256-SHA', 'ADH-AES128-SHA',
    'ADH-CAMELLIA128-SHA',
  ])('connects to a router whose api-ssl offers only %s', async (cipher) => {
    sim = await simulator({ tls: { anonymous: true, cipher } });
    const client = await connect(sslOptions(sim, { allowAnonymousTls: true }));
    expect(client.tls).toMatchObject({ authenticated: false, certificate: undefined, cipher, protocol: 'TLSv1.2' });
    expect(await client.print('/system/identity')).toHaveLength(1);
    client.close();
  });

  it('refuses an anonymous downgrade when a certificate was pinned, even if anonymous is allowed', async () => {
    sim = await simulator({ tls: { anonymous: true } });
    const error = await connect(
      sslOptions(sim, { allowAnonymousTls: true, pinnedFingerprint: routerCert.fingerprint }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TLS_ANONYMOUS' });
    expect((error as Error).message).toContain('downgrade');
  });
});
