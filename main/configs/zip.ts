// A ZIP of client configs, one <name>.conf per peer, for handing several out at once. The WireGuard apps
// for Windows and macOS import such a ZIP directly, which is why every name must end in ".conf".
import JSZip from 'jszip';
import { ConfigArtifactError, forPeer, requireConfigText } from './errors.ts';
import { uniqueConfigBaseNames } from './file-names.ts';
import { configQrPng } from './qr.ts';

export interface ConfigZipEntry {
  readonly peerName: string;
  /** The finished wg-quick config, stored byte for byte (UTF-8, LF line endings kept). */
  readonly text: string;
}

export interface ConfigZipOptions {
  /** Put <name>.png with the config's QR code next to each <name>.conf. */
  readonly withQrPng?: boolean;
  /**
   * Timestamp stored for every file. Default 1980-01-01 00:00, the earliest a ZIP can hold: the same
   * configs then always give the same archive bytes, so a re-export is recognisably unchanged.
   */
  readonly date?: Date;
}

const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

export async function configsZip(entries: readonly ConfigZipEntry[], options: ConfigZipOptions = {}): Promise<Buffer> {
  if (entries.length === 0) throw new ConfigArtifactError('NO_CONFIGS', 'No peers are selected, so there are no configs to put into a ZIP. Select at least one peer.');
  const date = options.date ?? ZIP_EPOCH;
  const names = uniqueConfigBaseNames(entries.map((e) => e.peerName));
  const zip = new JSZip();
  for (const [i, entry] of entries.entries()) {
    const name = names[i] ?? 'wireguard';
    await forPeer(entry.peerName, async () => {
      requireConfigText(entry.text);
      // Buffers, not strings: JSZip then stores the bytes untouched.
      zip.file(`${name}.conf`, Buffer.from(entry.text, 'utf8'), { date, binary: true });
      if (options.withQrPng) zip.file(`${name}.png`, await configQrPng(entry.text), { date, binary: true });
    });
  }
  // DOS platform: no Unix owner or mode bits that would differ between the machines that build the ZIP.
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}
