// Public surface of config artifacts: a finished wg-quick client config turned into a QR code (PNG, SVG,
// data URL), a ZIP of .conf files, a printable PDF sheet of QR codes, and safe paths for the save dialogs.
export { ConfigArtifactError, type ConfigArtifactErrorCode } from './errors.ts';
export {
  configQrPng,
  configQrSvg,
  qrDataUrl,
  planConfigQr,
  MAX_QR_BYTES,
  MAX_VERSION_AT_M,
  type ConfigQrLevel,
  type ConfigQrPlan,
  type ConfigQrPngOptions,
} from './qr.ts';
export { configsZip, type ConfigZipEntry, type ConfigZipOptions } from './zip.ts';
export { configSheetPdf, DEFAULT_SHEET_TEXT, type ConfigSheetEntry, type ConfigSheetOptions, type ConfigSheetText } from './sheet.ts';
export { uniqueConfigBaseNames, configBaseName } from './file-names.ts';
