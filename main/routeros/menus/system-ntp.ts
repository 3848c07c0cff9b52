// /system/ntp/client: the router's NTP client (RouterOS 7 main package; manual "NTP"). RouterOS 6's SNTP client
// prints primary-ntp, secondary-ntp and server-dns-names instead of servers.
import type { Row } from '../rows.ts';
import { optionalText, text } from './values.ts';

export const NTP_CLIENT_PATH = '/system/ntp/client';

export interface NtpClient {
  enabled: boolean;
  /** The servers it asks (v7 `servers`; v6's three fields joined); empty when none is set. */
  servers: string[];
  /** `synchronized`, `waiting`, `stopped`, `using-local-clock` (v7); undefined where the router prints none. */
  status: string | undefined;
  /** Whether the router takes `servers` (v7): WireDesk only writes that form. */
  hasServersField: boolean;
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== '0.0.0.0');

/** The singleton row of `/system/ntp/client/print`. */
export function toNtpClient(row: Row): NtpClient {
  const enabled = text(row, 'enabled');
  const hasServersField = row['servers'] !== undefined;
  return {
    enabled: enabled === 'true' || enabled === 'yes',
    servers: hasServersField ? list(row['servers']) : [...list(row['primary-ntp']), ...list(row['secondary-ntp']), ...list(row['server-dns-names'])],
    status: optionalText(row, 'status'),
    hasServersField,
  };
}
