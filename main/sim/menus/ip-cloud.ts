// /ip/cloud: MikroTik's DDNS (`<serial>.sn.mynetname.net`) and, from 7.12, Back To Home.
//
// ddns-enabled before 7.17 is a boolean (yes/no, printed true/false). RouterOS 7.17 made it `auto | yes`:
// changelog 7.17 "cloud - changed ddns-enabled setting from "no" to "auto" (service is enabled when BTH is
// enabled)" (quoted in Ansible community.routeros PR #350, whose _api_data.py has default `auto` from 7.17);
// manual, CLI reference /ip/cloud: "enum (auto | yes)", "`auto` (default) - DDNS is on only while Back To Home is
// enabled (`back-to-home-vpn=enabled`)". `auto` is not about WireGuard in general: only Back To Home turns it on.
// From 7.17 `no` is refused with `invalid value of ddns-enabled, must be either yes or auto`
// (terraform-provider-routeros #686, 7.18 over REST; the same text from the 7.24 console in a public notes file).
// It prints as written: a REST print on 7.20.4 shows "ddns-enabled":"yes" with dns-name, and `auto` without Back To
// Home "had assigned no dns-name" (jameswynn/home-ops-public tofu/mikrotik/BOOTSTRAP.md, Wave 10).
// Not confirmed: `true`/`false` also refused from 7.17 (as `true` is for the yes|no enum power-cycle-ping-enabled,
// "must be either yes or no", community.routeros #370 on 7.18.2); the category 1 of that trap; the pre-7.17 text
// for `auto` (the simulator's text for any bad boolean, `invalid value for argument ddns-enabled`).
import type { FieldSpec, MenuDefinition } from './spec.ts';
import type { Row } from '../state/row.ts';
import { traps } from '../trap.ts';
import { asBoolean, oneOf, text, type ValueParser } from '../values/parse.ts';

const asYesOrAuto: ValueParser = (value, name) => {
  const v = text(value);
  if (v !== 'yes' && v !== 'auto') throw traps.notEither(name, 'yes', 'auto');
  return Buffer.from(v);
};

/** DDNS runs: turned on, or `auto` while Back To Home is enabled (manual, /ip/cloud `ddns-enabled`). */
export function ddnsRunning(row: Row): boolean {
  const enabled = row.get('ddns-enabled');
  return enabled === 'true' || enabled === 'yes' || (enabled === 'auto' && row.get('back-to-home-vpn') === 'enabled');
}

// The seeded router has DDNS turned on (a configured router; a factory one has no / auto).
const ddnsEnabled: FieldSpec[] = [
  { name: 'ddns-enabled', until: '7.17', parse: asBoolean, initial: () => 'true' },
  { name: 'ddns-enabled', since: '7.17', parse: asYesOrAuto, initial: () => 'yes' },
];

export const ipCloudMenu: MenuDefinition = {
  path: '/ip/cloud',
  kind: 'singleton',
  fields: [
    ...ddnsEnabled,
    { name: 'ddns-update-interval', initial: () => 'none' },
    { name: 'update-time', parse: asBoolean, initial: () => 'true' },
    { name: 'back-to-home-vpn', since: '7.12', parse: oneOf(['enabled', 'disabled', 'revoked-and-disabled']), initial: () => 'disabled' },
    // The manual also shows public-address after a time update alone (`update-time`, also with `auto`): not simulated.
    {
      name: 'public-address',
      readOnly: true,
      compute: (row, state) => (ddnsRunning(row) ? state.hardware.publicAddress : undefined),
    },
    {
      name: 'dns-name',
      readOnly: true,
      compute: (row, state) => (ddnsRunning(row) ? state.hardware.dnsName : undefined),
    },
    { name: 'status', readOnly: true, compute: (row) => (ddnsRunning(row) ? 'updated' : undefined) },
  ],
  commands: { 'force-update': () => undefined },
};
