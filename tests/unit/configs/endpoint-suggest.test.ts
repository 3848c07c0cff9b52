// Where clients dial, from /ip/cloud as the model read it. RouterOS 7.17 made ddns-enabled `auto | yes`: `auto`
// runs DDNS only while Back To Home is enabled (manual, /ip/cloud), so `auto` is "on" exactly when the router
// shows a dns-name, and "off" (DDNS_OFF) when it shows none.
import { describe, expect, it } from 'vitest';
import { suggestEndpoint } from '../../../main/services/configs/endpoint-suggest.ts';
import type { IpCloud } from '../../../main/routeros/menus/ip-cloud.ts';
import { toIpAddress } from '../../../main/routeros/menus/ip-address.ts';
import type { RouterState } from '../../../main/services/router-model/index.ts';
import type { EndpointsRepository } from '../../../main/store/endpoints.ts';

const NAME = 'hf1234abcd5.sn.mynetname.net';
const IFACE = { name: 'wg-clients', listenPort: 13231 };
const nothingRemembered = { get: () => null } as unknown as EndpointsRepository;

function stateWith(cloud: Partial<IpCloud>): RouterState {
  const full: IpCloud = { ddnsEnabled: true, dnsName: undefined, publicAddress: undefined, status: '', ...cloud };
  return {
    cloud: full,
    interfaces: [],
    peers: [],
    // The uplink's address, as the router prints it: the fallback when /ip/cloud shows no public address.
    addresses: [toIpAddress({
      '.id': '*1', address: '203.0.113.7/24', network: '203.0.113.0', interface: 'ether1', 'actual-interface': 'ether1',
      invalid: 'false', dynamic: 'true', disabled: 'false',
    })],
  } as unknown as RouterState;
}

const codes = (s: { warnings: ReadonlyArray<{ code: string }> }) => s.warnings.map((w) => w.code);

describe('endpoint suggestion and ddns-enabled', () => {
  it('dials the DDNS name of a router with ddns-enabled=auto that shows one (Back To Home on): not "DDNS off"', () => {
    const s = suggestEndpoint(nothingRemembered, 'r1', IFACE, stateWith({ ddnsEnabled: 'auto', dnsName: NAME, publicAddress: '203.0.113.7', status: 'updated' }));
    expect(s).toMatchObject({ host: NAME, port: 13231, source: 'ddns' });
    expect(codes(s)).toEqual(['ENDPOINT_NOT_SAVED']);
  });

  it('says DDNS is off for ddns-enabled=auto without a name (DDNS not running), and falls back to the public address', () => {
    const s = suggestEndpoint(nothingRemembered, 'r1', IFACE, stateWith({ ddnsEnabled: 'auto' }));
    expect(s).toMatchObject({ host: '203.0.113.7', source: 'public-address' });
    expect(codes(s)).toEqual(['ENDPOINT_NOT_SAVED', 'DDNS_OFF']);
  });

  it('keeps the older readings: yes with a name is DDNS, no is off, yes still registering is not "off"', () => {
    expect(suggestEndpoint(nothingRemembered, 'r1', IFACE, stateWith({ ddnsEnabled: true, dnsName: NAME })).source).toBe('ddns');
    expect(codes(suggestEndpoint(nothingRemembered, 'r1', IFACE, stateWith({ ddnsEnabled: false })))).toEqual(['ENDPOINT_NOT_SAVED', 'DDNS_OFF']);
    expect(codes(suggestEndpoint(nothingRemembered, 'r1', IFACE, stateWith({ ddnsEnabled: true, status: 'updating...' })))).toEqual(['ENDPOINT_NOT_SAVED']);
  });
});
