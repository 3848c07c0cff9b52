// /ping: one `!re` per probe, like the router's own tool. Without `count` it runs until /cancel.
// Pure simulation answers from ping-sim.ts; with the real data plane the probes are real ICMP in the namespace.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandHandler } from './context.ts';
import { allowOnly, requirePolicy } from './context.ts';
import { simulatedResponder } from './ping-sim.ts';
import { formatRtt, parseDuration } from '../values/duration.ts';
import { isIp } from '../values/ip.ts';
import { integerIn, text } from '../values/parse.ts';
import { findInterface } from '../menus/interface-names.ts';
import { traps } from '../trap.ts';

export interface PingRequest {
  address: string;
  count: number | undefined;
  intervalMs: number;
  size: number;
  signal: AbortSignal;
}

/** One probe outcome: rtt in microseconds, or null on timeout. */
export interface PingProbe {
  seq: number;
  rttUs: number | null;
  ttl: number;
}

export type PingSource = (request: PingRequest) => AsyncIterable<PingProbe>;

async function* simulatedProbes(request: PingRequest, answer: (seq: number) => number | null, ttl: number): AsyncIterable<PingProbe> {
  const start = Date.now();
  for (let seq = 0; request.count === undefined || seq < request.count; seq++) {
    const rtt = answer(seq);
    const due = start + seq * request.intervalMs + (rtt === null ? request.intervalMs : rtt / 1000);
    await sleep(Math.max(0, due - Date.now()), undefined, { signal: request.signal });
    yield { seq, rttUs: rtt, ttl };
  }
}

function parseRequest(attributes: ReadonlyMap<string, Buffer>, signal: AbortSignal): PingRequest {
  const address = attributes.get('address');
  if (address === undefined) throw traps.missing(['address']);
  if (!isIp(text(address))) throw traps.invalidValue('address');
  const countRaw = attributes.get('count');
  const count = countRaw === undefined ? undefined : Number(integerIn(1, 4294967295)(countRaw, 'count'));
  const intervalRaw = attributes.get('interval');
  let intervalMs = 1000;
  if (intervalRaw !== undefined) {
    const seconds = parseDuration(text(intervalRaw));
    if (seconds === null) throw traps.invalidValue('interval');
    if (seconds < 0.01 || seconds > 5) throw traps.outOfRange('interval', '10ms..5s');
    intervalMs = seconds * 1000;
  }
  const sizeRaw = attributes.get('size');
  const size = sizeRaw === undefined ? 56 : Number(integerIn(14, 65535)(sizeRaw, 'size'));
  return { address: text(address), count, intervalMs, size, signal };
}

export const ping: CommandHandler = async (ctx) => {
  allowOnly(ctx, ['address', 'count', 'interval', 'size', 'interface', 'src-address', 'ttl', 'do-not-fragment', 'arp-ping', 'vrf', 'routing-table']);
  requirePolicy(ctx, 'test');
  const request = parseRequest(ctx.attributes, ctx.signal);
  const iface = ctx.attributes.get('interface');
  if (iface !== undefined && !findInterface(ctx.state, iface)) throw traps.noMatch('interface');
  let probes: AsyncIterable<PingProbe>;
  const real = ctx.state.dataPlane?.ping;
  if (real) probes = real(request);
  else {
    const responder = simulatedResponder(ctx.state, request.address);
    probes = simulatedProbes(request, responder ? responder.answer : () => null, responder?.ttl ?? 64);
  }
  let sent = 0;
  let received = 0;
  let min = Infinity;
  let max = 0;
  let sum = 0;
  try {
    for await (const probe of probes) {
      sent++;
      const row: Array<[string, string]> = [['seq', String(probe.seq)], ['host', request.address]];
      if (probe.rttUs === null) row.push(['status', 'timeout']);
      else {
        received++;
        min = Math.min(min, probe.rttUs);
        max = Math.max(max, probe.rttUs);
        sum += probe.rttUs;
        row.push(['size', String(request.size)], ['ttl', String(probe.ttl)], ['time', formatRtt(probe.rttUs)]);
      }
      row.push(['sent', String(sent)], ['received', String(received)], ['packet-loss', String(Math.round(((sent - received) * 100) / sent))]);
      if (received > 0) {
        row.push(['min-rtt', formatRtt(min)], ['avg-rtt', formatRtt(sum / received)], ['max-rtt', formatRtt(max)]);
      }
      ctx.reply(row);
    }
  } catch (error) {
    if (!ctx.signal.aborted) throw error;
  }
};
