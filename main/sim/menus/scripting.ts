// /system/scheduler, /system/script, /system/clock and /log: what the router needs to run scripts by itself.
// Fields: Ansible community.routeros plugins/module_utils/_api_data.py ('system', 'scheduler'), ('system', 'script'),
// ('system', 'clock'; gmt-offset until 7.15); read-only run-count/next-run/owner from the manual ("Scheduler",
// help.mikrotik.com/docs/display/ROS/Scheduler) and its print examples. Defaults: interval 0s, policy
// ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon (_api_data.py). Dates follow values/date.ts.
import type { MenuDefinition } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { CommandHandler } from '../commands/context.ts';
import { allowOnly } from '../commands/context.ts';
import { resolveRows } from '../commands/modify.ts';
import { SimTrap, traps } from '../trap.ts';
import { asBoolean, asBytes, durationIn, text } from '../values/parse.ts';
import { formatDate, formatDateTime, formatTime, isoDate, parseDate, parseTimeOfDay } from '../values/date.ts';

export const SCRIPT_POLICIES = ['ftp', 'reboot', 'read', 'write', 'policy', 'test', 'password', 'sniff', 'sensitive', 'romon'];
const DEFAULT_POLICY = SCRIPT_POLICIES.join(',');

/** Comma list of policies, stored in RouterOS's order. */
function asPolicy(value: Buffer, name: string): Buffer {
  const given = text(value).split(',').filter((p) => p !== '');
  for (const p of given) if (!SCRIPT_POLICIES.includes(p)) throw traps.invalidValue(name);
  return Buffer.from(SCRIPT_POLICIES.filter((p) => given.includes(p)).join(','));
}

export function policySet(row: Row): Set<string> {
  return new Set((row.get('policy') ?? '').split(',').filter((p) => p !== ''));
}

const runCount = (row: Row, state: RouterState): string => String(state.runInfo.get(row)?.runCount ?? 0);

export const schedulerMenu: MenuDefinition = {
  path: '/system/scheduler',
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', parse: asBytes, initial: (state) => freeName(state, '/system/scheduler', 'schedule') },
    {
      name: 'start-date',
      // Stored ISO, printed in the version's style; an entry starting at startup prints no date.
      parse: asBytes,
      initial: (state) => isoDate(state.now()),
      compute: (row, state) => {
        if (row.get('start-time') === 'startup') return undefined;
        const at = Date.parse(`${row.get('start-date')}T00:00:00Z`);
        return Number.isNaN(at) ? row.get('start-date') : formatDate(at, state.version);
      },
    },
    { name: 'start-time', parse: asStartTime, initial: (state) => formatTime(state.now()) },
    { name: 'interval', parse: durationIn(0, 365 * 86400 * 10), initial: () => '0s' },
    { name: 'on-event', parse: asBytes, initial: () => '' },
    { name: 'owner', readOnly: true, initial: () => 'admin' },
    { name: 'policy', parse: asPolicy, initial: () => DEFAULT_POLICY },
    { name: 'run-count', readOnly: true, compute: runCount },
    {
      name: 'next-run',
      readOnly: true,
      compute: (row, state) => {
        const next = state.runInfo.get(row)?.nextRun;
        return next === undefined || row.isDisabled() ? undefined : formatDateTime(next, state.version);
      },
    },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, written, existing }) => {
    checkName(state, '/system/scheduler', values, existing);
    if (written.has('start-date')) {
      const at = parseDate(text(values.get('start-date')!), state.version);
      if (at === null) throw traps.invalidValue('start-date');
      values.set('start-date', Buffer.from(isoDate(at)));
    }
  },
};

function asStartTime(value: Buffer, name: string): Buffer {
  const v = text(value);
  if (v === 'startup') return Buffer.from(v);
  const seconds = parseTimeOfDay(v);
  if (seconds === null) throw traps.invalidValue(name);
  return Buffer.from(formatTime(seconds * 1000));
}

function freeName(state: RouterState, path: string, base: string): string {
  const names = new Set(state.table(path).rows.map((r) => r.get('name')));
  let n = 1;
  while (names.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

function checkName(state: RouterState, path: string, values: Map<string, Buffer>, existing: Row | undefined): void {
  const name = values.get('name')!;
  if (name.length === 0) throw traps.invalidValue('name');
  if (state.table(path).rows.some((r) => r !== existing && r.values.get('name')?.equals(name))) throw traps.exists();
}

/** `/system/script/run`: `number=` (console's unnamed argument) or `.id`; answers when the script has ended. */
const runScript: CommandHandler = async (ctx) => {
  allowOnly(ctx, ['.id', 'number', 'numbers']);
  const id = ctx.attributes.get('.id') ?? ctx.attributes.get('number') ?? ctx.attributes.get('numbers');
  if (id === undefined) throw traps.missing(['number']);
  const [row] = resolveRows(ctx.state, ctx.menu!, id);
  const policies = policySet(row!);
  if (row!.get('dont-require-permissions') !== 'true' && [...policies].some((p) => !ctx.user.policies.has(p))) {
    throw traps.permissions();
  }
  const info = ctx.state.runInfo.get(row!) ?? { runCount: 0 };
  info.runCount++;
  info.lastStarted = ctx.state.now();
  ctx.state.runInfo.set(row!, info);
  ctx.state.table('/system/script').touch(row!);
  const record = await ctx.state.scripts!.run(row!.get('source') ?? '', {
    origin: 'script', name: row!.get('name'), policies, owner: row!.get('owner') ?? ctx.user.name,
  });
  if (record.error) throw new SimTrap(record.error.message);
};

export const scriptMenu: MenuDefinition = {
  path: '/system/script',
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', parse: asBytes, initial: (state) => freeName(state, '/system/script', 'script') },
    { name: 'owner', readOnly: true, initial: () => 'admin' },
    { name: 'policy', parse: asPolicy, initial: () => DEFAULT_POLICY },
    { name: 'dont-require-permissions', parse: asBoolean, initial: () => 'false' },
    {
      name: 'last-started',
      readOnly: true,
      compute: (row, state) => {
        const at = state.runInfo.get(row)?.lastStarted;
        return at === undefined ? undefined : formatDateTime(at, state.version);
      },
    },
    { name: 'run-count', readOnly: true, compute: runCount },
    { name: 'source', parse: asBytes, initial: () => '' },
    { name: 'invalid', readOnly: true, compute: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, existing }) => checkName(state, '/system/script', values, existing),
  commands: { run: runScript },
};

/** The router's clock (UTC, time-zone-name=manual): the simulator's clock until the NTP client sets it; it cannot be set by hand. */
export const clockMenu: MenuDefinition = {
  path: '/system/clock',
  kind: 'singleton',
  fields: [
    { name: 'time', readOnly: true, compute: (_row, state) => formatTime(state.now()) },
    { name: 'date', readOnly: true, compute: (_row, state) => formatDate(state.now(), state.version) },
    { name: 'time-zone-autodetect', parse: asBoolean, initial: () => 'true' },
    { name: 'time-zone-name', parse: asBytes, initial: () => 'manual' },
    { name: 'gmt-offset', until: '7.15', readOnly: true, compute: () => '+00:00' },
  ],
};

/** /log: memory log; `time` is `HH:MM:SS` for today and with the date (version style) before. */
export const logMenu: MenuDefinition = {
  path: '/log',
  kind: 'list',
  readOnly: true,
  fields: [
    {
      name: 'time',
      compute: (row, state) => {
        const at = Number(row.get('at'));
        const today = isoDate(at) === isoDate(state.now());
        return today ? formatTime(at) : formatDateTime(at, state.version);
      },
    },
    { name: 'topics' },
    { name: 'message' },
  ],
};
