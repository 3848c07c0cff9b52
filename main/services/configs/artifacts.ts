// Turns built configs into the file the technician asked for. The renderer saves `base64` under `fileName`
// with a download link, so the name carries the extension and the MIME type never invites ".txt".
import { configQrPng, configQrSvg, configSheetPdf, configsZip } from '../../configs/index.ts';
import { configBaseName } from '../../configs/file-names.ts';
import type { BuiltConfig } from './peer-config.ts';

export type ExportKind = 'conf' | 'zip' | 'pdf' | 'png' | 'svg';

export interface Artifact {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface ArtifactOptions {
  routerName: string;
  withQrPng: boolean;
  title: string | undefined;
  generatedAt: Date;
}

/** File-name safe, readable: "Merkez Ofis / RB5009" -> "Merkez-Ofis-RB5009". */
function slug(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '') || 'router';
}

export async function makeArtifact(kind: ExportKind, configs: readonly BuiltConfig[], o: ArtifactOptions): Promise<Artifact> {
  const [first] = configs;
  switch (kind) {
    case 'conf':
      // application/octet-stream: with text/plain some save paths append ".txt", and wg-quick and the
      // WireGuard apps refuse a ".conf.txt".
      return { fileName: first!.fileName, mimeType: 'application/octet-stream', bytes: Buffer.from(first!.text, 'utf8') };
    case 'png':
      return { fileName: `${configBaseName(first!.peerName)}.png`, mimeType: 'image/png', bytes: await configQrPng(first!.text) };
    case 'svg':
      return { fileName: `${configBaseName(first!.peerName)}.svg`, mimeType: 'image/svg+xml', bytes: Buffer.from(await configQrSvg(first!.text), 'utf8') };
    case 'zip': {
      const bytes = await configsZip(configs.map((c) => ({ peerName: c.peerName, text: c.text })), { withQrPng: o.withQrPng });
      return { fileName: `${slug(o.routerName)}-configs.zip`, mimeType: 'application/zip', bytes };
    }
    case 'pdf': {
      const entries = configs.map((c) => ({ peerName: c.peerName, subtitle: c.addresses.join(', '), text: c.text }));
      const title = o.title?.trim() || `WireGuard access · ${o.routerName}`;
      const bytes = await configSheetPdf(entries, { title, routerName: o.routerName, generatedAt: o.generatedAt });
      return { fileName: `${slug(o.routerName)}-qr-sheet.pdf`, mimeType: 'application/pdf', bytes };
    }
  }
}
