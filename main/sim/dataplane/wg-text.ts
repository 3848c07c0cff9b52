// The WireGuard texts the data plane exchanges with `wg`: the config fed to `wg syncconf`, and `wg show dump`.
import type { Row } from '../state/row.ts';
import type { PeerStats } from '../traffic/model.ts';
import { parseDuration } from '../values/duration.ts';

/** `[Interface]` + `[Peer]` sections for the enabled peers of one interface. */
export function syncconfText(iface: Row, peers: readonly Row[]): string {
  const lines = ['[Interface]', `PrivateKey = ${iface.get('private-key')}`, `ListenPort = ${iface.get('listen-port')}`];
  for (const peer of peers) {
    lines.push('', '[Peer]', `PublicKey = ${peer.get('public-key')}`, `AllowedIPs = ${peer.get('allowed-address')}`);
    const psk = peer.get('preshared-key');
    if (psk) lines.push(`PresharedKey = ${psk}`);
    const host = peer.get('endpoint-address');
    const port = Number(peer.get('endpoint-port') ?? 0);
    if (host && port > 0) lines.push(`Endpoint = ${host.includes(':') ? `[${host}]` : host}:${port}`);
    const keepalive = parseDuration(peer.get('persistent-keepalive') ?? '') ?? 0;
    if (keepalive > 0) lines.push(`PersistentKeepalive = ${Math.round(keepalive)}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseEndpoint(text: string): PeerStats['endpoint'] {
  if (text === '(none)') return undefined;
  const colon = text.lastIndexOf(':');
  const host = text.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  return { address: host, port: Number(text.slice(colon + 1)) };
}

/** Peer lines of `wg show <dev> dump` by public key (the first line describes the interface). */
export function parseDump(dump: string): Map<string, PeerStats> {
  const out = new Map<string, PeerStats>();
  for (const line of dump.trim().split('\n').slice(1)) {
    const [publicKey, , endpoint, , handshake, rx, tx] = line.split('\t');
    if (!publicKey || endpoint === undefined) continue;
    const seconds = Number(handshake);
    out.set(publicKey, {
      rx: Number(rx),
      tx: Number(tx),
      lastHandshakeAt: seconds > 0 ? seconds * 1000 : undefined,
      endpoint: parseEndpoint(endpoint),
    });
  }
  return out;
}
