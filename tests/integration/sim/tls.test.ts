import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { ANONYMOUS_CIPHERS } from '../../../main/sim/index.ts';
import { RawApi, summary } from './helpers/raw-api.ts';
import { simulators } from './helpers/sim.ts';

const start = simulators();

describe('api-ssl', () => {
  it('serves TLS with a certificate, which a client can pin by fingerprint', async () => {
    const pems = await generate([{ name: 'commonName', value: 'router.local' }], { keyType: 'ec' });
    const sim = await start({ tls: { cert: pems.cert, key: pems.private } });
    expect(sim.transport).toBe('api-ssl');
    const api = await RawApi.connect({ port: sim.port, tls: { rejectUnauthorized: false } });
    const tlsSocket = api.socket as TLSSocket;
    expect(tlsSocket.getPeerCertificate().fingerprint256).toBe(new X509Certificate(pems.cert).fingerprint256);
    expect(summary(await api.call(['/login', '=name=admin', '=password=']))).toEqual(['!done']);
    expect((await api.rows(['/system/identity/print']))[0]!.name).toBe('MikroTik');
  });

  it('serves anonymous Diffie-Hellman without a certificate, like a router without one', async () => {
    const sim = await start({ tls: { anonymous: true } });
    const api = await RawApi.connect({ port: sim.port, tls: { ciphers: ANONYMOUS_CIPHERS, maxVersion: 'TLSv1.2', rejectUnauthorized: false } });
    const tlsSocket = api.socket as TLSSocket;
    expect(tlsSocket.getCipher().name).toBe('ADH-AES256-GCM-SHA384');
    expect(Object.keys(tlsSocket.getPeerCertificate())).toEqual([]);
    expect(summary(await api.call(['/login', '=name=admin', '=password=']))).toEqual(['!done']);
  });

  it('offers only the anonymous suite it was asked for', async () => {
    const sim = await start({ tls: { anonymous: true, cipher: 'ADH-AES128-SHA' } });
    const only = (cipher: string) => ({ port: sim.port, tls: { ciphers: `${cipher}:@SECLEVEL=0`, maxVersion: 'TLSv1.2' as const, rejectUnauthorized: false } });
    const api = await RawApi.connect(only('ADH-AES128-SHA'));
    expect((api.socket as TLSSocket).getCipher().name).toBe('ADH-AES128-SHA');
    expect(summary(await api.call(['/login', '=name=admin', '=password=']))).toEqual(['!done']);
    await expect(RawApi.connect(only('ADH-AES256-GCM-SHA384'))).rejects.toThrow();
  });

  it('refuses an anonymous suite option that is not one ADH suite this Node has', async () => {
    await expect(start({ tls: { anonymous: true, cipher: 'AES128-SHA' } })).rejects.toThrow(/one anonymous suite/);
    await expect(start({ tls: { anonymous: true, cipher: 'ADH-AES128-SHA:ADH-AES256-SHA' } })).rejects.toThrow(/one anonymous suite/);
    await expect(start({ tls: { anonymous: true, cipher: 'ADH-NO-SUCH-SUITE' } })).rejects.toThrow(/not known/);
  });

  it('refuses an anonymous-DH server to a client that insists on certificates', async () => {
    const sim = await start({ tls: { anonymous: true } });
    await expect(RawApi.connect({ port: sim.port, tls: { rejectUnauthorized: true } })).rejects.toThrow();
  });
});
