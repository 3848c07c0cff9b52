import { describe, expect, it } from 'vitest';
import type { ManagedPeer } from '../../../src/contract/index.ts';
import { emptyPeerForm, peerFormFrom, toCreateInput, toUpdateInput } from '../../../renderer/features/peers/peer-form.ts';
import { clickRow, headerState, isSelectable, routerMadeInterfaces, selectedPeers, toggleAllShown } from '../../../renderer/features/peers/selection.ts';
import { conflictKind, errorField, splitCommand, toActionError, trapInfo, type ActionError } from '../../../renderer/lib/action-error.ts';
import { decodeCsv } from '../../../renderer/features/peers/csv-file.ts';

function peer(over: Partial<ManagedPeer> & { id: string }): ManagedPeer {
  return {
    interface: 'wg-office',
    name: `p${over.id}`,
    comment: '',
    publicKey: `key-${over.id}`,
    allowedAddress: ['10.10.0.2/32'],
    endpoint: null,
    currentEndpoint: null,
    lastHandshakeMs: null,
    persistentKeepaliveSec: 25,
    rx: 0,
    tx: 0,
    disabled: false,
    dynamic: false,
    status: 'never-connected',
    hasPrivateKey: true,
    keyCustody: 'stored',
    readOnlyReason: null,
    vanishedAt: null,
    responder: true,
    client: { address: '10.10.0.2/32', dns: '', endpoint: '', keepaliveSec: 25, allowedAddress: '' },
    ...over,
  };
}

describe('add-peer form', () => {
  it('leaves an untouched address suggestion out, so main allocates at the moment of the change', () => {
    const values = { ...emptyPeerForm('wg-office'), name: ' ayşe-telefon ', dns: '1.1.1.1' };
    const checked = toCreateInput('r1', values);
    expect(checked).toEqual({
      ok: true,
      input: { routerId: 'r1', interface: 'wg-office', name: 'ayşe-telefon', custody: 'stored', presharedKey: false, persistentKeepaliveSec: 25, client: { dns: '1.1.1.1' } },
    });
  });

  it('sends an address the technician typed, and the own public key when the device made its key', () => {
    const values = { ...emptyPeerForm('wg-office'), name: 'cam', address: '10.10.0.50/32', addressEdited: true, ownKey: true, publicKey: ' abc= ', custody: 'shown-once' as const };
    const checked = toCreateInput('r1', values);
    expect(checked.ok && checked.input).toMatchObject({ allowedAddress: '10.10.0.50/32', publicKey: 'abc=', custody: 'shown-once' });
  });

  it('names the field of each problem, with the contract schema deciding the limits', () => {
    const checked = toCreateInput('r1', { ...emptyPeerForm('wg-office'), keepalive: 'abc', ownKey: true });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.name).toBe('required');
    expect(checked.errors.publicKey).toBe('required');
    expect(checked.errors.persistentKeepaliveSec).toMatch(/Keepalive/);
    const tooLong = toCreateInput('r1', { ...emptyPeerForm('wg-office'), name: 'x'.repeat(64) });
    expect(!tooLong.ok && tooLong.errors.name).toMatch(/too long/);
  });
});

describe('edit-peer form', () => {
  const p = peer({ id: '*A', comment: 'Satış', endpoint: null, client: { address: '10.10.0.2/32', dns: '9.9.9.9', endpoint: '', keepaliveSec: 25, allowedAddress: '' } });

  it('sends only what changed', () => {
    const original = peerFormFrom(p, true);
    expect(toUpdateInput('r1', p, original, original)).toBeNull();
    const changed = toUpdateInput('r1', p, original, { ...original, keepalive: '30', dns: '1.1.1.1' });
    expect(changed).toEqual({ ok: true, input: { routerId: 'r1', peerId: '*A', persistentKeepaliveSec: 30, client: { dns: '1.1.1.1' } } });
  });

  it('treats reformatted address lists as unchanged and an emptied endpoint as "clear"', () => {
    const site = peer({ id: '*B', allowedAddress: ['10.10.0.3/32', '192.168.5.0/24'], endpoint: '198.51.100.7:13231' });
    const original = peerFormFrom(site, true);
    expect(original.address).toBe('10.10.0.3/32, 192.168.5.0/24');
    expect(toUpdateInput('r1', site, original, { ...original, address: '10.10.0.3/32,192.168.5.0/24' })).toBeNull();
    const cleared = toUpdateInput('r1', site, original, { ...original, endpoint: ' ' });
    expect(cleared?.ok && cleared.input.endpoint).toBeNull();
  });

  it('puts the comment in the name field before RouterOS 7.15 (names live in comments there)', () => {
    const old = peer({ id: '*C', name: '', comment: 'kamera-giriş' });
    expect(peerFormFrom(old, false)).toMatchObject({ name: 'kamera-giriş', comment: '' });
  });

  it('asks for a preshared key action only when one is chosen', () => {
    const original = peerFormFrom(p, true);
    const result = toUpdateInput('r1', p, original, { ...original, pskAction: 'generate' });
    expect(result).toEqual({ ok: true, input: { routerId: 'r1', peerId: '*A', presharedKey: 'generate' } });
  });
});

describe('selection', () => {
  const rows = [peer({ id: '*1' }), peer({ id: '*2', dynamic: true }), peer({ id: '*3' }), peer({ id: '*4', vanishedAt: 1 }), peer({ id: '*5' })];

  it('never selects router-made or vanished peers', () => {
    expect(rows.map(isSelectable)).toEqual([true, false, true, false, true]);
    expect([...clickRow(new Set(), rows, 1, null, false)]).toEqual([]);
  });

  it('selects a range with shift, skipping what cannot be changed', () => {
    let s = clickRow(new Set(), rows, 0, null, false);
    s = clickRow(s, rows, 4, 0, true);
    expect([...s].sort()).toEqual(['*1', '*3', '*5']);
    expect(headerState(s, rows)).toBe('all');
    s = clickRow(s, rows, 2, 4, false);
    expect(headerState(s, rows)).toBe('some');
  });

  it('toggles every shown row from the header and keeps only existing, changeable peers', () => {
    const all = toggleAllShown(new Set(), rows);
    expect(all.size).toBe(3);
    expect(toggleAllShown(all, rows).size).toBe(0);
    expect(selectedPeers(new Set(['*1', '*2', '*9']), rows).map((p) => p.id)).toEqual(['*1']);
  });

  it('recognises router-made interfaces by their peers', () => {
    const bth = [...rows, peer({ id: '*6', interface: 'back-to-home-vpn', dynamic: true })];
    expect([...routerMadeInterfaces(bth)]).toEqual(['back-to-home-vpn']);
  });
});

describe('management errors and warnings', () => {
  it('takes the RouterOS command out of a firewall warning', () => {
    const message =
      'No firewall input rule accepts UDP port 13231 before rule 5 (drop), so clients on the internet cannot reach wg-office. Add an accept rule above it: /ip firewall filter add chain=input protocol=udp dst-port=13231 action=accept comment="WireGuard wg-office"';
    const { text, command } = splitCommand(message);
    expect(command).toBe('/ip firewall filter add chain=input protocol=udp dst-port=13231 action=accept comment="WireGuard wg-office"');
    expect(text.endsWith('Add an accept rule above it.')).toBe(true);
    expect(splitCommand('Only 3 of 6 addresses are left.')).toEqual({ text: 'Only 3 of 6 addresses are left.', command: null });
  });

  it('reads what was attempted, the router\'s words and the hint from a TRAP', () => {
    const error: ActionError = {
      code: 'TRAP',
      message: 'Adding peer "cam" to wg-office: the router said "failure: entry already exists". Another peer on this interface already has this public key; each device needs its own key pair.',
      details: { attempted: 'Adding peer "cam" to wg-office', command: '/interface/wireguard/peers/add', routerMessage: 'failure: entry already exists' },
    };
    expect(trapInfo(error)).toEqual({
      attempted: 'Adding peer "cam" to wg-office',
      command: '/interface/wireguard/peers/add',
      routerMessage: 'failure: entry already exists',
      hint: 'Another peer on this interface already has this public key; each device needs its own key pair.',
    });
  });

  it('keeps the code and details of an error from main, and marks anything else unknown', () => {
    const fromMain = Object.assign(new Error('Router offline'), { code: 'OFFLINE', details: { state: 'offline' } });
    expect(toActionError(fromMain)).toEqual({ code: 'OFFLINE', message: 'Router offline', details: { state: 'offline' } });
    expect(toActionError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toMatchObject({ code: 'UNKNOWN' });
    expect(toActionError('boom')).toEqual({ code: 'UNKNOWN', message: 'boom', details: undefined });
  });

  it('tells conflicts apart and finds the field of a validation error', () => {
    expect(conflictKind({ code: 'CONFLICT', message: '', details: { reason: 'pool-exhausted', subnet: '10.0.0.1/29' } })).toBe('pool-exhausted');
    expect(conflictKind({ code: 'CONFLICT', message: '', details: { readOnly: 'dynamic' } })).toBe('read-only');
    expect(conflictKind({ code: 'TRAP', message: '', details: undefined })).toBeNull();
    expect(errorField({ code: 'VALIDATION', message: '', details: { field: 'allowedAddress' } })).toBe('allowedAddress');
    expect(errorField({ code: 'TRAP', message: '', details: { field: 'x' } })).toBeNull();
  });
});

describe('CSV files', () => {
  it('reads UTF-8 (dropping the BOM) and falls back to Windows-1254 for Turkish Excel files', () => {
    const utf8 = new TextEncoder().encode('\uFEFFname\nŞube İzmir\n');
    expect(decodeCsv(utf8.buffer)).toEqual({ text: 'name\nŞube İzmir\n', encoding: 'utf-8' });
    // "Şube" in Windows-1254: Ş = 0xDE.
    const cp1254 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xde, 0x75, 0x62, 0x65]);
    expect(decodeCsv(cp1254.buffer)).toEqual({ text: 'name\nŞube', encoding: 'windows-1254' });
  });
});
