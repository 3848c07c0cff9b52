// The one response that may carry a peer's private (and preshared) key: the client config built from it and
// its QR code, so a 'shown-once' key can be handed to the device right now. Nothing here is logged or stored.
import type { OneTimeSecret } from '../../../src/contract/index.ts';
import { buildClientConfig, type Endpoint } from '../../../src/domain/index.ts';
import { qrDataUrl } from '../../configs/index.ts';
import type { KeyCustody } from '../../store/peer-keys.ts';

export interface SecretParts {
  privateKey: string | null;
  presharedKey: string | null;
  custody: KeyCustody | null;
  addresses: string[];
  dns: string[];
  serverPublicKey: string;
  allowedIps: string[];
  keepaliveSec: number;
  /** Where the client dials: the remembered endpoint, or the client endpoint with the listen port; null when unknown. */
  endpoint: Pick<Endpoint, 'host' | 'port'> | null;
  iface: string;
}

export async function oneTimeSecret(p: SecretParts): Promise<OneTimeSecret> {
  const base = { privateKey: p.privateKey, presharedKey: p.presharedKey, custody: p.custody, config: null, qr: null };
  if (!p.privateKey) {
    return { ...base, configProblem: 'WireDesk holds no private key for this peer (its device made its own), so the device already has its config; only the preshared key is new.' };
  }
  if (!p.endpoint) {
    const keep = p.custody === 'shown-once' ? ' Copy the private key now: it is not kept.' : '';
    return { ...base, configProblem: `WireDesk does not know the public address clients dial for ${p.iface}. Set the endpoint (host and port), or a client endpoint on the peer, to get a ready config.${keep}` };
  }
  const built = buildClientConfig({
    privateKey: p.privateKey,
    addresses: p.addresses,
    dns: p.dns,
    serverPublicKey: p.serverPublicKey,
    presharedKey: p.presharedKey ?? undefined,
    allowedIps: p.allowedIps,
    endpointHost: p.endpoint.host,
    endpointPort: p.endpoint.port,
    persistentKeepalive: p.keepaliveSec,
  });
  if (!built.ok) return { ...base, configProblem: built.message };
  let qr: string | null = null;
  try {
    qr = await qrDataUrl(built.value);
  } catch {
    // Too long for a QR code: the .conf text still works.
  }
  return { ...base, config: built.value, qr, configProblem: null };
}
