// /system/identity (the router's name) and /system/resource (hardware and load; everything read-only).
import type { MenuDefinition } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import { atLeast, versionWithChannel } from '../version.ts';
import { formatDuration } from '../values/duration.ts';
import { hashUnit } from '../rng.ts';
import { asBytes } from '../values/parse.ts';
import { traps } from '../trap.ts';

export const identityMenu: MenuDefinition = {
  path: '/system/identity',
  kind: 'singleton',
  fields: [{ name: 'name', parse: asBytes, initial: () => 'MikroTik' }],
  prepare: ({ values }) => {
    if (values.get('name')?.length === 0) throw traps.invalidValue('name');
  },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** 7.16 changed the format from `Feb/07/2024 09:59:26` to `2024-11-26 12:09:40`. */
export function formatBuildTime(state: RouterState): string {
  const d = state.hardware.buildTime;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (atLeast(state.version, '7.16')) return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}`;
  return `${MONTHS[d.getUTCMonth()]}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${time}`;
}

/** Load wanders between a few percent and ~20 %, changing every few seconds. */
function cpuLoad(state: RouterState): number {
  return Math.round(2 + 18 * hashUnit(state.seed, Math.floor(state.now() / 5000)) ** 2);
}

const hw = (pick: (state: RouterState) => string | number) => (_row: unknown, state: RouterState): string => String(pick(state));

export const resourceMenu: MenuDefinition = {
  path: '/system/resource',
  kind: 'singleton',
  readOnly: true,
  fields: [
    { name: 'uptime', compute: hw((s) => formatDuration(s.uptimeSeconds())) },
    { name: 'version', compute: hw((s) => versionWithChannel(s.version)) },
    { name: 'build-time', compute: hw(formatBuildTime) },
    { name: 'factory-software', compute: hw((s) => s.hardware.factorySoftware) },
    {
      name: 'free-memory',
      compute: hw((s) => Math.round(s.hardware.totalMemory * (0.62 - 0.04 * hashUnit(s.seed, Math.floor(s.now() / 10000), 1)))),
    },
    { name: 'total-memory', compute: hw((s) => s.hardware.totalMemory) },
    { name: 'cpu', compute: hw((s) => s.hardware.cpu) },
    { name: 'cpu-count', compute: hw((s) => s.hardware.cpuCount) },
    { name: 'cpu-frequency', compute: hw((s) => s.hardware.cpuFrequency) },
    { name: 'cpu-load', compute: hw(cpuLoad) },
    { name: 'free-hdd-space', compute: hw((s) => s.hardware.freeHdd) },
    { name: 'total-hdd-space', compute: hw((s) => s.hardware.totalHdd) },
    { name: 'write-sect-since-reboot', compute: hw((s) => 1200 + Math.floor(s.uptimeSeconds() / 30)) },
    { name: 'write-sect-total', compute: hw((s) => 1_480_000 + Math.floor(s.uptimeSeconds() / 30)) },
    { name: 'bad-blocks', compute: hw(() => 0) },
    { name: 'architecture-name', compute: hw((s) => s.hardware.architecture) },
    { name: 'board-name', compute: hw((s) => s.hardware.boardName) },
    { name: 'platform', compute: hw(() => 'MikroTik') },
  ].map((f) => ({ ...f, readOnly: true })),
};
