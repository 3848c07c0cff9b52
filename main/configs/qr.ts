// QR codes that carry a wg-quick client config to the WireGuard mobile apps, which import the scanned
// text as-is. Why these choices (byte mode, M or L, quiet zone): docs/decisions/0004-qr-codes.md.
import QRCode, { type QRCodeSegment } from 'qrcode';
import { ConfigArtifactError, requireConfigText } from './errors.ts';

export type ConfigQrLevel = 'M' | 'L';

export interface ConfigQrPlan {
  /** UTF-8 length of the config, which is what the code stores. */
  readonly bytes: number;
  readonly errorCorrectionLevel: ConfigQrLevel;
  /** 1 to 40; the symbol is 17 + 4 × version modules wide. */
  readonly version: number;
  readonly modules: number;
}

export interface ConfigQrPngOptions {
  /** Pixels per module (default 8). Ignored when `width` is given. */
  readonly scale?: number;
  /** Largest image width in pixels; rounded down to whole pixels per module so module edges stay sharp. */
  readonly width?: number;
  /** Quiet zone in modules (default 4, what the QR standard requires and cameras rely on). */
  readonly margin?: number;
}

/** Beyond version 15 (77 modules) M's damage tolerance, little needed on a screen or clean paper, costs 2-3 versions. */
export const MAX_VERSION_AT_M = 15;
/** Byte capacity of version 40 at level L: nothing longer fits into any QR code. */
export const MAX_QR_BYTES = 2953;
const QUIET_ZONE = 4;
const DEFAULT_SCALE = 8;
/** Big enough for a large on-screen view at 2x pixel density without the <img> blurring it. */
const DATA_URL_WIDTH = 1024;

// One byte segment of the UTF-8 bytes: the code holds exactly the file's bytes, never re-encoded. Mixed
// numeric/alphanumeric segments would not make configs smaller anyway (measured: same version, see 0004).
function segments(text: string): QRCodeSegment[] {
  return [{ mode: 'byte', data: Buffer.from(text, 'utf8') }];
}

function versionAt(text: string, level: ConfigQrLevel): number | undefined {
  try {
    return QRCode.create(segments(text), { errorCorrectionLevel: level }).version;
  } catch {
    return undefined; // qrcode throws only when the data fits no version at this level.
  }
}

/** Which level and size the config's code gets; throws CONFIG_TOO_LONG_FOR_QR when nothing fits. */
export function planConfigQr(text: string): ConfigQrPlan {
  requireConfigText(text);
  const bytes = Buffer.byteLength(text, 'utf8');
  const atM = versionAt(text, 'M');
  const choice = atM !== undefined && atM <= MAX_VERSION_AT_M
    ? { errorCorrectionLevel: 'M' as const, version: atM }
    : { errorCorrectionLevel: 'L' as const, version: versionAt(text, 'L') };
  if (choice.version === undefined) {
    throw new ConfigArtifactError(
      'CONFIG_TOO_LONG_FOR_QR',
      `This config is ${bytes} bytes long; a QR code holds at most ${MAX_QR_BYTES}. Send the .conf file instead, or shorten Allowed IPs and DNS.`,
    );
  }
  return { bytes, errorCorrectionLevel: choice.errorCorrectionLevel, version: choice.version, modules: 17 + 4 * choice.version };
}

function renderOptions(plan: ConfigQrPlan, options: ConfigQrPngOptions) {
  const margin = Math.max(0, Math.floor(options.margin ?? QUIET_ZONE));
  const scale = options.width !== undefined
    ? Math.max(1, Math.floor(options.width / (plan.modules + 2 * margin)))
    : Math.max(1, Math.floor(options.scale ?? DEFAULT_SCALE));
  // Pinning version and level makes the rendered code the one planConfigQr described.
  return { errorCorrectionLevel: plan.errorCorrectionLevel, version: plan.version, margin, scale };
}

/** The config as a black-on-white PNG QR code. */
export async function configQrPng(text: string, options: ConfigQrPngOptions = {}): Promise<Buffer> {
  const plan = planConfigQr(text);
  return QRCode.toBuffer(segments(text), { ...renderOptions(plan, options), type: 'png' });
}

/** The config as an SVG QR code that scales to its container (viewBox only, crisp edges). */
export async function configQrSvg(text: string, options: Pick<ConfigQrPngOptions, 'margin'> = {}): Promise<string> {
  const plan = planConfigQr(text);
  const { scale: _scale, ...rest } = renderOptions(plan, options);
  return QRCode.toString(segments(text), { ...rest, type: 'svg' });
}

/**
 * PNG data URL for the renderer's large QR view (its CSP allows data: images). Show it with
 * `image-rendering: pixelated` so scaling keeps the modules sharp.
 */
export async function qrDataUrl(text: string, options: ConfigQrPngOptions = { width: DATA_URL_WIDTH }): Promise<string> {
  const png = await configQrPng(text, options);
  return `data:image/png;base64,${png.toString('base64')}`;
}
