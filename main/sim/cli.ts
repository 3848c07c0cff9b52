// Runs the simulator from a terminal: `node main/sim/cli.ts --help`.
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { startSimulator, type Simulator, type SimulatorOptions, type TlsOptions } from './index.ts';
import { HELP, parseCliArgs, type CliOptions } from './cli-args.ts';
import { parseVersion, versionWithChannel } from './version.ts';

async function tlsFor(options: CliOptions): Promise<{ tls: TlsOptions | undefined; certificate: string; fingerprint?: string }> {
  if (options.anonymousTls) return { tls: { anonymous: true }, certificate: 'anonymous Diffie-Hellman, no certificate' };
  if (!options.tls) return { tls: undefined, certificate: '' };
  if (options.cert && options.key) {
    const cert = readFileSync(options.cert, 'utf8');
    return { tls: { cert, key: readFileSync(options.key, 'utf8') }, certificate: options.cert, fingerprint: new X509Certificate(cert).fingerprint256 };
  }
  // selfsigned is a dev dependency: only this CLI and tests load it, never the app.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'wiredesk-sim' }], { keyType: 'ec' });
  return { tls: { cert: pems.cert, key: pems.private }, certificate: 'self-signed, generated now', fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

function describe(sim: Simulator, options: CliOptions, tls: { certificate: string; fingerprint?: string }): string {
  const wg = sim.state.hasTable('/interface/wireguard') ? sim.state.table('/interface/wireguard').rows.filter((r) => !r.dynamic) : [];
  const lines = [
    'WireDesk RouterOS simulator',
    `  listening   ${sim.host}:${sim.port}`,
    `  transport   ${sim.transport}${tls.certificate ? ` (${tls.certificate})` : ''}`,
    `  version     ${versionWithChannel(parseVersion(sim.version))}`,
    `  login       ${options.user} / ${options.password === '' ? '(empty password)' : JSON.stringify(options.password)} (${sim.legacyLogin ? 'legacy challenge/response' : 'modern'} /login)`,
  ];
  if (tls.fingerprint) lines.push(`  tls sha256  ${tls.fingerprint}`);
  lines.push(`  wireguard   ${options.peers} peers on ${wg.map((r) => `${r.get('name')}:${r.get('listen-port')}`).join(', ') || 'no interface'}`);
  lines.push(`  traffic     ${options.dataPlane ? `real, namespace ${sim.dataPlane?.namespace}` : options.traffic ? 'simulated, moving every second' : 'simulated, frozen'}`);
  lines.push('Press Ctrl-C to stop.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  const tls = await tlsFor(options);
  const simOptions: SimulatorOptions = {
    port: options.port ?? (tls.tls ? 8729 : 8728),
    host: options.host,
    version: options.version,
    tls: tls.tls,
    users: [{ name: options.user, password: options.password }],
    legacyLogin: options.legacyLogin,
    peers: options.peers,
    interfaces: options.interfaces,
    seed: options.seed,
    trafficTick: options.traffic,
    dataPlane: options.dataPlane
      ? {
          uplink: options.uplinkHost && options.uplinkRouter
            ? { hostAddress: options.uplinkHost, routerAddress: options.uplinkRouter, namespace: options.uplinkNamespace }
            : undefined,
        }
      : undefined,
  };
  let sim: Simulator;
  try {
    sim = await startSimulator(simOptions);
  } catch (error) {
    console.error(`cannot start the simulator: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(describe(sim, options, tls));
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
