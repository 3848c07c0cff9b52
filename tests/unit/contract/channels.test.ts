import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, eventContract, invokeContract } from '../../../src/contract/index.ts';

const router = {
  id: 'r1', name: 'Office', host: '192.168.88.1', port: 8728, transport: 'api', username: 'admin',
  tlsFingerprint: null, allowAnonymousTls: false, identity: 'MikroTik', version: '7.18.2 (stable)', board: 'hAP ax3', isDemo: false,
};
const status = { routerId: 'r1', state: 'online', message: null, since: 1, lastError: null, nextRetryAt: null, lastSeenAt: 2 };
const draft = { name: 'Office', host: '192.168.88.1', port: 8728, transport: 'api', username: 'admin', password: 'pw' };
const PLAN_ID = '0b5e3a52-2c1f-4a8e-9d5b-6f3c2a1e7d90';
const item = { type: 'peer', key: 'A'.repeat(43) + '=', label: 'ali' };
const plan = {
  planId: PLAN_ID, routerId: 'r1', kind: 'peer.disable', commands: ['/interface wireguard peers set *2 disabled=yes'],
  diff: [{ item, change: 'edit', before: { disabled: 'no' }, after: { disabled: 'yes' } }], warnings: [],
  verify: [{ item: 'ali', fields: ['disabled'] }], rollback: { delaySec: 60, script: ['/system scheduler remove [find name=wiredesk-undo-0b5e3a52]'] },
  tunnelCheck: { seconds: 30, peers: [{ key: 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=', label: 'ali' }] }, expiresAt: 600_000,
};
const report = {
  planId: PLAN_ID, outcome: 'applied', steps: [{ cli: plan.commands[0], item, state: 'done', error: null }], differences: [], backupId: 1,
  rollback: { state: 'removed', name: 'wiredesk-undo-0b5e3a52', runsAt: null }, safeMode: 'used',
};
const settings = { theme: 'system', language: 'tr', pollIntervalSec: 5, onlineThresholdSec: 180, notifications: true, skipPreviewForSinglePeer: false, rollbackDelaySec: 60 };
const iface = { id: '*1', name: 'wg0', running: true, disabled: false, listenPort: 13231, mtu: 1420, publicKey: 'k', comment: '', addresses: ['10.0.0.1/24'], dynamic: false, peerCount: 2, onlinePeerCount: 1, firewall: { state: 'closed', blockedBy: { id: '*4', action: 'drop', comment: 'defconf: drop all not coming from LAN' } } };
const peer = {
  id: '*2', interface: 'wg0', name: 'phone', comment: '', publicKey: 'k', allowedAddress: ['10.0.0.2/32'], endpoint: null,
  currentEndpoint: '203.0.113.5:51820', lastHandshakeMs: 42_000, persistentKeepaliveSec: 25, rx: 1, tx: 2, disabled: false, dynamic: false, status: 'online',
};
const health = { identity: 'R', version: '7.18', board: 'b', architecture: 'arm64', cpuLoad: 3, cpuCount: 4, freeMemory: 1, totalMemory: 2, uptimeMs: 3, readAt: 4 };

const KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const managed = {
  ...peer, hasPrivateKey: true, keyCustody: 'stored', readOnlyReason: null, vanishedAt: null, responder: true,
  client: { address: '10.0.0.2/32', dns: '', endpoint: 'vpn.example.com', keepaliveSec: 25, allowedAddress: '0.0.0.0/0,::/0' },
};
const managedIface = { ...iface, dynamic: false };
const warning = { code: 'FIREWALL_CLOSED', message: 'No firewall input rule accepts UDP port 13231.' };
const secret = { privateKey: KEY, presharedKey: null, config: '[Interface]\n', qr: null, configProblem: null, custody: 'shown-once' };
const summary = { jobId: 'j1', interface: 'wg0', sourceName: 'peers.csv', status: 'running', counts: { pending: 3, applied: 197, failed: 0, skipped: 3 }, createdAt: 1 };
const importResult = { ...summary, interruption: null, rows: [{ rowNumber: 2, name: 'ali', address: '10.0.0.2/32', state: 'applied', error: null }] };
const auditEntry = { id: 1, at: 2, routerId: 'r1', routerName: 'Office', action: 'create', objectType: 'peer', objectId: '*1', objectName: 'ali', before: null, after: { name: 'ali' }, outcome: 'ok', error: null, planId: '0c8e2d3b-1a4f-4b6c-8d9e-7f1a2b3c4d5e', resolution: null, resolvedAt: null };
const reservation = { routerId: 'r1', interface: 'wg0', address: '10.0.0.50/32', note: '', createdAt: 1 };
const endpoint = { host: 'vpn.example.com', port: 13231, updatedAt: 1 };
const routes = { routes: ['10.10.0.0/24', 'fd12:3456:789a:1::/64', '192.168.88.0/24'], updatedAt: 1 };
const pool = { subnet: '10.0.0.1/24', usable: 253, used: 3, free: 250 };
const byIface = { routerId: 'r1', interface: 'wg0' };
const suggestion = { host: 'abc123.sn.mynetname.net', port: 13231, source: 'ddns', warnings: [{ code: 'ENDPOINT_NOT_SAVED', message: 'x' }] };
const lan = { network: '192.168.88.0/24', address: '192.168.88.1/24', interface: 'bridge', comment: 'defconf', private: true };
const configOut = {
  peerId: '*2', peerName: 'phone', interface: 'wg0', text: '[Interface]\n', fileName: 'phone.conf', qrDataUrl: null, preset: 'full', allowedIps: ['0.0.0.0/0', '::/0'], dns: [],
  endpoint: { host: 'vpn.example.com', port: 13231, source: 'remembered' }, hasPresharedKey: false, warnings: [], endpointSuggestion: suggestion, lanOptions: [lan],
};
const sitesIn = { a: { routerId: 'r1', interface: 'wg-site', lans: '192.168.88.0/24' }, b: { routerId: 'r2', interface: 'wg-site', endpoint: null } };
const sideOut = {
  routerId: 'r1', routerName: 'Office', interface: 'wg-site', publicKey: KEY, listenPort: 13231, tunnelAddress: '10.255.0.1/24', lanOptions: [lan], lans: ['192.168.88.0/24'],
  endpoint: { host: 'vpn.example.com', port: 13231, source: 'request' }, endpointSuggestion: suggestion,
  peer: { name: 'site-Branch', publicKey: KEY, allowedAddress: ['10.255.0.2/32'], endpoint: null, keepaliveSec: 25 }, routes: [{ dstAddress: '192.168.20.0/24', gateway: 'wg-site' }],
};
const sitesPreview = { a: sideOut, b: { ...sideOut, routerId: 'r2' }, problems: [], warnings: [], ready: true };

// One valid and one invalid example per channel: adding a channel without examples fails this test.
const invokeExamples: Record<string, { validIn: unknown; invalidIn: unknown; validOut: unknown; invalidOut: unknown }> = {
  'app:info': { validIn: undefined, invalidIn: { x: 1 }, validOut: { version: '1', platform: 'linux', keychain: { ok: true, message: null }, dataDirectory: '/d' }, invalidOut: { version: 1 } },
  'settings:get': { validIn: undefined, invalidIn: 'x', validOut: settings, invalidOut: { ...settings, theme: 'pink' } },
  'settings:update': { validIn: { pollIntervalSec: 10 }, invalidIn: { pollIntervalSec: 1 }, validOut: settings, invalidOut: { ...settings, pollIntervalSec: 0 } },
  'routers:list': { validIn: undefined, invalidIn: 5, validOut: [{ profile: router, status }], invalidOut: [{ profile: router }] },
  'routers:test': { validIn: draft, invalidIn: { ...draft, port: 70000 }, validOut: { identity: 'R', version: '7.18', board: 'b', tls: null, warnings: [] }, invalidOut: { identity: 'R' } },
  'routers:add': { validIn: draft, invalidIn: { ...draft, host: 'not a host!' }, validOut: router, invalidOut: { ...router, transport: 'ssh' } },
  'routers:update': { validIn: { id: 'r1', name: 'New' }, invalidIn: { name: 'New' }, validOut: router, invalidOut: {} },
  'routers:remove': { validIn: { id: 'r1' }, invalidIn: {}, validOut: { removed: true }, invalidOut: { removed: false } },
  'routers:reconnect': { validIn: { id: 'r1' }, invalidIn: { id: 3 }, validOut: status, invalidOut: { ...status, state: 'great' } },
  'routers:startDemo': { validIn: undefined, invalidIn: { port: 1 }, validOut: router, invalidOut: null },
  'interfaces:list': { validIn: { routerId: 'r1' }, invalidIn: {}, validOut: { source: 'live', seenAt: 1, unknown: [{ part: 'dynamic', code: 'REFUSED', message: 'not enough permissions (9)', command: '/interface/print' }], rows: [iface] }, invalidOut: { source: 'guess', seenAt: 1, unknown: [], rows: [] } },
  'peers:list': { validIn: { routerId: 'r1' }, invalidIn: { routerId: '' }, validOut: { source: 'cache', seenAt: null, unknown: [], rows: [peer] }, invalidOut: { source: 'live', seenAt: 1, unknown: [{ part: 'vpn', code: 'REFUSED', message: '', command: '' }], rows: [peer] } },
  'peers:counters': {
    validIn: { routerId: 'r1' }, invalidIn: { routerId: '' },
    validOut: { source: 'live', seenAt: 5, ids: ['*1', '*2'], rx: [10, 0], tx: [20, 0], lastHandshakeMs: [3_000, null], currentEndpoint: ['198.51.100.7:51820', null] },
    invalidOut: { source: 'live', seenAt: 5, ids: ['*1'], rx: ['10'], tx: [20], lastHandshakeMs: [null], currentEndpoint: [null] },
  },
  'router:health': { validIn: { routerId: 'r1' }, invalidIn: null, validOut: health, invalidOut: { ...health, cpuLoad: 'high' } },
  'interfaces:create': {
    validIn: { routerId: 'r1', name: 'wg-clients', listenPort: 13232, address: '10.20.0.1/24' }, invalidIn: { routerId: 'r1', name: 'wg', listenPort: 70000 },
    validOut: { interface: managedIface, warnings: [warning] }, invalidOut: { interface: { ...iface, dynamic: 'no' }, warnings: [] },
  },
  'interfaces:update': {
    validIn: { routerId: 'r1', interfaceId: '*1', mtu: 1420 }, invalidIn: { routerId: 'r1', interfaceId: '*1', mtu: 500 },
    validOut: { interface: managedIface, warnings: [] }, invalidOut: { interface: managedIface, warnings: [{ code: 'NOPE', message: 'x' }] },
  },
  'interfaces:setDisabled': {
    validIn: { routerId: 'r1', interfaceId: '*1', disabled: true }, invalidIn: { routerId: 'r1', interfaceId: 'wg0', disabled: true },
    validOut: { interface: managedIface, warnings: [] }, invalidOut: { warnings: [] },
  },
  'setup:propose': {
    validIn: { routerId: 'r1' }, invalidIn: {},
    validOut: { name: 'wg-clients', listenPort: 13231, address: '10.10.0.1/24', address6: 'fd12:3456:789a:1::1/64', firewall: { state: 'open', blockedBy: null }, nat: { state: 'covered', rule: 'defconf: masquerade', canAdd: false }, lans: [{ network: '192.168.88.0/24', address: '192.168.88.1/24', interface: 'bridge', comment: 'defconf', private: true }], cloud: { ddnsEnabled: false, dnsName: null, publicAddress: null } }, invalidOut: { name: 'wg-clients', listenPort: '13231' },
  },
  'peers:diagnose': {
    validIn: { routerId: 'r1', peerId: '*2' }, invalidIn: { routerId: 'r1', peerId: 'ali' },
    validOut: { peerId: '*2', status: 'never-connected', causes: [{ code: 'port-closed', params: { port: 13231, rule: 'defconf: drop all not coming from LAN' }, fix: { kind: 'interface.openPort', input: { routerId: 'r1', interfaceId: '*1' } } }] },
    invalidOut: { peerId: '*2', status: 'never-connected', causes: [{ code: 'cosmic-rays', params: {}, fix: null }] },
  },
  'router:enableNtp': {
    validIn: { routerId: 'r1', planId: PLAN_ID }, invalidIn: { routerId: 'r1', planId: 'later' },
    validOut: { report }, invalidOut: {},
  },
  'interfaces:openPort': {
    validIn: { routerId: 'r1', interfaceId: '*1', planId: PLAN_ID }, invalidIn: { routerId: 'r1', interfaceId: 'wg0' },
    validOut: { interface: managedIface, warnings: [], report }, invalidOut: { interface: managedIface },
  },
  'interfaces:addAddress': {
    validIn: { routerId: 'r1', interfaceId: '*1', address: '10.77.0.1/24', planId: PLAN_ID }, invalidIn: { routerId: 'r1', interfaceId: '*1', address: 24 },
    validOut: { interface: managedIface, warnings: [], report }, invalidOut: { interface: managedIface },
  },
  'interfaces:deletePreview': {
    validIn: { routerId: 'r1', interfaceId: '*1' }, invalidIn: { routerId: 'r1' },
    validOut: { interface: managedIface, addresses: ['10.0.0.1/24'], peers: [{ id: '*2', name: 'ali', publicKey: KEY, allowedAddress: ['10.0.0.2/32'], hasPrivateKey: false }], confirmName: 'wg0', plan },
    invalidOut: { interface: managedIface, addresses: [], peers: [{ id: '*2' }], confirmName: 'wg0' },
  },
  'interfaces:delete': {
    validIn: { routerId: 'r1', interfaceId: '*1', confirmName: 'wg0' }, invalidIn: { routerId: 'r1', interfaceId: '*1' },
    validOut: { deleted: true, removedPeers: 2, removedAddresses: 1 }, invalidOut: { deleted: false, removedPeers: 2, removedAddresses: 1 },
  },
  'peers:listManaged': {
    validIn: { routerId: 'r1' }, invalidIn: {},
    validOut: { source: 'live', seenAt: 1, unknown: [], rows: [managed, { ...managed, client: null, keyCustody: null, vanishedAt: 5 }] }, invalidOut: { source: 'live', seenAt: 1, unknown: [], rows: [peer] },
  },
  'peers:create': {
    validIn: { ...byIface, name: 'ali-phone' }, invalidIn: { ...byIface, name: 'ali', custody: 'forever' },
    validOut: { peer: managed, warnings: [], secret }, invalidOut: { peer: managed, warnings: [], secret: { privateKey: KEY } },
  },
  'peers:update': {
    validIn: { routerId: 'r1', peerId: '*2', endpoint: null, presharedKey: 'generate' }, invalidIn: { routerId: 'r1', peerId: '*2', persistentKeepaliveSec: -1 },
    validOut: { peer: managed, warnings: [], secret: null }, invalidOut: { peer: managed, warnings: [] },
  },
  'peers:setDisabled': { validIn: { routerId: 'r1', peerId: '*2', disabled: false }, invalidIn: { routerId: 'r1', peerId: '*2', disabled: 'no' }, validOut: { peer: managed }, invalidOut: { peer: peer } },
  'peers:delete': { validIn: { routerId: 'r1', peerId: '*2' }, invalidIn: { routerId: 'r1', peerId: '2' }, validOut: { deleted: true, peerId: '*2', report }, invalidOut: { deleted: true } },
  'changes:history': {
    validIn: { routerId: 'r1' }, invalidIn: {},
    validOut: [{ planId: PLAN_ID, kind: 'peer.disable', title: 'Disable peer "ali"', subject: { code: 'peer.disable', params: { name: 'ali' } }, state: 'applied', createdAt: 1, backupId: 1, commands: plan.commands, undoable: true, undoProblem: null }],
    invalidOut: [{ planId: PLAN_ID, state: 'done' }],
  },
  'changes:tunnelCheck': { validIn: { routerId: 'r1', planId: PLAN_ID, on: true }, invalidIn: { routerId: 'r1', planId: PLAN_ID }, validOut: { on: true }, invalidOut: { on: 'yes' } },
  'changes:undo': { validIn: { routerId: 'r1', planId: PLAN_ID, previewId: PLAN_ID }, invalidIn: { routerId: 'r1', planId: 'last' }, validOut: { report }, invalidOut: { report: { ...report, outcome: 'maybe' } } },
  'backups:list': {
    validIn: { routerId: 'r1' }, invalidIn: { routerId: 5 },
    validOut: [{ id: 1, takenAt: 1, title: 'Disable peer "ali"', subject: null, planId: PLAN_ID, counts: { interfaces: 1, peers: 3, addresses: 1, firewall: 1, routes: 0 } }],
    invalidOut: [{ id: 1, title: 'x' }],
  },
  'backups:get': {
    validIn: { routerId: 'r1', backupId: 1 }, invalidIn: { routerId: 'r1', backupId: 0 },
    validOut: { id: 1, takenAt: 1, title: 'x', subject: { code: 'change.undo', params: {}, of: { code: 'peer.create', params: { name: 'ali', interface: 'wg1' } } }, planId: PLAN_ID, counts: { interfaces: 1, peers: 3, addresses: 1, firewall: 1, routes: 1 }, rsc: '# WireDesk backup' }, invalidOut: { id: 1, rsc: 5 },
  },
  'backups:diff': { validIn: { routerId: 'r1', from: 1, to: null }, invalidIn: { routerId: 'r1', from: 1 }, validOut: { diff: plan.diff }, invalidOut: { diff: [{ change: 'moved' }] } },
  'backups:restore': { validIn: { routerId: 'r1', backupId: 2, planId: PLAN_ID }, invalidIn: { routerId: 'r1', backupId: -1 }, validOut: { report }, invalidOut: {} },
  'changes:preview': {
    validIn: { kind: 'peer.setDisabled', input: { routerId: 'r1', peerId: '*2', disabled: true } },
    invalidIn: { kind: 'peer.reboot', input: { routerId: 'r1' } },
    validOut: plan,
    invalidOut: { ...plan, kind: 'router.format' },
  },
  'peers:rotateKeys': {
    validIn: { routerId: 'r1', peerId: '*2', custody: 'shown-once' }, invalidIn: { routerId: 'r1', peerId: '*2', custody: 'maybe' },
    validOut: { peer: managed, warnings: [], secret }, invalidOut: { peer: managed, warnings: [], secret: { ...secret, custody: 'kept' } },
  },
  'peers:revealHeldKey': {
    validIn: { routerId: 'r1', peerId: '*2' }, invalidIn: { routerId: 'r1', peerId: '2' },
    validOut: { peer: managed, secret: { ...secret, custody: 'held' } }, invalidOut: { peer: managed, secret: null },
  },
  'peers:bulk': {
    validIn: { routerId: 'r1', action: 'disable', peerIds: ['*2', '*3'] }, invalidIn: { routerId: 'r1', action: 'disable', peerIds: [] },
    validOut: { operationId: 'op', total: 2, succeeded: 1, failed: 1, results: [{ peerId: '*2', name: 'ali', ok: true, error: null }, { peerId: '*3', name: 'bth', ok: false, error: 'read-only' }] },
    invalidOut: { operationId: 'op', total: 1, succeeded: 1, failed: 0, results: [{ peerId: '*2', ok: true }] },
  },
  'peers:nextAddress': { validIn: byIface, invalidIn: { routerId: 'r1', interface: '' }, validOut: { addresses: ['10.0.0.3/32'], pools: [pool] }, invalidOut: { addresses: '10.0.0.3/32', pools: [] } },
  'peers:precheck': {
    validIn: byIface, invalidIn: { interface: 'wg0' },
    validOut: { warnings: [warning], nextAddress: null, nextAddressProblem: 'The pool is full.', pools: [pool], suggestedDns: ['10.10.0.1'] },
    invalidOut: { warnings: [], nextAddress: null, pools: [] },
  },
  'peers:exportCsv': { validIn: { routerId: 'r1', delimiter: ';' }, invalidIn: { routerId: 'r1', delimiter: '|' }, validOut: { fileName: 'a.csv', csv: 'name\r\n', rows: 0 }, invalidOut: { fileName: 'a.csv' } },
  'peers:importPreview': {
    validIn: { ...byIface, csv: 'name\nali\n' }, invalidIn: { ...byIface },
    validOut: { rows: [{ rowNumber: 2, name: 'ali', address: '10.0.0.2/32', errors: [], warnings: [] }], fileWarnings: [], valid: 1, invalid: 0 },
    invalidOut: { rows: [{ rowNumber: 2, name: 'ali' }], fileWarnings: [], valid: 1, invalid: 0 },
  },
  'peers:importApply': { validIn: { ...byIface, csv: 'name\nali\n', sourceName: 'p.csv' }, invalidIn: { ...byIface, csv: 5 }, validOut: importResult, invalidOut: { ...importResult, status: 'half' } },
  'peers:importResume': { validIn: { routerId: 'r1', jobId: 'j1' }, invalidIn: { routerId: 'r1', jobId: '' }, validOut: { ...importResult, interruption: { code: 'CONNECTION_LOST', message: 'lost' } }, invalidOut: { ...importResult, rows: [{ state: 'done' }] } },
  'peers:importJobs': { validIn: { routerId: 'r1' }, invalidIn: { jobId: 'j1' }, validOut: [summary], invalidOut: [{ ...summary, counts: null }] },
  'peers:importCancel': { validIn: { routerId: 'r1', jobId: 'j1' }, invalidIn: { routerId: 'r1' }, validOut: { ...summary, status: 'cancelled' }, invalidOut: { ...summary, createdAt: 'today' } },
  'audit:list': {
    validIn: { routerId: 'r1', actions: ['create', 'rotate-keys'], text: 'ali', limit: 50 }, invalidIn: { actions: ['explode'] },
    validOut: { entries: [auditEntry], total: 1 }, invalidOut: { entries: [{ ...auditEntry, outcome: 'meh' }], total: 1 },
  },
  'reservations:list': { validIn: { routerId: 'r1' }, invalidIn: { routerId: 'r1', interface: '' }, validOut: [reservation], invalidOut: [{ address: '10.0.0.50/32' }] },
  'reservations:reserve': { validIn: { ...byIface, address: '10.0.0.50' }, invalidIn: { ...byIface, address: '' }, validOut: reservation, invalidOut: { ...reservation, createdAt: null } },
  'reservations:release': { validIn: { ...byIface, address: '10.0.0.50' }, invalidIn: { ...byIface }, validOut: { released: true }, invalidOut: { released: 'yes' } },
  'endpoints:get': { validIn: byIface, invalidIn: { routerId: 'r1' }, validOut: null, invalidOut: { host: 'vpn.example.com' } },
  'endpoints:set': { validIn: { ...byIface, host: 'vpn.example.com', port: 13231 }, invalidIn: { ...byIface, host: 'vpn.example.com', port: 0 }, validOut: endpoint, invalidOut: { ...endpoint, port: '13231' } },
  'endpoints:clear': { validIn: byIface, invalidIn: null, validOut: { cleared: false }, invalidOut: {} },
  'clientRoutes:get': { validIn: byIface, invalidIn: { routerId: 'r1' }, validOut: routes, invalidOut: { routes: '10.10.0.0/24', updatedAt: 1 } },
  'clientRoutes:set': { validIn: { ...byIface, routes: routes.routes }, invalidIn: { ...byIface, routes: ['192.168.88.0'] }, validOut: routes, invalidOut: { updatedAt: 1 } },
  'clientRoutes:clear': { validIn: byIface, invalidIn: { interface: 'wg0' }, validOut: { cleared: true }, invalidOut: { cleared: 1 } },
  'configs:get': {
    validIn: { routerId: 'r1', peerId: '*2', preset: 'split', lans: ['192.168.88.0/24'], dns: '1.1.1.1', endpoint: 'vpn.example.com:13231' },
    invalidIn: { routerId: 'r1', peerId: '*2', preset: 'half' },
    validOut: configOut, invalidOut: { ...configOut, warnings: [{ code: 'NOPE', message: 'x' }] },
  },
  'configs:export': {
    validIn: { routerId: 'r1', peerIds: ['*2', '*3', '*4'], kind: 'zip' }, invalidIn: { routerId: 'r1', peerIds: ['*2', '*3'], kind: 'conf' },
    validOut: { fileName: 'Office-configs.zip', mimeType: 'application/zip', base64: 'UEsDBA==', count: 2, skipped: [{ peerId: '*4', name: 'tv', reason: 'NO_PRIVATE_KEY', message: 'x' }], warnings: [] },
    invalidOut: { fileName: 'a.conf', mimeType: 'application/octet-stream', base64: '', count: 1, skipped: [{ peerId: '*4', name: 'tv', reason: 'LOST', message: 'x' }], warnings: [] },
  },
  'configs:saved': {
    validIn: { routerId: 'r1', peerId: '*2', how: 'conf', fileName: 'kasa-01.conf' }, invalidIn: { routerId: 'r1', peerId: '*2', how: 'print', fileName: null },
    validOut: { recorded: true }, invalidOut: {},
  },
  'endpoints:suggest': { validIn: byIface, invalidIn: { routerId: 'r1', interface: '' }, validOut: suggestion, invalidOut: { ...suggestion, source: 'guess' } },
  'sites:preview': { validIn: sitesIn, invalidIn: { a: sitesIn.a }, validOut: sitesPreview, invalidOut: { ...sitesPreview, problems: [{ code: 'BAD', message: 'x' }] } },
  'sites:connect': {
    validIn: sitesIn, invalidIn: { ...sitesIn, b: { ...sitesIn.b, peerName: 'x'.repeat(64) } },
    validOut: { outcome: 'rolled-back', error: { code: 'TRAP', message: 'x' }, steps: [{ routerId: 'r2', routerName: 'Branch', action: 'add-route', object: '192.168.20.0/24 via wg-site', outcome: 'failed', message: 'x' }], preview: sitesPreview },
    invalidOut: { outcome: 'half-done', error: null, steps: [], preview: sitesPreview },
  },
  'traffic:series': {
    validIn: { routerId: 'r1', interface: 'wg0', publicKey: KEY, range: '24h' }, invalidIn: { routerId: 'r1', interface: 'wg0', range: '2h' },
    validOut: { resolution: 'minute', stepMs: 60_000, from: 0, to: 60_000, points: [{ t: 0, rx: 8000, tx: null }], totals: { rx: 1, tx: 2, coveredMs: 60_000 } },
    invalidOut: { resolution: 'second', stepMs: null, from: 0, to: 1, points: [], totals: { rx: 0, tx: 0, coveredMs: 0 } },
  },
  'traffic:topTalkers': {
    validIn: { routerId: 'r1', range: '7d', limit: 5 }, invalidIn: { routerId: 'r1', range: '7d', limit: 0 },
    validOut: [{ interface: 'wg0', publicKey: KEY, name: 'phone', comment: '', rx: 1, tx: 2, total: 3 }], invalidOut: [{ interface: 'wg0', publicKey: KEY }],
  },
  'traffic:usageCsv': { validIn: { routerId: 'r1', range: '30d', delimiter: ';' }, invalidIn: { routerId: 'r1', range: '30d', delimiter: '|' }, validOut: { fileName: 'u.csv', csv: 'a,b' }, invalidOut: { fileName: 'u.csv' } },
  'traffic:events': {
    validIn: { routerId: 'r1' }, invalidIn: { routerId: 'r1', limit: 5000 },
    validOut: [{ id: 1, kind: 'peer', routerId: 'r1', interface: 'wg0', publicKey: KEY, name: 'phone', from: 'online', to: 'offline', at: 5, detail: null }],
    invalidOut: [{ id: 1, kind: 'satellite', routerId: 'r1', interface: null, publicKey: null, name: null, from: 'a', to: 'b', at: 5, detail: null }],
  },
  'peers:ping': {
    validIn: { routerId: 'r1', address: '10.10.0.3', count: 3 }, invalidIn: { routerId: 'r1', address: 'phone.example.com' },
    validOut: { address: '10.10.0.3', sent: 3, received: 2, lossPercent: 33, minMs: 20.1, avgMs: 21, maxMs: 22, replies: [{ seq: 0, timeMs: 20.1, status: null }] },
    invalidOut: { address: '10.10.0.3', sent: 3 },
  },
  'monitor:setWatched': { validIn: { routerId: 'r1', interface: 'wg0', publicKey: KEY, watched: true }, invalidIn: { routerId: 'r1', interface: 'wg0', publicKey: 'short', watched: true }, validOut: { peers: [{ interface: 'wg0', publicKey: KEY }] }, invalidOut: { peers: 'all' } },
  'monitor:watched': { validIn: { routerId: 'r1' }, invalidIn: {}, validOut: { peers: [] }, invalidOut: null },
};

describe('IPC contract', () => {
  it('has examples for every invoke channel', () => {
    expect(Object.keys(invokeExamples).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel}: accepts valid and rejects invalid payloads`, () => {
      const ex = invokeExamples[channel]!;
      const schema = invokeContract[channel];
      expect(schema.input.safeParse(ex.validIn).success).toBe(true);
      expect(schema.input.safeParse(ex.invalidIn).success).toBe(false);
      expect(schema.output.safeParse(ex.validOut).success).toBe(true);
      expect(schema.output.safeParse(ex.invalidOut).success).toBe(false);
    });
  }

  it('strips fields outside the contract from outputs (a password can never ride along)', () => {
    const parsed = invokeContract['routers:add'].output.parse({ ...router, password: 'secret' });
    expect(parsed).not.toHaveProperty('password');
  });

  it('keeps secrets out of list rows: a private key passed along by mistake is stripped', () => {
    const parsed = invokeContract['peers:listManaged'].output.parse({ source: 'live', seenAt: 1, unknown: [], rows: [{ ...managed, privateKey: KEY, presharedKey: KEY }] });
    expect(JSON.stringify(parsed)).not.toContain(KEY);
  });

  it('explains bad peer and interface input in words a technician can act on', () => {
    const peerRes = invokeContract['peers:create'].input.safeParse({ ...byIface, name: 'ali', persistentKeepaliveSec: 99999 });
    expect(peerRes.error!.issues[0]!.message).toMatch(/0 \(off\).*25 suits clients behind NAT/);
    const ifaceRes = invokeContract['interfaces:create'].input.safeParse({ routerId: 'r1', name: '', mtu: 1000 });
    const messages = ifaceRes.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/Name the WireGuard interface/);
    expect(messages).toMatch(/at least 1280/);
  });

  it('takes client routes as a short list of CIDRs, IPv4 and IPv6, and says what a bad one lacks', () => {
    const set = invokeContract['clientRoutes:set'].input;
    expect(set.safeParse({ ...byIface, routes: ['10.10.0.0/24', '::/0'] }).success).toBe(true);
    expect(set.safeParse({ ...byIface, routes: ['10.10.0.0/24', 'office-lan'] }).error!.issues[0]).toMatchObject({ path: ['routes', 1], message: expect.stringMatching(/address and prefix, like 192\.168\.88\.0\/24/) });
    expect(set.safeParse({ ...byIface, routes: [] }).error!.issues[0]!.message).toMatch(/at least one network.*full tunnel/);
    expect(set.safeParse({ ...byIface, routes: Array.from({ length: 65 }, (_, i) => `10.${i}.0.0/16`) }).error!.issues[0]!.message).toMatch(/At most 64/);
    const wizard = invokeContract['interfaces:create'].input;
    expect(wizard.safeParse({ routerId: 'r1', name: 'wg-clients', clientRoutes: ['10.10.0.0/24', '192.168.88.0/24'] }).success).toBe(true);
    expect(wizard.safeParse({ routerId: 'r1', name: 'wg-clients', clientRoutes: '10.10.0.0/24' }).success).toBe(false);
  });

  it('explains bad router input in words a technician can act on', () => {
    const res = invokeContract['routers:add'].input.safeParse({ ...draft, host: 'my router', port: 0 });
    expect(res.success).toBe(false);
    const messages = res.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/IPv4 address .* or a host name/);
    expect(messages).toMatch(/from 1 to 65535/);
  });

  const eventExamples: Record<string, { valid: unknown; invalid: unknown }> = {
    'router:status': { valid: status, invalid: { ...status, since: 'now' } },
    'routers:changed': { valid: { reason: 'added', id: 'r1' }, invalid: { reason: 'exploded', id: 'r1' } },
    'settings:changed': { valid: settings, invalid: { ...settings, language: 'xx' } },
    'changes:rollback': { valid: { routerId: 'r1', planId: PLAN_ID, subject: { code: 'peer.disable', params: { name: 'ali' } }, title: 'Disable peer "ali"', state: 'pending', runsAt: 60_000 }, invalid: { routerId: 'r1', planId: PLAN_ID, subject: { code: 'peer.explode', params: {} }, title: '', state: 'pending', runsAt: null } },
    'model:changed': { valid: { routerId: 'r1', changes: ['peers', 'counters'] }, invalid: { routerId: 'r1', changes: ['weather'] } },
    'bulk:progress': { valid: { operationId: 'op', routerId: 'r1', action: 'delete', done: 3, total: 10, failed: 1 }, invalid: { operationId: 'op', done: 3 } },
    'monitor:event': {
      valid: { kind: 'router', routerId: 'r1', interface: null, publicKey: null, name: null, from: 'reachable', to: 'unreachable', at: 9, detail: 'timeout' },
      invalid: { kind: 'router', routerId: 'r1', at: 'later' },
    },
    'import:progress': { valid: { jobId: 'j1', routerId: 'r1', done: 100, total: 200, applied: 97, failed: 0, skipped: 3 }, invalid: { jobId: 'j1', routerId: 'r1', done: 'half' } },
  };

  for (const event of EVENT_CHANNELS) {
    it(`event ${event}: accepts valid and rejects invalid payloads`, () => {
      const ex = eventExamples[event]!;
      expect(eventContract[event].safeParse(ex.valid).success).toBe(true);
      expect(eventContract[event].safeParse(ex.invalid).success).toBe(false);
    });
  }
});
