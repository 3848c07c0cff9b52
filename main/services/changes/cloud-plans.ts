// Plans for /ip cloud (a singleton menu: one item, no id): turning on MikroTik's DDNS, so clients dial the
// router's `<serial>.sn.mynetname.net` name instead of an address the ISP may change. Undone by setting it back.
import { IP_CLOUD_PATH } from '../../routeros/menus/ip-cloud.ts';
import { SECRET_FIELDS, type ChangePlan, type PlanItem } from './plan.ts';

export function planDdnsOn(o: { routerId: string; before: string }): ChangePlan {
  const item: PlanItem = { type: 'setting', key: 'ip-cloud', label: 'IP Cloud (DDNS)' };
  return {
    routerId: o.routerId,
    kind: 'interface.create',
    subject: item,
    steps: [{
      menu: IP_CLOUD_PATH, verb: 'set', target: null, params: [['ddns-enabled', 'yes']], item, label: 'Turning on IP Cloud DDNS',
      undo: { menu: IP_CLOUD_PATH, verb: 'set', target: null, params: [['ddns-enabled', o.before]], item, label: 'Putting IP Cloud DDNS back', undo: null },
    }],
    diff: [{ item, change: 'edit', before: { 'ddns-enabled': o.before }, after: { 'ddns-enabled': 'yes' } }],
    warnings: [],
    secretFields: SECRET_FIELDS,
  };
}
