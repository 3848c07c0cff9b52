// Field validators for the peer and interface forms. Each returns the normalised value to store
// or send to the router, or a message telling the technician what to change.
import { normaliseAllowedAddressList, splitList } from './allowed-address.ts';
import { parseDuration } from './durations.ts';
import { parseIp } from './ip.ts';
import { parseWholeNumber } from './numbers.ts';
import { err, ok, show, type Result } from './result.ts';

// C0 controls, DEL, C1 controls and the Unicode line separators: they break RouterOS CLI
// exports, CSV files and file names, and cannot be seen in a form field.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

interface TextRule {
  readonly label: string;
  readonly max: number;
  readonly required: boolean;
}

function validateText(input: string, rule: TextRule): Result<string> {
  const text = input.trim();
  if (rule.required && text === '') return err(`${rule.label} is empty; enter a name.`);
  if (hasControlCharacter(text)) {
    return err(`${rule.label} contains a tab, line break or other invisible control character; retype it on one line.`);
  }
  // Count code points, not UTF-16 units: "Şube-İzmir" is 10 characters to the technician.
  const length = [...text].length;
  if (length > rule.max) return err(`${rule.label} is ${length} characters long; the limit is ${rule.max}.`);
  return ok(text);
}

/** RouterOS interface names may contain spaces and most punctuation; 63 characters is generous. */
export function validateInterfaceName(input: string): Result<string> {
  return validateText(input, { label: 'Interface name', max: 63, required: true });
}

export function validatePeerName(input: string): Result<string> {
  return validateText(input, { label: 'Peer name', max: 63, required: true });
}

export function validateComment(input: string): Result<string> {
  return validateText(input, { label: 'Comment', max: 255, required: false });
}

export function validateListenPort(value: number | string): Result<number> {
  return parseWholeNumber(value, {
    label: 'Listen port',
    min: 1,
    max: 65535,
    hint: 'RouterOS uses 13231 by default; each WireGuard interface on a router needs its own port.',
  });
}

/**
 * 1280 is the smallest MTU IPv6 allows on any link (RFC 8200), and WireGuard always carries IPv6
 * too; RouterOS rejects less. 1420 fits a 1500-byte path after WireGuard's 80 bytes over IPv6.
 */
export function validateMtu(value: number | string): Result<number> {
  return parseWholeNumber(value, {
    label: 'MTU',
    min: 1280,
    max: 65535,
    hint: 'Below 1280 IPv6 cannot cross the tunnel; 1420 suits most connections, 1280 is the safe choice for mobile networks.',
  });
}

/**
 * Persistent keepalive in seconds; 0 turns it off. Accepts RouterOS durations ("25s", "1m")
 * because that is how the router prints the value back.
 */
export function validateKeepalive(value: number | string): Result<number> {
  const rule = {
    label: 'Keepalive',
    min: 0,
    max: 65535,
    hint: 'Use 25 for clients behind NAT, or 0 to turn keepalive off.',
  };
  if (typeof value === 'string' && /[a-z:]/i.test(value)) {
    const ms = parseDuration(value);
    const seconds = parseWholeNumber(ms.ok ? ms.value / 1000 : Number.NaN, rule);
    // On failure re-check the text itself, so the message quotes what was typed ("2d"), not 172800.
    if (seconds.ok) return seconds;
  }
  return parseWholeNumber(value, rule);
}

/** DNS servers as IP addresses, comma or space separated; an empty list is allowed (no DNS push). */
export function validateDnsServers(input: string | readonly string[]): Result<string[]> {
  const servers: string[] = [];
  for (const entry of splitList(input)) {
    if (/[a-z]/i.test(entry) && !entry.includes(':')) {
      return err(`DNS server ${show(entry)} is not an IP address. Enter DNS servers as IP addresses, like 1.1.1.1 or the router's tunnel address, not as names.`);
    }
    const ip = parseIp(entry, 'DNS server');
    if (!ip.ok) return ip;
    if (!servers.includes(ip.value.text)) servers.push(ip.value.text);
  }
  return ok(servers);
}

/** Peer allowed-address: normalised, duplicates dropped, in RouterOS order. */
export function validateAllowedAddress(input: string | readonly string[]): Result<string[]> {
  return normaliseAllowedAddressList(input);
}
