// A plausible MikroTik board for /system/resource, /ip/cloud and MAC addresses.
import type { Hardware } from '../state/router-state.ts';
import type { RouterVersion } from '../version.ts';
import type { Rng } from '../rng.ts';

interface Board {
  boardName: string;
  architecture: string;
  cpu: string;
  cpuCount: number;
  cpuFrequency: number;
  totalMemory: number;
  totalHdd: number;
}

const MiB = 1024 * 1024;

const BOARDS: readonly Board[] = [
  { boardName: 'RB5009UG+S+', architecture: 'arm64', cpu: 'ARM64', cpuCount: 4, cpuFrequency: 1400, totalMemory: 1024 * MiB, totalHdd: 1024 * MiB },
  { boardName: 'hAP ax^3', architecture: 'arm64', cpu: 'ARM64', cpuCount: 4, cpuFrequency: 864, totalMemory: 1024 * MiB, totalHdd: 128 * MiB },
  { boardName: 'CCR2004-1G-12S+2XS', architecture: 'arm64', cpu: 'ARM64', cpuCount: 4, cpuFrequency: 1700, totalMemory: 4096 * MiB, totalHdd: 128 * MiB },
  { boardName: 'hEX', architecture: 'mmips', cpu: 'MIPS 1004Kc V2.15', cpuCount: 4, cpuFrequency: 880, totalMemory: 256 * MiB, totalHdd: 16 * MiB },
];

/** Roughly when a release line shipped: 7.1 in December 2021, then a minor release about every ten weeks. */
function buildTimeFor(version: RouterVersion, rng: Rng): Date {
  const base = version.major >= 7 ? Date.UTC(2021, 11, 1) + (version.minor - 1) * 70 * 86400_000 : Date.UTC(2020, 0, 1) + version.minor * 20 * 86400_000;
  const patchDays = (version.patch ?? 0) * 21;
  return new Date(base + patchDays * 86400_000 + rng.int(0, 86399) * 1000);
}

export const MIKROTIK_OUIS = ['DC:2C:6E', '48:A9:8A', '78:9A:18', '18:FD:74', 'F4:1E:57'];

export function makeHardware(rng: Rng, version: RouterVersion): Hardware {
  const board = rng.chance(0.6) ? BOARDS[0]! : rng.pick(BOARDS);
  const serial = rng.bytes(6).toString('hex');
  return {
    ...board,
    freeHdd: Math.round(board.totalHdd * rng.between(0.55, 0.85)),
    factorySoftware: version.major >= 7 ? `7.${Math.min(version.minor, 1 + rng.int(0, 10))}` : '6.44',
    buildTime: buildTimeFor(version, rng),
    baseUptimeSeconds: rng.int(2 * 86400, 60 * 86400),
    publicAddress: `203.0.113.${rng.int(2, 250)}`,
    dnsName: `${serial}.sn.mynetname.net`,
  };
}

export function macAddress(rng: Rng, oui: string): string {
  return `${oui}:${rng.bytes(3).toString('hex').toUpperCase().match(/../g)!.join(':')}`;
}
