// /ip/cloud: MikroTik's DDNS name (<serial>.sn.mynetname.net), a stable endpoint for client configs.
import type { Row } from '../rows.ts';
import { optionalText, text } from './values.ts';

export const IP_CLOUD_PATH = '/ip/cloud';

export interface IpCloud {
  /** true/false, or 'auto' (newer versions enable it when something needs it). */
  ddnsEnabled: boolean | 'auto';
  dnsName: string | undefined;
  publicAddress: string | undefined;
  status: string;
}

/** The singleton row of `/ip/cloud/print`. */
export function toIpCloud(row: Row): IpCloud {
  const enabled = text(row, 'ddns-enabled');
  return {
    ddnsEnabled: enabled === 'auto' ? 'auto' : enabled === 'yes' || enabled === 'true',
    dnsName: optionalText(row, 'dns-name'),
    publicAddress: optionalText(row, 'public-address'),
    status: text(row, 'status'),
  };
}
