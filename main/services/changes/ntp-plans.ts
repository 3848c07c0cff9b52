// The plan for /system/ntp/client (a singleton: one item, no id): the doctor's fix for a router clock that is wrong.
// The client is turned on; a router that has no server gets pool.ntp.org, the NTP Pool's name that answers from
// near wherever the router is (RouterOS resolves it with its own /ip dns, as the manual's "NTP" page says for
// FQDN servers). Undone by setting both back.
import { NTP_CLIENT_PATH, type NtpClient } from '../../routeros/menus/system-ntp.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { SECRET_FIELDS, type ChangePlan, type PlanItem } from './plan.ts';

export const DEFAULT_NTP_SERVER = 'pool.ntp.org';

export function planNtpOn(o: { routerId: string; before: NtpClient }): ChangePlan {
  const item: PlanItem = { type: 'setting', key: 'ntp-client', label: 'NTP client' };
  const servers = o.before.servers.length > 0 ? null : DEFAULT_NTP_SERVER;
  const params: Array<[string, ParamValue]> = [['enabled', 'yes'], ...(servers ? [['servers', servers] as [string, ParamValue]] : [])];
  const was: Array<[string, ParamValue]> = [['enabled', o.before.enabled ? 'yes' : 'no'], ...(servers ? [['servers', o.before.servers.join(',')] as [string, ParamValue]] : [])];
  return {
    routerId: o.routerId,
    kind: 'router.ntp',
    subject: item,
    steps: [{
      menu: NTP_CLIENT_PATH, verb: 'set', target: null, params, item,
      label: servers ? `Turning on the NTP client with ${servers}` : 'Turning on the NTP client',
      undo: { menu: NTP_CLIENT_PATH, verb: 'set', target: null, params: was, item, label: 'Putting the NTP client back', undo: null },
    }],
    diff: [{ item, change: 'edit', before: Object.fromEntries(was.map(([k, v]) => [k, String(v)])), after: Object.fromEntries(params.map(([k, v]) => [k, String(v)])) }],
    warnings: [],
    secretFields: SECRET_FIELDS,
  };
}
