// Helpers for the config-service tests: a second simulated router in the same app (site-to-site), and QR
// codes from data URLs and exported files decoded by the real zbarimg.
import fs from 'node:fs';
import path from 'node:path';
import { startSimulator, type SimulatorOptions } from '../../../main/sim/index.ts';
import { statusWhere } from '../services/support.ts';
import { tempDir } from '../configs/tools.ts';
import { decodeQr } from '../configs/zbar.ts';
import type { Managed, Sim } from '../management/support.ts';

const PASSWORD = 'Second-Router-9!';

/** Another simulator, added to the same app as `m`'s router and online. */
export async function addRouter(m: Managed, options: SimulatorOptions = {}): Promise<{ sim: Sim; routerId: string }> {
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 0, seed: 23, users: [{ name: 'tech', password: PASSWORD }], ...options });
  try {
    const profile = await m.s.routers.add({ name: `Branch ${sim.port}`, host: '127.0.0.1', port: sim.port, transport: 'api', username: 'tech', password: PASSWORD, tlsFingerprint: null, allowAnonymousTls: false });
    await statusWhere(m.s, profile.id, (st) => st.state === 'online');
    return { sim, routerId: profile.id };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

let tmp: ReturnType<typeof tempDir> | undefined;
let counter = 0;

/** Writes bytes to a fresh file in this file's temp folder (made on first use). */
export function writeTemp(name: string, bytes: Buffer): string {
  tmp ??= tempDir('configs-service');
  const file = path.join(tmp.dir, `${++counter}-${name}`);
  fs.writeFileSync(file, bytes);
  return file;
}

export function cleanupTemp(): void {
  tmp?.cleanup();
  tmp = undefined;
}

/** The payload of the one QR code in a PNG data URL, decoded by zbarimg. */
export function qrPayload(dataUrl: string): Buffer {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match?.[1]) throw new Error(`not a PNG data URL: ${dataUrl.slice(0, 40)}`);
  return decodeQr(writeTemp('qr.png', Buffer.from(match[1], 'base64')));
}
