// startSimulator's options, checked up front so that a typo fails loudly instead of giving an odd router.
import type { Clock } from './state/router-state.ts';
import { createSecureContext } from 'node:tls';
import { anonymousCipherList, type TlsOptions } from './server/listener.ts';
import type { DataPlaneOptions } from './dataplane/data-plane.ts';
import type { UserRecord } from './commands/context.ts';
import { atLeast, parseVersion, type RouterVersion } from './version.ts';

export interface SimulatorUser {
  name: string;
  password: string;
  /** RouterOS policies; default: full (read, write, api, sensitive, test, ...). */
  policies?: readonly string[];
}

export interface SimulatorOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** RouterOS version, e.g. `7.18`, `7.12.1`, `7.19beta4`. Default `7.18`. */
  version?: string;
  /** api-ssl with a certificate, or anonymous Diffie-Hellman like a router without one. */
  tls?: TlsOptions;
  /** Default: admin with an empty password. */
  users?: readonly SimulatorUser[];
  /** Only the pre-6.43 challenge/response login works. Default: on for versions below 6.43. */
  legacyLogin?: boolean;
  /** WireGuard peers to seed (0: no WireGuard setup). Default 0. */
  peers?: number;
  /** WireGuard interfaces to seed; default 1, or 2 when peers > 200. */
  interfaces?: number;
  /** Seed for everything generated (names, keys, traffic). Default 1. */
  seed?: number;
  /** Time source in epoch ms for uptime, handshakes and traffic. Default Date.now. */
  clock?: Clock;
  /** Advance traffic every second and notify `listen` (for the demo). Default false. */
  trafficTick?: boolean;
  /** Real WireGuard (wireguard-go) inside a network namespace. Needs root. */
  dataPlane?: DataPlaneOptions;
  /** Whether NTP servers answer the router's NTP client (the simulated internet's time is this computer's). Default true. */
  ntpReachable?: boolean;
}

export const FULL_POLICIES = [
  'local', 'telnet', 'ssh', 'ftp', 'reboot', 'read', 'write', 'policy', 'test', 'winbox', 'password', 'web', 'sniff',
  'sensitive', 'api', 'romon', 'rest-api',
];

export interface ResolvedOptions {
  port: number;
  host: string;
  version: RouterVersion;
  tls: TlsOptions | undefined;
  users: UserRecord[];
  legacyLogin: boolean;
  peers: number;
  interfaces: number | undefined;
  seed: number;
  clock: Clock;
  trafficTick: boolean;
  dataPlane: DataPlaneOptions | undefined;
  ntpReachable: boolean;
}

function wholeNumber(value: number | undefined, name: string, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > max)) {
    throw new RangeError(`simulator option ${name} must be a whole number from 0 to ${max}, got ${value}`);
  }
}

/** One anonymous (ADH) suite that this Node's OpenSSL has, or a RangeError naming the problem. */
function anonymousCipher(cipher: string): void {
  if (!/^ADH-[A-Z0-9-]+$/.test(cipher)) {
    throw new RangeError(`simulator tls cipher must be one anonymous suite such as ADH-AES128-SHA, got "${cipher}"`);
  }
  try {
    createSecureContext({ ciphers: anonymousCipherList(cipher) });
  } catch {
    throw new RangeError(`simulator tls cipher ${cipher} is not known to this Node's TLS library`);
  }
}

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  wholeNumber(options.port, 'port', 65535);
  wholeNumber(options.peers, 'peers', 60_000);
  wholeNumber(options.interfaces, 'interfaces', 40);
  const version = parseVersion(options.version ?? '7.18');
  if ((options.peers ?? 0) > 0 && !atLeast(version, '7.1')) {
    throw new RangeError(`RouterOS ${version.text} has no WireGuard (it arrived in 7.1); use peers: 0`);
  }
  const users = (options.users ?? [{ name: 'admin', password: '' }]).map((u) => ({
    name: u.name,
    password: u.password,
    policies: new Set(u.policies ?? FULL_POLICIES),
  }));
  if (users.length === 0) throw new RangeError('simulator needs at least one user');
  if (options.tls && !('anonymous' in options.tls) && (!options.tls.cert || !options.tls.key)) {
    throw new RangeError('simulator tls needs both cert and key, or { anonymous: true }');
  }
  if (options.tls && 'anonymous' in options.tls && options.tls.cipher !== undefined) anonymousCipher(options.tls.cipher);
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    version,
    tls: options.tls,
    users,
    legacyLogin: options.legacyLogin ?? !atLeast(version, '6.43'),
    peers: options.peers ?? 0,
    interfaces: options.interfaces,
    seed: options.seed ?? 1,
    clock: options.clock ?? { now: () => Date.now() },
    trafficTick: options.trafficTick ?? false,
    dataPlane: options.dataPlane,
    ntpReachable: options.ntpReachable ?? true,
  };
}
