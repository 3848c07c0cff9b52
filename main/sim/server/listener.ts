// The TCP (api) or TLS (api-ssl) listener. Anonymous TLS is what a router without a certificate offers:
// anonymous Diffie-Hellman, which only exists up to TLS 1.2 and needs OpenSSL security level 0.
import net from 'node:net';
import tls from 'node:tls';

export type TlsOptions =
  | { cert: string | Buffer; key: string | Buffer }
  | {
    anonymous: true;
    /**
     * The one anonymous suite offered (an OpenSSL name such as `ADH-AES128-SHA`), to test clients against a router
     * that offers another one. Default ADH-AES256-GCM-SHA384, which RouterOS 7 negotiates with Node 20/22
     * (../shared/reference/routeros-api.md); which suites older routers prefer is not confirmed.
     */
    cipher?: string;
  };

export const DEFAULT_ANONYMOUS_CIPHER = 'ADH-AES256-GCM-SHA384';

/** OpenSSL 3 allows anonymous suites only at security level 0. */
export function anonymousCipherList(cipher: string = DEFAULT_ANONYMOUS_CIPHER): string {
  return `${cipher}:@SECLEVEL=0`;
}

export const ANONYMOUS_CIPHERS = anonymousCipherList();

export interface Listener {
  port: number;
  close(): Promise<void>;
}

function createServer(tlsOptions: TlsOptions | undefined, onSocket: (socket: net.Socket) => void): net.Server {
  if (!tlsOptions) return net.createServer(onSocket);
  const options: tls.TlsOptions = 'anonymous' in tlsOptions
    ? { ciphers: anonymousCipherList(tlsOptions.cipher), dhparam: 'auto', minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }
    : { cert: tlsOptions.cert, key: tlsOptions.key, minVersion: 'TLSv1.2' };
  const server = tls.createServer(options, onSocket);
  // A client that fails the handshake is its own problem; the listener keeps serving others.
  server.on('tlsClientError', () => undefined);
  return server;
}

export function listen(
  options: { host: string; port: number; tls: TlsOptions | undefined },
  onSocket: (socket: net.Socket) => void,
): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const server = createServer(options.tls, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
