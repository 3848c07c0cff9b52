// Command-line flags of the simulator CLI and their help text.
import { parseArgs } from 'node:util';

export const HELP = `WireDesk RouterOS simulator: a RouterOS v7 API server with a simulated router behind it.

Usage: node main/sim/cli.ts [flags]

  --port <n>              TCP port (default 8728, or 8729 with TLS; 0 picks a free one)
  --host <address>        address to listen on (default 127.0.0.1)
  --version <v>           RouterOS version to imitate: 7.1, 7.12, 7.15, 7.17, 7.18, 7.21, 7.19beta4, ...
                          (default 7.18); decides which fields and replies exist
  --peers <n>             WireGuard peers to seed (default 25; 0 = no WireGuard setup)
  --interfaces <n>        WireGuard interfaces to spread them over (default 1, or 2 above 200 peers)
  --seed <n>              seed for names, keys and traffic (default 1): same seed, same router
  --user <name>           API user name (default admin)
  --password <pw>         API password (default empty)
  --legacy-login          only the pre-6.43 challenge/response /login (default on for versions < 6.43)
  --tls                   api-ssl with a certificate: --cert/--key, or a freshly generated self-signed one
  --cert <file>           PEM certificate for --tls
  --key <file>            PEM private key for --tls
  --anonymous-tls         api-ssl without a certificate (anonymous Diffie-Hellman, as a router without one)
  --no-traffic            freeze simulated traffic (default: counters and handshakes move every second)
  --data-plane            real WireGuard: wireguard-go devices in a new network namespace (needs root)
  --uplink-host <cidr>    with --data-plane: address of the host end of the router's ether1 veth (e.g. 198.18.0.1/30)
  --uplink-router <cidr>  with --data-plane: address of the router's ether1 (e.g. 198.18.0.2/30)
  --uplink-namespace <ns> with --data-plane: put the host end into this existing namespace
  --help                  this text

Runs until Ctrl-C.`;

export interface CliOptions {
  port: number | undefined;
  host: string;
  version: string;
  peers: number;
  interfaces: number | undefined;
  seed: number;
  user: string;
  password: string;
  legacyLogin: boolean | undefined;
  tls: boolean;
  cert: string | undefined;
  key: string | undefined;
  anonymousTls: boolean;
  traffic: boolean;
  dataPlane: boolean;
  uplinkHost: string | undefined;
  uplinkRouter: string | undefined;
  uplinkNamespace: string | undefined;
  help: boolean;
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} needs a whole number, got "${value}"`);
  return Number(value);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      version: { type: 'string' },
      peers: { type: 'string' },
      interfaces: { type: 'string' },
      seed: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      'legacy-login': { type: 'boolean' },
      tls: { type: 'boolean' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'anonymous-tls': { type: 'boolean' },
      'no-traffic': { type: 'boolean' },
      'data-plane': { type: 'boolean' },
      'uplink-host': { type: 'string' },
      'uplink-router': { type: 'string' },
      'uplink-namespace': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options: CliOptions = {
    port: number(values.port, 'port'),
    host: values.host ?? '127.0.0.1',
    version: values.version ?? '7.18',
    peers: number(values.peers, 'peers') ?? 25,
    interfaces: number(values.interfaces, 'interfaces'),
    seed: number(values.seed, 'seed') ?? 1,
    user: values.user ?? 'admin',
    password: values.password ?? '',
    legacyLogin: values['legacy-login'],
    tls: values.tls ?? false,
    cert: values.cert,
    key: values.key,
    anonymousTls: values['anonymous-tls'] ?? false,
    traffic: !(values['no-traffic'] ?? false),
    dataPlane: values['data-plane'] ?? false,
    uplinkHost: values['uplink-host'],
    uplinkRouter: values['uplink-router'],
    uplinkNamespace: values['uplink-namespace'],
    help: values.help ?? false,
  };
  if (options.tls && options.anonymousTls) throw new Error('--tls and --anonymous-tls exclude each other');
  if ((options.cert === undefined) !== (options.key === undefined)) throw new Error('--cert and --key go together');
  if (options.cert !== undefined && !options.tls) throw new Error('--cert/--key need --tls');
  if ((options.uplinkHost === undefined) !== (options.uplinkRouter === undefined)) {
    throw new Error('--uplink-host and --uplink-router go together');
  }
  if (options.uplinkHost !== undefined && !options.dataPlane) throw new Error('--uplink-* flags need --data-plane');
  return options;
}
