// Opens the TCP connection on its own, so that "router unreachable" (CONNECT_FAILED) is told apart from
// a TLS problem, and so the same code serves the plain API, api-ssl and the anonymous-TLS probe.
import { Socket } from 'node:net';
import { RouterOsError } from '../errors.ts';

export interface TcpTarget {
  host: string;
  port: number;
  /** Aborted when the overall connect deadline passes or the caller gives up. */
  signal: AbortSignal;
  /** For messages: host as the user knows it. */
  label: string;
}

export function abortReason(signal: AbortSignal, label: string, what: string): RouterOsError {
  const reason: unknown = signal.reason;
  if (reason instanceof RouterOsError) return reason;
  return new RouterOsError('CANCELLED', `${what} to ${label} was cancelled`, { host: label, cause: reason });
}

export function connectTcp(target: TcpTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (target.signal.aborted) {
      reject(abortReason(target.signal, target.label, 'Connecting'));
      return;
    }
    const socket = new Socket();
    const onAbort = (): void => {
      socket.destroy();
      reject(abortReason(target.signal, target.label, 'Connecting'));
    };
    const onError = (error: NodeJS.ErrnoException): void => {
      target.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(
        new RouterOsError(
          'CONNECT_FAILED',
          `Cannot reach ${target.label} on TCP port ${target.port}: ${describeSocketError(error)}`,
          { host: target.label, cause: error },
        ),
      );
    };
    target.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.connect({ host: target.host, port: target.port }, () => {
      target.signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.setNoDelay(true);
      // On the TCP socket itself (a TLS socket on top may not pass it down): the OS then notices a dead
      // peer even while the app has nothing to send.
      socket.setKeepAlive(true, 10_000);
      resolve(socket);
    });
  });
}

export function describeSocketError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the API service enabled on the router and the port right?)';
    case 'ETIMEDOUT':
      return 'no answer (router offline or a firewall drops the packets)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the router';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNRESET':
      return 'the connection was reset';
    default:
      return error.message;
  }
}
