// The fault matrix of issue 12: for each kind of change, the connection drops right after the router ran one
// of the plan's commands and before its answer reached WireDesk (the simulator's loseReplyOf), once per
// command the plan sends. Whatever the command, when the router answers again WireDesk finds out what stands,
// and then the router, the model (what screens show), the change journal, the activity log and what the UI was
// told all agree; a retry never duplicates; a key that was to be shown once is never lost.
//
// The commands of each kind are taken from one fault-free run of it (the command log), so a new step in a plan
// is covered without touching this file. Safe Mode (7.18) unrolls a dropped session, so there most losses end
// "not applied"; on 7.17 only the router's rollback entry guards the change, and a lost answer to the last
// step leaves a change that stands ("applied", told so after the reconnect).
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/contract/index.ts';
import { publicKeyFromPrivate } from '../../../src/domain/index.ts';
import type { ReceivedCommand } from '../../../main/sim/server/command-log.ts';
import { managedRouter, tableRows, type Managed } from '../management/support.ts';
import { statusWhere } from '../services/support.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: AppError };

interface Kind {
  readonly name: string;
  readonly version: string;
  /** What change i works on (a peer to edit, ...), made before the fault is armed. */
  setup?(m: Managed, i: number): Promise<void>;
  /** Makes change number i (each case its own, so one case's outcome does not decide the next). */
  run(m: Managed, i: number): Promise<Outcome>;
  /** Whether change i is on the router. */
  onRouter(m: Managed, i: number): boolean;
  /** Whether what WireDesk's screens show has change i. */
  inModel(m: Managed, i: number): Promise<boolean>;
  /** Whether a successful answer still reports a failure (a bulk action's failed items). */
  failed?(value: unknown): boolean;
  /** More to hold once the case is found out (the private keys made for it). */
  after?(m: Managed, i: number, truth: boolean, result: Outcome, where: string): Promise<void>;
  /** Where the activity log is written once the rows are settled (an import's resume), not per plan. */
  auditAfterRetry?(m: Managed, i: number, where: string): Promise<void>;
  /** A retry of change i (default: run it again). */
  retry?(m: Managed, i: number): Promise<Outcome>;
  /** How many items change i made on the router (a retry must not make it two). */
  copies?(m: Managed, i: number): number;
}

const IFACES = '/interface/wireguard';

async function outcome(work: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error: error as AppError };
  }
}

const peerNamed = (m: Managed, name: string) => m.rows().filter((r) => r['name'] === name);
const listed = async (m: Managed) => (await m.call('peers:listManaged', { routerId: m.routerId })).rows;

const peerAdd = (version: string, custody: 'stored' | 'shown-once'): Kind => ({
  name: `peer add (${custody}, ${version})`,
  version,
  run: (m, i) => outcome(m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: `lost-${i}`, custody })),
  onRouter: (m, i) => peerNamed(m, `lost-${i}`).length > 0,
  inModel: async (m, i) => (await listed(m)).some((p) => p.name === `lost-${i}` && p.vanishedAt === null),
  copies: (m, i) => peerNamed(m, `lost-${i}`).length,
  after: async (m, i, truth, result, where) => {
    const keys = tableRows(m.dataDir, 'SELECT public_key AS publicKey, custody FROM peer_keys') as Array<{ publicKey: string; custody: string }>;
    if (!truth) {
      // Not on the router: no key is kept for a peer that does not exist.
      expect(keys.filter((k) => !peerKeys(m).has(k.publicKey)), `${where}: keys of peers that do not exist`).toEqual([]);
      return;
    }
    const publicKey = peerNamed(m, `lost-${i}`)[0]!['public-key']!;
    const kept = keys.find((k) => k.publicKey === publicKey)?.custody;
    if (result.ok) return void expect(kept, `${where}: custody`).toBe(custody);
    // The answer was lost but the peer stands: its key was not lost with it.
    if (custody === 'stored') return void expect(kept, `${where}: custody`).toBe('stored');
    expect(kept, `${where}: the key is held until seen`).toBe('held');
    const id = (await listed(m)).find((p) => p.publicKey === publicKey)!.id;
    await m.call('endpoints:set', { routerId: m.routerId, interface: 'wg-office', host: 'vpn.example.net', port: 13231 });
    const shown = await m.call('peers:revealHeldKey', { routerId: m.routerId, peerId: id });
    expect(publicKeyFromPrivate(shown.secret.privateKey!)).toEqual({ ok: true, value: publicKey });
    expect(shown.secret.config).toContain(`PrivateKey = ${shown.secret.privateKey}`);
    expect((tableRows(m.dataDir, `SELECT custody, encrypted_private_key AS sealed FROM peer_keys WHERE public_key = '${publicKey}'`))).toEqual([{ custody: 'shown-once', sealed: null }]);
    expect((await m.fail('peers:revealHeldKey', { routerId: m.routerId, peerId: id })).code).toBe('NOT_FOUND');
    revealed.add(custody);
  },
});
/** The custodies whose held key a case showed: on 7.17 a lost answer to the add leaves a peer that stands. */
const revealed = new Set<string>();
const peerKeys = (m: Managed) => new Set(m.rows().map((r) => r['public-key']));

/** Each case first makes its own peer (before the fault is armed), then changes it. */
const created = new Map<number, { id: string; publicKey: string }>();
async function makePeer(m: Managed, name: string, i: number): Promise<void> {
  const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name });
  created.set(i, { id: peer.id, publicKey: peer.publicKey });
}
const made = (i: number) => created.get(i)!;

const peerEdit: Kind = {
  name: 'peer edit (7.18)',
  version: '7.18',
  setup: (m, i) => makePeer(m, `edited-${i}`, i),
  run: (m, i) => outcome(m.call('peers:update', { routerId: m.routerId, peerId: made(i).id, comment: `take ${i}` })),
  onRouter: (m, i) => peerNamed(m, `edited-${i}`)[0]?.['comment'] === `take ${i}`,
  inModel: async (m, i) => (await listed(m)).find((p) => p.name === `edited-${i}`)?.comment === `take ${i}`,
};

const peerDisable = (version: string): Kind => ({
  name: `peer disable (${version})`,
  version,
  setup: (m, i) => makePeer(m, `off-${i}`, i),
  run: (m, i) => outcome(m.call('peers:setDisabled', { routerId: m.routerId, peerId: made(i).id, disabled: true })),
  onRouter: (m, i) => peerNamed(m, `off-${i}`)[0]?.['disabled'] === 'true',
  inModel: async (m, i) => (await listed(m)).find((p) => p.name === `off-${i}`)?.disabled === true,
});

const peerDelete: Kind = {
  name: 'peer delete (7.17)',
  version: '7.17',
  setup: (m, i) => makePeer(m, `gone-${i}`, i),
  run: (m, i) => outcome(m.call('peers:delete', { routerId: m.routerId, peerId: made(i).id })),
  onRouter: (m, i) => peerNamed(m, `gone-${i}`).length === 0,
  inModel: async (m, i) => !(await listed(m)).some((p) => p.name === `gone-${i}` && p.vanishedAt === null),
};

const keyRotation: Kind = {
  name: 'key rotation (7.17)',
  version: '7.17',
  setup: (m, i) => makePeer(m, `rot-${i}`, i),
  run: (m, i) => outcome(m.call('peers:rotateKeys', { routerId: m.routerId, peerId: made(i).id, custody: 'stored' })),
  onRouter: (m, i) => peerNamed(m, `rot-${i}`)[0]?.['public-key'] !== made(i).publicKey,
  inModel: async (m, i) => (await listed(m)).find((p) => p.name === `rot-${i}`)?.publicKey !== made(i).publicKey,
};

const interfaceAdd = (version: string): Kind => ({
  name: `interface add (${version})`,
  version,
  run: (m, i) => outcome(m.call('interfaces:create', { routerId: m.routerId, name: `wg-lost${i}`, listenPort: 13300 + i, address: `10.77.${i}.1/24` })),
  onRouter: (m, i) => m.rows(IFACES).some((r) => r['name'] === `wg-lost${i}`) && m.rows('/ip/address').some((a) => a['address'] === `10.77.${i}.1/24`),
  inModel: async (m, i) => (await m.call('interfaces:list', { routerId: m.routerId })).rows.some((x) => x.name === `wg-lost${i}`),
  copies: (m, i) => m.rows(IFACES).filter((r) => r['name'] === `wg-lost${i}`).length,
});

const bulkIds = new Map<number, string[]>();
const bulkDisable: Kind = {
  name: 'bulk disable (7.18)',
  version: '7.18',
  setup: async (m, i) => {
    const ids = [];
    for (const n of [0, 1]) ids.push((await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: `bulk-${i}-${n}` })).peer.id);
    bulkIds.set(i, ids);
  },
  run: (m, i) => outcome(m.call('peers:bulk', { routerId: m.routerId, action: 'disable', peerIds: bulkIds.get(i)! })),
  failed: (value) => (value as { failed: number }).failed > 0,
  onRouter: (m, i) => [0, 1].every((n) => peerNamed(m, `bulk-${i}-${n}`)[0]?.['disabled'] === 'true'),
  inModel: async (m, i) => (await listed(m)).filter((p) => p.name.startsWith(`bulk-${i}-`)).every((p) => p.disabled),
};

/** Each case makes its own interface first. */
const ifaceIds = new Map<number, string>();
async function makeInterface(m: Managed, name: string, port: number, i: number): Promise<void> {
  const { interface: made } = await m.call('interfaces:create', { routerId: m.routerId, name, listenPort: port, address: `10.${port % 200}.${i}.1/24` });
  ifaceIds.set(i, made.id);
}
const ifaceRow = (m: Managed, name: string) => m.rows(IFACES).find((r) => r['name'] === name);
const ifaceListed = async (m: Managed, name: string) => (await m.call('interfaces:list', { routerId: m.routerId })).rows.find((x) => x.name === name);

const interfaceEdit: Kind = {
  name: 'interface edit (7.17)',
  version: '7.17',
  setup: (m, i) => makeInterface(m, `wg-e${i}`, 13400 + i, i),
  run: (m, i) => outcome(m.call('interfaces:update', { routerId: m.routerId, interfaceId: ifaceIds.get(i)!, comment: `take ${i}`, listenPort: 13450 + i })),
  onRouter: (m, i) => ifaceRow(m, `wg-e${i}`)?.['comment'] === `take ${i}` && ifaceRow(m, `wg-e${i}`)?.['listen-port'] === String(13450 + i),
  inModel: async (m, i) => (await ifaceListed(m, `wg-e${i}`))?.listenPort === 13450 + i,
};

const interfaceDelete: Kind = {
  name: 'interface delete (7.18)',
  version: '7.18',
  setup: (m, i) => makeInterface(m, `wg-d${i}`, 13500 + i, i),
  run: async (m, i) => {
    const preview = await m.call('interfaces:deletePreview', { routerId: m.routerId, interfaceId: ifaceIds.get(i)! });
    return outcome(m.call('interfaces:delete', { routerId: m.routerId, interfaceId: ifaceIds.get(i)!, confirmName: `wg-d${i}`, planId: preview.plan.planId }));
  },
  onRouter: (m, i) => ifaceRow(m, `wg-d${i}`) === undefined,
  inModel: async (m, i) => (await ifaceListed(m, `wg-d${i}`)) === undefined,
};

const openPort: Kind = {
  name: 'open the listen port (7.17)',
  version: '7.17',
  setup: (m, i) => makeInterface(m, `wg-p${i}`, 13600 + i, i),
  run: (m, i) => outcome(m.call('interfaces:openPort', { routerId: m.routerId, interfaceId: ifaceIds.get(i)! })),
  onRouter: (m, i) => m.rows('/ip/firewall/filter').some((r) => r['dst-port'] === String(13600 + i) && r['action'] === 'accept'),
  inModel: async (m, i) => (await ifaceListed(m, `wg-p${i}`))?.firewall.state === 'open',
};

const peerEnable: Kind = {
  name: 'peer enable (7.18)',
  version: '7.18',
  setup: async (m, i) => {
    await makePeer(m, `on-${i}`, i);
    await m.call('peers:setDisabled', { routerId: m.routerId, peerId: made(i).id, disabled: true });
  },
  run: (m, i) => outcome(m.call('peers:setDisabled', { routerId: m.routerId, peerId: made(i).id, disabled: false })),
  onRouter: (m, i) => peerNamed(m, `on-${i}`)[0]?.['disabled'] === 'false',
  inModel: async (m, i) => (await listed(m)).find((p) => p.name === `on-${i}`)?.disabled === false,
};

const interfaceDisable: Kind = {
  name: 'interface disable (7.17)',
  version: '7.17',
  setup: (m, i) => makeInterface(m, `wg-x${i}`, 13700 + i, i),
  run: (m, i) => outcome(m.call('interfaces:setDisabled', { routerId: m.routerId, interfaceId: ifaceIds.get(i)!, disabled: true })),
  onRouter: (m, i) => ifaceRow(m, `wg-x${i}`)?.['disabled'] === 'true',
  inModel: async (m, i) => (await ifaceListed(m, `wg-x${i}`))?.disabled === true,
};

/** The undo of a change, from the activity log: a plan of its own. */
const undoPlans = new Map<number, string>();
const undo: Kind = {
  name: 'undo of a change (7.17)',
  version: '7.17',
  setup: async (m, i) => {
    const { report } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: `undo-${i}` });
    undoPlans.set(i, report!.planId);
  },
  run: (m, i) => outcome(m.call('changes:undo', { routerId: m.routerId, planId: undoPlans.get(i)! })),
  onRouter: (m, i) => peerNamed(m, `undo-${i}`).length === 0,
  inModel: async (m, i) => !(await listed(m)).some((p) => p.name === `undo-${i}` && p.vanishedAt === null),
};

/** The doctor's NTP fix, on a router whose NTP client was turned off (in WinBox) before each case. */
const ntpOn: Kind = {
  name: 'NTP client on (7.18)',
  version: '7.18',
  setup: async (m) => void (await m.sim.scripts.run('/system ntp client set enabled=no servers=""')),
  run: (m) => outcome(m.call('router:enableNtp', { routerId: m.routerId })),
  onRouter: (m) => m.rows('/system/ntp/client')[0]?.['enabled'] === 'true',
  inModel: async (m) => (await m.s.models.state(m.routerId)).ntp?.enabled === true,
};

/** Restoring the backup taken before a peer was added: the peer goes again. */
const restoreBackups = new Map<number, number>();
const restore: Kind = {
  name: 'backup restore (7.17)',
  version: '7.17',
  setup: async (m, i) => {
    const { report } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: `restore-${i}` });
    restoreBackups.set(i, report!.backupId!);
  },
  run: (m, i) => outcome(m.call('backups:restore', { routerId: m.routerId, backupId: restoreBackups.get(i)! })),
  onRouter: (m, i) => peerNamed(m, `restore-${i}`).length === 0,
  inModel: async (m, i) => !(await listed(m)).some((p) => p.name === `restore-${i}` && p.vanishedAt === null),
};

/** A small import (one plan): a lost answer leaves the job to resume, and the resume adds each row once. */
const importJobs = new Map<number, string>();
const importRows: Kind = {
  name: 'CSV import (7.17)',
  version: '7.17',
  run: async (m, i) => {
    const csv = ['name;address;dns;keepalive;comment', `imp${i}-a;;;;`, `imp${i}-b;;;;`].join('\r\n');
    const result = await outcome(m.call('peers:importApply', { routerId: m.routerId, interface: 'wg-office', csv, sourceName: `case-${i}.csv` }));
    if (result.ok) importJobs.set(i, (result.value as { jobId: string }).jobId);
    return result;
  },
  failed: (value) => (value as { interruption: unknown }).interruption !== null || (value as { counts: { failed: number } }).counts.failed > 0,
  retry: async (m, i) => {
    const jobId = importJobs.get(i);
    const open = (await m.call('peers:importJobs', { routerId: m.routerId })).some((j) => j.jobId === jobId);
    return open ? outcome(m.call('peers:importResume', { routerId: m.routerId, jobId: jobId! })) : { ok: true, value: null };
  },
  onRouter: (m, i) => peerNamed(m, `imp${i}-a`).length > 0 && peerNamed(m, `imp${i}-b`).length > 0,
  inModel: async (m, i) => (await listed(m)).filter((p) => p.name.startsWith(`imp${i}-`) && p.vanishedAt === null).length === 2,
  copies: (m, i) => Math.max(peerNamed(m, `imp${i}-a`).length, peerNamed(m, `imp${i}-b`).length),
  // A row lost with the link is recorded when the resume settles it: found on the router, or sent again.
  auditAfterRetry: async (m, i, where) => {
    const rows = tableRows(m.dataDir, `SELECT object_name AS name, outcome, resolution FROM audit WHERE action = 'import' AND object_type = 'peer' AND object_name LIKE 'imp${i}-%'`) as Array<{ name: string; outcome: string; resolution: string | null }>;
    for (const name of [`imp${i}-a`, `imp${i}-b`]) {
      const standing = rows.filter((r) => r.name === name && (r.outcome === 'ok' || r.resolution === 'applied'));
      expect(standing.length, `${where}: activity entries saying ${name} was imported`).toBe(1);
    }
  },
};

/** The commands of one run of `kind` that a lost answer can follow: its writes, and its reads of what it touched. */
function planCommands(entries: readonly ReceivedCommand[]): Array<{ command: string; words: readonly string[] }> {
  const from = entries.findIndex((e) => e.command === '/system/scheduler/add');
  return entries.slice(from).filter((e) => e.source === 'api' && !e.command.endsWith('/listen')
    && (!e.command.endsWith('/print') || e.words.some((w) => w.startsWith('?.id=') || w.startsWith('?name=wiredesk-'))));
}

const KINDS: Kind[] = [
  peerAdd('7.18', 'stored'), peerAdd('7.17', 'shown-once'), peerEdit, peerDisable('7.17'), peerDelete, keyRotation, interfaceAdd('7.17'), interfaceAdd('7.18'), bulkDisable,
  interfaceEdit, interfaceDelete, openPort, peerEnable, interfaceDisable, undo, importRows, ntpOn, restore,
];

const routers: Managed[] = [];
afterAll(async () => {
  for (const m of routers.splice(0)) await m.close();
});

describe.each(KINDS)('a lost answer: $name', (kind) => {
  it('after each command of the plan: router, model, journal, activity log and UI agree; a retry never duplicates', async () => {
    const m = await managedRouter({ version: kind.version });
    routers.push(m);
    m.s.settings.update({ rollbackDelaySec: 10 });
    const events: Array<{ planId: string; state: string }> = [];
    m.s.events.subscribe((name, payload) => {
      if (name === 'changes:rollback') events.push(payload as { planId: string; state: string });
    });

    // The fault-free run: which commands a plan of this kind sends, in order.
    await kind.setup?.(m, 0);
    m.sim.commands.start();
    const clean = await kind.run(m, 0);
    const sequence = planCommands(m.sim.commands.stop());
    expect(clean.ok, `the fault-free run: ${clean.ok ? '' : clean.error.message}`).toBe(true);
    expect(sequence.map((c) => c.command)).toContain('/system/scheduler/remove');

    for (let k = 0; k < sequence.length; k++) {
      const i = k + 1;
      const target = sequence[k]!;
      const nth = sequence.slice(0, k + 1).filter((c) => c.command === target.command && sameShape(c.words, target.words)).length;
      let seen = 0;
      await kind.setup?.(m, i);
      const plansBefore = tableRows(m.dataDir, 'SELECT plan_id FROM change_plans').length;
      // Only the plan's own commands: a read before it (the peer's secrets for its undo) is not one of them.
      m.sim.commands.start();
      const planStarted = () => m.sim.commands.entries.some((e) => e.command === '/system/scheduler/add');
      m.sim.faults.loseReplyOf(target.command, (words) => planStarted() && sameShape(words, target.words) && ++seen === nth);
      const result = await kind.run(m, i);
      m.sim.commands.stop();
      const where = `${kind.name}, answer to ${target.command} lost (command ${k + 1} of ${sequence.length})`;
      expect(seen, `${where}: the answer was lost`).toBe(nth);
      await statusWhere(m.s, m.routerId, (st) => st.state === 'online', 30_000);
      // Found out: no plan of this router waits any more (a half-done one waits for the router's rollback).
      await expect.poll(() => tableRows(m.dataDir, `SELECT plan_id FROM change_plans WHERE state IN ('applying', 'rollback-pending')`).length, { timeout: 40_000, message: where }).toBe(0);
      await m.settle();
      const truth = kind.onRouter(m, i);
      const plans = tableRows(m.dataDir, 'SELECT plan_id AS planId, state FROM change_plans ORDER BY created_at, rowid').slice(plansBefore) as Array<{ planId: string; state: string }>;
      expect(plans.length, `${where}: plans`).toBe(1);
      const plan = plans[0]!;
      expect(plan.state === 'applied', `${where}: journal says ${plan.state}, router has it: ${truth}`).toBe(truth);
      // The activity log: the change's entries (one per item), each saying what the router has.
      const audit = tableRows(m.dataDir, `SELECT outcome, resolution FROM audit WHERE plan_id = '${plan.planId}'`) as Array<{ outcome: string; resolution: string | null }>;
      if (kind.auditAfterRetry === undefined) expect(audit.length, `${where}: activity entries`).toBeGreaterThanOrEqual(1);
      for (const a of audit) expect(a.outcome === 'ok' || a.resolution === 'applied', `${where}: activity log says ${a.outcome}/${a.resolution}`).toBe(truth);
      // What the UI was told: a lost link is followed by the event that says what the router did; otherwise
      // the answer itself says it worked only when it stands.
      const told = events.filter((e) => e.planId === plan.planId).map((e) => e.state);
      const failed = !result.ok || (kind.failed?.(result.value) ?? false);
      if (!result.ok && (result.error.details as { report?: { outcome?: string } } | undefined)?.report?.outcome === 'rollback-pending') expect(told[0], `${where}: the first rollback event`).toBe('pending');
      if (told.length > 0) expect(told.at(-1), `${where}: the last rollback event`).toBe(truth ? 'kept' : 'rolled-back');
      else expect(!failed, `${where}: the UI was told ${result.ok ? 'it worked' : result.error.code}`).toBe(truth);
      // What the screens show.
      expect(await kind.inModel(m, i), `${where}: the model`).toBe(truth);
      // Nothing of WireDesk's left behind on the router.
      expect(m.rows('/system/scheduler').filter((r) => r['name']?.startsWith('wiredesk-')), `${where}: rollback entries`).toEqual([]);
      await kind.after?.(m, i, truth, result, where);
      // A retry finishes the change once.
      if (kind.copies) {
        const again = await (kind.retry ?? kind.run)(m, i);
        if (!truth) expect(again.ok && !(kind.failed?.(again.value) ?? false), `${where}: the retry`).toBe(true);
        expect(kind.copies(m, i), `${where}: copies after a retry`).toBe(1);
        await kind.auditAfterRetry?.(m, i, where);
      }
    }
    if (kind.name.startsWith('peer add (shown-once')) expect(revealed.has('shown-once'), 'a held key was shown').toBe(true);
  }, 600_000);
});

/** Two commands are the same step when their words have the same keys (values differ case to case). */
function sameShape(a: readonly string[], b: readonly string[]): boolean {
  const keys = (w: readonly string[]) => w.map((x) => x.replace(/^([=?][^=]*)=.*$/s, '$1')).sort().join(' ');
  return keys(a) === keys(b);
}
