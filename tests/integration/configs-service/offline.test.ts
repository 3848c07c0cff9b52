// Offline: stored configs and QR codes stay available from WireDesk's saved copy of the router; a peer
// with a preshared key (never stored locally) waits for the router, and says so.
import { afterAll, afterEach, expect, it } from 'vitest';
import { managedRouter, type Managed } from '../management/support.ts';
import { statusWhere } from '../services/support.ts';
import { cleanupTemp, qrPayload } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});
afterAll(() => cleanupTemp());

it('builds the same config and QR from the saved copy while the router is unreachable', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  await m.call('endpoints:set', { routerId, interface: 'wg-office', host: 'vpn.example.com', port: 13231 });
  const plain = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'field-laptop', custody: 'stored' });
  const withPsk = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'field-phone', custody: 'stored', presharedKey: true });
  const online = await m.call('configs:get', { routerId, peerId: plain.peer.id });
  await m.call('peers:listManaged', { routerId }); // the regular refresh that keeps the local copy current

  await m.sim.close();
  await statusWhere(m.s, routerId, (st) => st.state === 'offline');

  const offline = await m.call('configs:get', { routerId, peerId: plain.peer.id });
  expect(offline.text).toBe(online.text);
  expect(qrPayload(offline.qrDataUrl!).equals(Buffer.from(online.text, 'utf8'))).toBe(true);
  expect(offline.warnings.map((w) => w.code)).toContain('OFFLINE_COPY');

  const zip = await m.call('configs:export', { routerId, peerIds: [plain.peer.id], kind: 'conf' });
  expect(Buffer.from(zip.base64, 'base64').toString('utf8')).toBe(online.text);

  const refused = await m.fail('configs:get', { routerId, peerId: withPsk.peer.id });
  expect(refused).toMatchObject({ code: 'OFFLINE', details: { reason: 'PSK_NEEDS_ROUTER' } });
  expect(refused.message).toMatch(/preshared key/);
});
