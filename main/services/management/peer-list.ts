// The peer list for the management screens, and its CSV export. Rows come from the router model (live, or
// the last-known copy when the router is unreachable), so every screen shows the same status; added here:
// whether WireDesk holds the private key, the client-* settings, and peers that vanished from the router
// (kept, flagged, never silently dropped).
import type { InvokeOutput, InvokeParsedInput } from '../../../src/contract/index.ts';
import { parseRouterOsVersion, peerFeatures, toCsv } from '../../../src/domain/index.ts';
import { unknownParts } from '../router-model/index.ts';
import { mapErrors } from '../errors.ts';
import type { ManagementDeps } from './deps.ts';
import { managedPeer } from './peer-view.ts';

export class PeerList {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async list(routerId: string): Promise<InvokeOutput<'peers:listManaged'>> {
    return mapErrors(async () => {
      const state = await this.#d.models.state(routerId);
      const custody = this.#d.keys.custodyByKey(routerId);
      const clientFields = hasClientFields(state.facts?.version ?? '');
      const present = state.peers.map((peer) => managedPeer(peer, { custody: custody.get(peer.publicKey) ?? null, vanishedAt: null, clientFields }));
      const vanished = state.vanished.map((v) => managedPeer({ ...v.peer, status: v.status }, { custody: custody.get(v.peer.publicKey) ?? null, vanishedAt: v.vanishedAt, clientFields }));
      return { source: state.source, seenAt: state.seenAt, unknown: unknownParts(state), rows: [...present, ...vanished] };
    });
  }

  async exportCsv(input: InvokeParsedInput<'peers:exportCsv'>): Promise<InvokeOutput<'peers:exportCsv'>> {
    const { rows } = await this.list(input.routerId);
    const chosen = rows.filter((r) => r.vanishedAt === null && (input.interface === undefined || r.interface === input.interface));
    const csv = toCsv(
      chosen.map((p) => ({
        name: p.name || p.comment,
        interface: p.interface,
        address: p.allowedAddress.join(' '),
        publicKey: p.publicKey,
        endpoint: p.endpoint ?? '',
        keepalive: p.persistentKeepaliveSec ?? 0,
        status: p.status,
        handshake: p.lastHandshakeMs === null ? '' : Math.round(p.lastHandshakeMs / 1000),
        rx: p.rx,
        tx: p.tx,
        disabled: p.disabled ? 'yes' : 'no',
        comment: p.comment,
        key: p.hasPrivateKey ? 'yes' : 'no',
      })),
      [
        { key: 'name', header: 'name' },
        { key: 'interface', header: 'interface' },
        { key: 'address', header: 'address' },
        { key: 'publicKey', header: 'public key' },
        { key: 'endpoint', header: 'endpoint' },
        { key: 'keepalive', header: 'keepalive' },
        { key: 'status', header: 'status' },
        { key: 'handshake', header: 'last handshake (s ago)' },
        { key: 'rx', header: 'rx bytes' },
        { key: 'tx', header: 'tx bytes' },
        { key: 'disabled', header: 'disabled' },
        { key: 'comment', header: 'comment' },
        { key: 'key', header: 'private key in WireDesk' },
      ],
      { delimiter: input.delimiter, bom: input.bom },
    );
    const router = this.#d.routers.get(input.routerId)?.name ?? 'router';
    const day = new Date(this.#d.now()).toISOString().slice(0, 10);
    const base = `${router}${input.interface ? `-${input.interface}` : ''}-peers-${day}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `${base}.csv`, csv, rows: chosen.length };
  }
}

/** The router has client-* peer settings (7.12+): from the version it reported, live or last time. */
function hasClientFields(versionText: string): boolean {
  const parsed = parseRouterOsVersion(versionText);
  return parsed.ok && peerFeatures(parsed.value).clientFields;
}
