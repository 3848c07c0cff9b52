// Pure helpers of the client-config screens: the request sent to configs:get / configs:export from what the
// technician chose, the endpoint text and where it came from, which warnings to show and how. No React, no
// secrets kept: the config text itself only ever lives in a dialog's state.
import { formatEndpoint } from '../../../src/domain/endpoint.ts';
import { CONFIG_PROBLEMS, type ConfigProblem, type ConfigWarning, type InvokeInput, type InvokeOutput, type LanOption, type ManagedPeer } from '../../../src/contract/index.ts';

export type ConfigResult = InvokeOutput<'configs:get'>;
export type ExportResult = InvokeOutput<'configs:export'>;
export type Preset = 'full' | 'split';

/** A peer as the table has it (ManagedPeer fits). */
export type ConfigDialogPeer = Pick<ManagedPeer, 'id' | 'name' | 'comment' | 'publicKey' | 'interface'>;

export interface ConfigChoices {
  /** null: not chosen here, so main uses the interface's remembered client routes (else the full tunnel). */
  preset: Preset | null;
  /** Networks ticked for split tunnel (null: not chosen yet, the private ones are used). */
  lans: readonly string[] | null;
  /** The DNS text as typed; null: the peer's own client DNS (not overridden). */
  dns: string | null;
  /** host or host:port typed for this config only; null: remembered or suggested. */
  endpoint: string | null;
}

export const DEFAULT_CHOICES: ConfigChoices = { preset: null, lans: null, dns: null, endpoint: null };

/** The private networks, ticked by default for split tunnel. */
export function defaultLans(options: readonly LanOption[]): string[] {
  return options.filter((o) => o.private).map((o) => o.network);
}

/** "1.1.1.1, 9.9.9.9" or "1.1.1.1 9.9.9.9" -> the list; '' -> [] (no DNS at all). */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The options part of configs:get / configs:export, only with what the technician changed. */
export function requestOptions(choices: ConfigChoices, lanOptions: readonly LanOption[] = []) {
  const options: Pick<InvokeInput<'configs:get'>, 'preset' | 'lans' | 'dns' | 'endpoint'> = {};
  if (choices.preset !== null) options.preset = choices.preset;
  if (choices.preset === 'split') options.lans = [...(choices.lans ?? defaultLans(lanOptions))];
  if (choices.dns !== null) options.dns = splitList(choices.dns);
  const endpoint = choices.endpoint?.trim();
  if (endpoint) options.endpoint = endpoint;
  return options;
}

/** "vpn.example.com:13231", brackets around IPv6 as WireGuard writes it. */
export function endpointText(endpoint: { host: string; port: number }): string {
  return formatEndpoint(endpoint.host, endpoint.port);
}

/** Reads "host", "host:port" or "[v6]:port"; null when the port is not 1..65535. */
export function parseEndpoint(text: string): { host: string; port: number | null } | null {
  const value = text.trim();
  if (!value) return null;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const plain = /^([^:\s]+)(?::(\d+))?$/.exec(value);
  const bareV6 = !v6 && !plain && value.includes(':') && !/\s/.test(value) ? value : null;
  const host = v6?.[1] ?? plain?.[1] ?? bareV6;
  if (!host) return null;
  const portText = v6?.[2] ?? plain?.[2];
  if (portText === undefined) return { host, port: null };
  const port = Number(portText);
  return port >= 1 && port <= 65535 ? { host, port } : null;
}

/** Config problems where a new key pair is the way out. */
export const ROTATE_PROBLEMS: readonly ConfigProblem[] = ['NO_PRIVATE_KEY', 'KEY_SHOWN_ONCE', 'KEY_MISMATCH'];

/** The details.reason of a configs:get / configs:export error, or null. */
export function problemOf(details: Record<string, unknown> | undefined): ConfigProblem | null {
  // Reasons outside the contract's list are shown as the error they come with.
  const reason = details?.['reason'];
  return (CONFIG_PROBLEMS as readonly unknown[]).includes(reason) ? (reason as ConfigProblem) : null;
}

/** Most serious first: a phone that cannot reach the router at all beats a missing DNS. */
const SEVERITY: Record<ConfigWarning['code'], number> = {
  PRIVATE_ENDPOINT: 0,
  INTERFACE_DISABLED: 0,
  PEER_DISABLED: 0,
  FIREWALL_CLOSED: 1,
  NO_ENDPOINT: 1,
  NO_ADDRESS: 1,
  BEHIND_NAT: 2,
  OFFLINE_COPY: 2,
  DDNS_OFF: 2,
  ENDPOINT_NOT_SAVED: 3,
  QR_TOO_LONG: 3,
  NO_DNS: 4,
  ROUTE_EXISTS: 4,
};

export function sortWarnings(warnings: readonly ConfigWarning[]): ConfigWarning[] {
  return [...warnings].sort((a, b) => SEVERITY[a.code] - SEVERITY[b.code]);
}

export function warningTone(code: ConfigWarning['code']): 'danger' | 'warn' | 'info' {
  return SEVERITY[code] === 0 ? 'danger' : SEVERITY[code] >= 3 ? 'info' : 'warn';
}

/** Each code once, most serious first: what the dialog shows as banners. */
export function shownWarnings(warnings: readonly ConfigWarning[]): ConfigWarning[] {
  const seen = new Set<string>();
  return sortWarnings(warnings).filter((w) => !seen.has(w.code) && Boolean(seen.add(w.code)));
}

