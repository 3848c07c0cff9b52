// /system/ntp/client (RouterOS 7: the NTP client is in the main package). Sources: the manual's "NTP" page
// (help.mikrotik.com/docs/display/ROS/NTP): enabled (default no), mode (broadcast, manycast, multicast, unicast),
// servers (IP addresses or FQDNs), vrf (default main), and the read-only status (synchronized, stopped, waiting,
// using-local-clock), freq-drift, synced-server and synced-stratum; field names also as terraform-routeros
// `routeros_system_ntp_client` writes them (enabled, mode, servers). RouterOS 6's SNTP client has other fields
// (primary-ntp, secondary-ntp, server-dns-names) and is not simulated.
//
// The simulated internet's time is this computer's clock: once the client is enabled with a server and the
// servers answer (`ntp.reachable`, default yes), it is synchronized and the router's wall clock follows
// (RouterState.now()); the traffic model keeps the simulator's own clock. Not confirmed by a capture: that
// synced-server prints the server as written (a real router prints the address it resolved), the stratum 2, and
// the freq-drift text.
import type { MenuDefinition } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { asBoolean, asBytes, oneOf } from '../values/parse.ts';

export const NTP_CLIENT = '/system/ntp/client';

/** The row's status as RouterOS names it. */
export function ntpStatus(row: Row, state: RouterState): 'synchronized' | 'stopped' | 'waiting' {
  if (row.get('enabled') !== 'true') return 'stopped';
  const servers = (row.get('servers') ?? '').split(',').filter(Boolean);
  if (servers.length === 0 || !state.ntpReachable) return 'waiting';
  return 'synchronized';
}

const whenSynced = (value: (row: Row) => string) => (row: Row, state: RouterState): string | undefined =>
  ntpStatus(row, state) === 'synchronized' ? value(row) : undefined;

export const ntpClientMenu: MenuDefinition = {
  path: NTP_CLIENT,
  kind: 'singleton',
  since: '7.1',
  fields: [
    { name: 'enabled', parse: asBoolean, initial: () => 'false' },
    { name: 'mode', parse: oneOf(['broadcast', 'manycast', 'multicast', 'unicast']), initial: () => 'unicast' },
    { name: 'servers', parse: asBytes, initial: () => '' },
    { name: 'vrf', parse: asBytes, initial: () => 'main' },
    { name: 'freq-drift', readOnly: true, compute: whenSynced(() => '0.000 PPM') },
    { name: 'status', readOnly: true, compute: ntpStatus },
    { name: 'synced-server', readOnly: true, compute: whenSynced((row) => (row.get('servers') ?? '').split(',')[0]!) },
    { name: 'synced-stratum', readOnly: true, compute: whenSynced(() => '2') },
  ],
};
