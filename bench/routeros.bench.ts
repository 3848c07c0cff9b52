// Benchmark: reading N WireGuard peers through the app's RouterOS client path (framing, sentence
// parsing, text decoding with legacy-code-page detection, mapping to domain objects) versus a minimal raw
// read of the SAME bytes (walk the length prefixes, split words, no mapping), measured in the same run.
// Also the same reads end to end over loopback TCP against the simulator.
import net from 'node:net';
import { connect } from '../main/routeros/connect.ts';
import { SentenceDecoder, encodeSentence } from '../main/routeros/protocol/codec.ts';
import { parseSentence } from '../main/routeros/protocol/sentence.ts';
import { buildRow } from '../main/routeros/rows.ts';
import { toWireGuardPeer } from '../main/routeros/menus/wireguard-peers.ts';
import { startSimulator } from '../main/sim/index.ts';
import { measure, printTable, type BenchRow } from './support.ts';

/** The exact bytes a router sends for a peers print (login answered first, then discarded). */
async function recordPrintBytes(port: number): Promise<Buffer> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
  const decoder = new SentenceDecoder();
  const chunks: Buffer[] = [];
  let recording = false;
  let doneCount = 0;
  const finished = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      if (recording) chunks.push(chunk);
      for (const words of decoder.push(chunk)) {
        if (words[0]?.toString() !== '!done') continue;
        doneCount += 1;
        if (doneCount === 1) {
          recording = true;
          socket.write(encodeSentence(['/interface/wireguard/peers/print']));
        } else resolve();
      }
    });
  });
  socket.write(encodeSentence(['/login', '=name=admin', '=password=']));
  await finished;
  socket.destroy();
  return Buffer.concat(chunks);
}

/** Splits into 64 KiB chunks, as TCP would deliver them. */
function chunked(bytes: Buffer, size = 65_536): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function appDecodeAndMap(chunks: Buffer[]): number {
  const decoder = new SentenceDecoder();
  let peers = 0;
  for (const chunk of chunks) {
    for (const words of decoder.push(chunk)) {
      const sentence = parseSentence(words);
      if (sentence.head !== '!re') continue;
      const peer = toWireGuardPeer(buildRow(sentence.attributes, 'windows-1251'));
      if (peer.publicKey) peers += 1;
    }
  }
  return peers;
}

/** Minimal raw read: length prefixes, UTF-8 words, key=value into plain objects. No validation, no mapping. */
function minimalRawRead(chunks: Buffer[]): number {
  const all = Buffer.concat(chunks);
  let pos = 0;
  let rows = 0;
  let row: Record<string, string> = {};
  let first = true;
  while (pos < all.length) {
    const b = all[pos]!;
    let len: number;
    if (b < 0x80) { len = b; pos += 1; }
    else if (b < 0xc0) { len = ((b & 0x3f) << 8) | all[pos + 1]!; pos += 2; }
    else if (b < 0xe0) { len = ((b & 0x1f) << 16) | (all[pos + 1]! << 8) | all[pos + 2]!; pos += 3; }
    else { len = ((b & 0x0f) * 0x1000000) + (all[pos + 1]! << 16) + (all[pos + 2]! << 8) + all[pos + 3]!; pos += 4; }
    if (len === 0) {
      if (row['public-key']) rows += 1;
      row = {};
      first = true;
      continue;
    }
    const word = all.toString('utf8', pos, pos + len);
    pos += len;
    if (first) { first = false; continue; }
    const eq = word.indexOf('=', 1);
    if (word[0] === '=' && eq > 0) row[word.slice(1, eq)] = word.slice(eq + 1);
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [1_000, 10_000]) {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: n, seed: 11 });
    try {
      const bytes = await recordPrintBytes(sim.port);
      const chunks = chunked(bytes);
      const expected = sim.state.table('/interface/wireguard/peers').rows.length;
      if (appDecodeAndMap(chunks) !== expected || minimalRawRead(chunks) !== expected) throw new Error('decoders disagree on the row count');
      const iterations = n === 1_000 ? 30 : 5;
      const app = await measure(() => appDecodeAndMap(chunks), iterations);
      const raw = await measure(() => minimalRawRead(chunks), iterations);
      rows.push({ name: `decode+map ${n.toLocaleString('en')} peers (${(bytes.length / 1024).toFixed(0)} KiB)`, value: app, baseline: raw, baselineName: 'minimal raw read of the same bytes' });

      const client = await connect({ host: '127.0.0.1', port: sim.port, username: 'admin', password: '' });
      const socketRead = async () => {
        const b = await recordPrintBytes(sim.port);
        return minimalRawRead(chunked(b));
      };
      try {
        const e2eIterations = n === 1_000 ? 10 : 3;
        const viaClient = await measure(async () => (await client.print('/interface/wireguard/peers')).map(toWireGuardPeer).length, e2eIterations);
        const viaSocket = await measure(socketRead, e2eIterations);
        rows.push({ name: `TCP print ${n.toLocaleString('en')} peers via the client`, value: viaClient, baseline: viaSocket, baselineName: 'raw socket + minimal read (incl. its login)' });
      } finally {
        client.close();
      }
    } finally {
      await sim.close();
    }
  }
  return rows;
}

if (import.meta.main) printTable('RouterOS client', await run());
