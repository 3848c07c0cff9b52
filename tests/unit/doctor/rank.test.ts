// The doctor's ranking on a picture the simulator cannot make without a data plane: an enabled interface the
// router reports not running (a listen port another service holds, for example) comes before everything the
// peer itself could be doing wrong, and has no fix WireDesk could send.
import { expect, it } from 'vitest';
import { diagnose, type DiagnoseOptions } from '../../../main/services/doctor/diagnose.ts';
import { RouterModel } from '../../../main/services/router-model/model.ts';
import type { ModelPart, PartRead } from '../../../main/services/router-model/parts.ts';

const ok = (rows: Array<Record<string, string>>): PartRead => ({ ok: true, rows });

it('ranks an interface that is enabled but not running first, without a fix', () => {
  const model = new RouterModel({ routerId: 'r1', polledStatus: () => null, onlineThresholdMs: () => 180_000, now: () => 1_000 });
  model.applyRead(new Map<ModelPart, PartRead>([
    ['interfaces', ok([{ '.id': '*1', name: 'wg0', 'listen-port': '13231', mtu: '1420', 'public-key': 'Q'.repeat(43) + '=', running: 'false', disabled: 'false' }])],
    ['peers', ok([{ '.id': '*A', interface: 'wg0', name: 'telefon', 'public-key': 'A'.repeat(43) + '=', 'allowed-address': '10.0.0.2/32', rx: '0', tx: '0', disabled: 'false' }])],
    ['addresses', ok([{ '.id': '*9', address: '10.0.0.1/24', interface: 'wg0', disabled: 'false' }])],
    ['dynamic', ok([])],
    ['firewall', ok([{ '.id': '*F1', chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': '13231', packets: '12' }])],
  ]), 1_000);
  const state = model.state();
  const options: DiagnoseOptions = {
    routerId: 'r1', onlineThresholdMs: 180_000, endpointHost: null, now: 1_000,
    keys: { kept: 'none', replaced: null }, endpointName: null, acceptCounter: null, recent: null,
  };
  const causes = diagnose(state, state.peer('*A')!, options);
  expect(causes.map((c) => c.code)).toEqual(['interface-not-running', 'never-connected']);
  expect(causes[0]).toEqual({ code: 'interface-not-running', params: { interface: 'wg0' }, fix: null });
});
