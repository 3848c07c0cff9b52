// Real ICMP from inside the router's namespace (iputils ping), turned into the probes /ping reports.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { PingProbe, PingRequest } from '../commands/ping.ts';

const REPLY = /icmp_seq=(\d+) ttl=(\d+) time=([\d.]+) ms/;
const NO_ANSWER = /no answer yet for icmp_seq=(\d+)/;

export async function* realPing(namespace: string, request: PingRequest): AsyncIterable<PingProbe> {
  const args = ['netns', 'exec', namespace, 'ping', '-n', '-O', '-W', '1', '-i', String(request.intervalMs / 1000), '-s', String(request.size)];
  if (request.count !== undefined) args.push('-c', String(request.count));
  const child = spawn('ip', [...args, request.address], { stdio: ['ignore', 'pipe', 'ignore'] });
  const stop = (): void => void child.kill('SIGTERM');
  request.signal.addEventListener('abort', stop, { once: true });
  const reported = new Set<number>();
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const reply = REPLY.exec(line);
      const lost = NO_ANSWER.exec(line);
      if (reply) {
        const seq = Number(reply[1]) - 1;
        reported.add(seq);
        yield { seq, rttUs: Math.round(Number(reply[3]) * 1000), ttl: Number(reply[2]) };
      } else if (lost) {
        const seq = Number(lost[1]) - 1;
        reported.add(seq);
        yield { seq, rttUs: null, ttl: 0 };
      }
    }
    // ping does not announce a lost final probe; report what never came back.
    if (request.count !== undefined && !request.signal.aborted) {
      for (let seq = 0; seq < request.count; seq++) if (!reported.has(seq)) yield { seq, rttUs: null, ttl: 0 };
    }
  } finally {
    request.signal.removeEventListener('abort', stop);
    stop();
  }
}
