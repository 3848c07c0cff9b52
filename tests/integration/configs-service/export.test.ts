// configs:export: the files the renderer saves. A ZIP holds one .conf per peer with the exact texts of
// configs:get; the printed PDF holds one scannable QR code per peer (poppler renders it, zbarimg reads it).
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { runToolOk } from '../configs/tools.ts';
import { decodeQr, decodesToSet } from '../configs/zbar.ts';
import { managedRouter, type Managed } from '../management/support.ts';
import { cleanupTemp, writeTemp } from './support.ts';

let m: Managed;
let peerIds: string[];
let texts: Map<string, string>;
beforeEach(async () => {
  m = await managedRouter();
  await m.call('endpoints:set', { routerId: m.routerId, interface: 'wg-office', host: 'vpn.example.com', port: 13231 });
  peerIds = [];
  texts = new Map();
  for (const name of ['kasa-01', 'Ayşe Telefon', 'depo-tablet-7']) {
    const made = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name, client: { dns: '10.10.0.1' } });
    peerIds.push(made.peer.id);
    texts.set(made.peer.id, (await m.call('configs:get', { routerId: m.routerId, peerId: made.peer.id })).text);
  }
});
afterEach(async () => {
  await m.close();
});
afterAll(() => cleanupTemp());

it('zips three peers into three .conf files with exactly the texts of configs:get', async () => {
  const out = await m.call('configs:export', { routerId: m.routerId, peerIds, kind: 'zip' });
  expect(out).toMatchObject({ mimeType: 'application/zip', count: 3, skipped: [] });
  expect(out.fileName).toMatch(/^Router-\d+-configs\.zip$/);
  const zip = await JSZip.loadAsync(Buffer.from(out.base64, 'base64'));
  const names = Object.keys(zip.files).sort();
  expect(names).toEqual(['Ayse-Telefon.conf', 'depo-tablet-7.conf', 'kasa-01.conf']);
  const byName = { 'kasa-01.conf': peerIds[0]!, 'Ayse-Telefon.conf': peerIds[1]!, 'depo-tablet-7.conf': peerIds[2]! };
  for (const [name, id] of Object.entries(byName)) {
    const bytes = await zip.file(name)!.async('nodebuffer');
    expect(bytes.equals(Buffer.from(texts.get(id)!, 'utf8'))).toBe(true);
  }

  // The export is in the activity log: which peers, which file; never a config or a key.
  const { entries } = await m.call('audit:list', { routerId: m.routerId, actions: ['export'] });
  expect(entries).toEqual([
    expect.objectContaining({ action: 'export', objectType: 'config', objectName: '3 peers', outcome: 'ok', after: { file: out.fileName, peers: ['kasa-01', 'Ayşe Telefon', 'depo-tablet-7'] } }),
  ]);
  const logged = JSON.stringify(entries);
  for (const text of texts.values()) expect(logged).not.toContain(/^PrivateKey = (.+)$/m.exec(text)![1]!);
});

it('leaves a peer without a kept key out of a ZIP and says why', async () => {
  const seeded = (await m.call('peers:listManaged', { routerId: m.routerId })).rows.find((p) => p.keyCustody === null && !p.dynamic)!;
  const out = await m.call('configs:export', { routerId: m.routerId, peerIds: [...peerIds, seeded.id], kind: 'zip' });
  expect(out.count).toBe(3);
  expect(out.skipped).toEqual([{ peerId: seeded.id, name: seeded.name || seeded.comment, reason: 'NO_PRIVATE_KEY', message: expect.stringContaining('Rotate its keys') }]);
  expect(Object.keys((await JSZip.loadAsync(Buffer.from(out.base64, 'base64'))).files)).toHaveLength(3);
});

it('prints one scannable QR code per peer on the PDF sheet', async () => {
  const out = await m.call('configs:export', { routerId: m.routerId, peerIds, kind: 'pdf', title: 'Depo erişimi' });
  expect(out).toMatchObject({ mimeType: 'application/pdf', count: 3 });
  expect(out.fileName).toMatch(/-qr-sheet\.pdf$/);
  const pdf = writeTemp('sheet.pdf', Buffer.from(out.base64, 'base64'));
  const prefix = path.join(path.dirname(pdf), path.basename(pdf, '.pdf'));
  // 300 dpi, what a printer puts on paper. These keys are random on every run, and at 150 dpi zbarimg missed
  // one code on 1 sheet in 200 (5.5 px per module, resampled); at 300 dpi it read all 300 sheets tried.
  runToolOk('pdftoppm', ['-r', '300', '-png', pdf, prefix]);
  const pages = fs.readdirSync(path.dirname(pdf)).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
  expect(pages).toHaveLength(1);
  const expected = peerIds.map((id) => Buffer.from(texts.get(id)!, 'utf8'));
  expect(decodesToSet(path.join(path.dirname(pdf), pages[0]!), expected)).toEqual({ ok: true, symbols: 3 });
});

it('exports one peer as .conf (never .conf.txt), PNG and SVG', async () => {
  const [id] = peerIds;
  const text = texts.get(id!)!;
  const conf = await m.call('configs:export', { routerId: m.routerId, peerIds: [id!], kind: 'conf' });
  expect(conf).toMatchObject({ fileName: 'kasa-01.conf', mimeType: 'application/octet-stream', count: 1 });
  expect(Buffer.from(conf.base64, 'base64').toString('utf8')).toBe(text);

  const png = await m.call('configs:export', { routerId: m.routerId, peerIds: [id!], kind: 'png' });
  expect(png).toMatchObject({ fileName: 'kasa-01.png', mimeType: 'image/png' });
  expect(decodeQr(writeTemp('one.png', Buffer.from(png.base64, 'base64'))).equals(Buffer.from(text, 'utf8'))).toBe(true);

  const svg = await m.call('configs:export', { routerId: m.routerId, peerIds: [id!], kind: 'svg' });
  expect(svg).toMatchObject({ fileName: 'kasa-01.svg', mimeType: 'image/svg+xml' });
  expect(Buffer.from(svg.base64, 'base64').toString('utf8')).toMatch(/^<svg /);

  const several = await m.fail('configs:export', { routerId: m.routerId, peerIds, kind: 'conf' });
  expect(several).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('choose ZIP or PDF') });
});

it('notes a config saved or copied from the screen in the activity log, by name, never its text', async () => {
  await m.call('peers:listManaged', { routerId: m.routerId }); // the saved router copy now has the new peers
  const [id] = peerIds;
  expect(await m.call('configs:saved', { routerId: m.routerId, peerId: id!, how: 'conf', fileName: 'kasa-01.conf' })).toEqual({ recorded: true });
  await m.call('configs:saved', { routerId: m.routerId, peerId: id!, how: 'copy', fileName: null });
  // A peer the saved copy does not know yet (just made): the name the screen showed.
  await m.call('configs:saved', { routerId: m.routerId, peerId: '*FFFF', how: 'png', fileName: 'yeni.png', peerName: 'yeni-telefon' });
  const { entries } = await m.call('audit:list', { routerId: m.routerId, actions: ['export'] });
  expect(entries.map((e) => [e.objectName, e.after])).toEqual([
    ['yeni-telefon', { file: 'yeni.png' }],
    ['kasa-01', { copied: 'to the clipboard' }],
    ['kasa-01', { file: 'kasa-01.conf' }],
  ]);
  expect(await m.fail('configs:saved', { routerId: 'nope', peerId: id!, how: 'conf', fileName: 'x.conf' })).toMatchObject({ code: 'NOT_FOUND' });
});
