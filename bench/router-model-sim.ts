// The RouterOS simulator in a child process for bench/router-model.bench.ts, so that the router's own CPU
// (printing 10,000 peers) is not counted as the main process's. Started with `node bench/router-model-sim.ts
// <peers>` over an IPC channel (child_process.fork); traffic ticks every second (counters grow, handshakes
// renew, listen reports them), as on the demo router. Messages, each answered with the same `id`:
//   { id, type: 'start-log' }            -> { id, type: 'ok' }          records commands from now on
//   { id, type: 'count', from?, to? }    -> { id, type: 'count', ... }  commands received in [from, to) (epoch ms)
//   { id, type: 'stop' }                 -> { id, type: 'ok' }          closes the simulator; the process exits
// The first message sent is { type: 'ready', port }.
import { startSimulator } from '../main/sim/index.ts';

export interface SimCount {
  /** `/interface/wireguard/peers/print` commands, with or without a .proplist. */
  peerPrints: number;
  /** Every command received (`/cancel`, `/login` and the long-running `listen`s included). */
  all: number;
  /** The same, per command path. */
  byCommand: Record<string, number>;
  /** When each peer print arrived (epoch ms). */
  peerPrintsAt: number[];
  /** This process's CPU (user + system) since it started, in ms. */
  cpuMs: number;
}

export type SimRequest = { id: number; type: 'start-log' } | { id: number; type: 'stop' } | { id: number; type: 'count'; from?: number; to?: number };
export type SimReply = { type: 'ready'; port: number } | { id: number; type: 'ok' } | ({ id: number; type: 'count' } & SimCount);

const PEERS_PRINT = '/interface/wireguard/peers/print';

if (!process.send) throw new Error('bench/router-model-sim.ts must be started with an IPC channel (child_process.fork)');
const send = (message: SimReply): void => void process.send?.(message);

const peers = Number(process.argv[2] ?? '1000');
const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers, seed: 9, trafficTick: true });

process.on('message', (raw) => {
  const message = raw as SimRequest;
  switch (message.type) {
    case 'start-log':
      sim.commands.start();
      send({ id: message.id, type: 'ok' });
      return;
    case 'count': {
      const from = message.from ?? Number.NEGATIVE_INFINITY;
      const to = message.to ?? Number.POSITIVE_INFINITY;
      const entries = sim.commands.entries.filter((e) => e.at >= from && e.at < to);
      const byCommand: Record<string, number> = {};
      for (const e of entries) byCommand[e.command] = (byCommand[e.command] ?? 0) + 1;
      const cpu = process.cpuUsage();
      send({
        id: message.id,
        type: 'count',
        peerPrints: byCommand[PEERS_PRINT] ?? 0,
        all: entries.length,
        byCommand,
        peerPrintsAt: entries.filter((e) => e.command === PEERS_PRINT).map((e) => e.at),
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
      return;
    }
    case 'stop':
      void sim.close().finally(() => {
        send({ id: message.id, type: 'ok' });
        process.exit(0);
      });
  }
});
// The bench died or was interrupted: no orphaned router.
process.on('disconnect', () => void sim.close().finally(() => process.exit(0)));

send({ type: 'ready', port: sim.port });
