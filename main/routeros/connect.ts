// Opening a logged-in client: TCP (or TLS with the pin check), then login, all under one deadline.
// Credentials are sent only after the transport is trusted (see transport/tls.ts).
import type { Socket } from 'node:net';
import { RouterOsClient } from './client.ts';
import { RouterOsError } from './errors.ts';
import { consoleLogger, type RouterOsLogger } from './logger.ts';
import { login } from './login.ts';
import { ApiSession } from './session.ts';
import { checkCodePage, DEFAULT_LEGACY_CODE_PAGE } from './text.ts';
import { connectTcp } from './transport/tcp.ts';
import { connectTls, type TlsInfo, type TlsPolicy } from './transport/tls.ts';

export interface ConnectOptions extends TlsPolicy {
  host: string;
  /** Default 8728 for `api`, 8729 for `api-ssl`. */
  port?: number | undefined;
  transport?: 'api' | 'api-ssl' | undefined;
  username: string;
  password: string;
  /** Code page for text that is not UTF-8 (WinBox on Windows). Default windows-1251. */
  legacyCodePage?: string | undefined;
  /** TCP + TLS + login must finish within this. Default 10 s. */
  connectTimeoutMs?: number | undefined;
  /** Default per-command timeout (listen excluded); 0 disables. Default 60 s. */
  commandTimeoutMs?: number | undefined;
  /** Probe the router after this long without traffic; 0 disables. Default 30 s. */
  keepaliveIntervalMs?: number | undefined;
  /** Silence allowed after a probe or /cancel before the connection counts as dead. Default 15 s. */
  responseTimeoutMs?: number | undefined;
  /** A command waiting this long with nothing received probes the router early; 0 disables. Default 3 s. */
  busyProbeMs?: number | undefined;
  /** Silence allowed after that early probe. Default 4 s: a router that stops mid-command shows within about 7 s. */
  busyResponseTimeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  logger?: RouterOsLogger | undefined;
}

export const DEFAULT_PORTS = { api: 8728, 'api-ssl': 8729 } as const;

export async function connect(options: ConnectOptions): Promise<RouterOsClient> {
  const transport = options.transport ?? 'api';
  const port = options.port ?? DEFAULT_PORTS[transport];
  const label = port === DEFAULT_PORTS[transport] ? options.host : `${options.host}:${port}`;
  const legacyCodePage = checkCodePage(options.legacyCodePage ?? DEFAULT_LEGACY_CODE_PAGE);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(
      new RouterOsError('CONNECT_FAILED', `${label} did not complete connect and login within ${connectTimeoutMs} ms`, {
        host: label,
      }),
    );
  }, connectTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let session: ApiSession | undefined;
  try {
    const target = { host: options.host, port, signal, label };
    let socket: Socket;
    let tls: TlsInfo | undefined;
    if (transport === 'api-ssl') ({ socket, info: tls } = await connectTls(target, options));
    else socket = await connectTcp(target);
    session = new ApiSession(socket, {
      label,
      legacyCodePage,
      logger: options.logger ?? consoleLogger,
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? 30_000,
      responseTimeoutMs: options.responseTimeoutMs ?? 15_000,
      busyProbeMs: options.busyProbeMs ?? 3_000,
      busyResponseTimeoutMs: options.busyResponseTimeoutMs ?? 4_000,
    });
    await login(session, { username: options.username, password: options.password }, signal);
    return new RouterOsClient(session, {
      legacyCodePage,
      commandTimeoutMs: options.commandTimeoutMs ?? 60_000,
      tls,
    });
  } catch (error) {
    session?.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
