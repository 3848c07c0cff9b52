// /ip/cloud: MikroTik's DDNS name (<serial>.sn.mynetname.net), a stable endpoint for client configs.
import { RouterOsError } from '../errors.ts';
import { optionalText, text, type MenuClient } from './values.ts';

export interface IpCloud {
  /** true/false, or 'auto' (newer versions enable it when something needs it). */
  ddnsEnabled: boolean | 'auto';
  dnsName: string | undefined;
  publicAddress: string | undefined;
  status: string;
}

export async function getIpCloud(client: MenuClient): Promise<IpCloud> {
  const [row] = await client.print('/ip/cloud');
  if (!row) throw new RouterOsError('PROTOCOL_ERROR', `${client.host} returned no /ip/cloud settings`, { host: client.host });
  const enabled = text(row, 'ddns-enabled');
  return {
    ddnsEnabled: enabled === 'auto' ? 'auto' : enabled === 'yes' || enabled === 'true',
    dnsName: optionalText(row, 'dns-name'),
    publicAddress: optionalText(row, 'public-address'),
    status: text(row, 'status'),
  };
}
