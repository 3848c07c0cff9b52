// A printable A4 PDF of QR codes for handing configs out on paper: per cell one code, the peer's name and an
// optional subtitle (its address); per page a header, the scan instruction and page numbers.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { ConfigArtifactError, forPeer } from './errors.ts';
import { fitText, pdfSafeText } from './pdf-text.ts';
import { configQrPng, planConfigQr } from './qr.ts';
import { MARGIN, PAGE, PER_PAGE, QR_PNG_SCALE, cellRect, pageCount, qrImageSize, type Rect } from './sheet-layout.ts';

export interface ConfigSheetEntry {
  readonly peerName: string;
  /** A second line under the name, e.g. the peer's tunnel address. */
  readonly subtitle?: string;
  readonly text: string;
}

export interface ConfigSheetText {
  /** The header's second line, under the title; `generated` is already formatted in local time. */
  readonly routerLine: (routerName: string, generated: string) => string;
  readonly instruction: string;
  /** Printed at the foot of every page: the sheet is as secret as the configs on it. */
  readonly notice: string;
  readonly page: (page: number, pages: number) => string;
}

export interface ConfigSheetOptions {
  readonly title: string;
  readonly routerName: string;
  /** Printed in the header (local time) and stored as the PDF's dates, so equal input gives equal bytes. */
  readonly generatedAt: Date;
  /** Wording, for when the sheet is translated; English by default. */
  readonly text?: Partial<ConfigSheetText>;
}

export const DEFAULT_SHEET_TEXT: ConfigSheetText = {
  routerLine: (routerName, generated) => `Router: ${routerName}  ·  Generated ${generated}`,
  instruction: 'Open the WireGuard app, tap +, then "Scan from QR code".',
  notice: 'Each code contains a private key. Give it only to the person it is for, then shred the paper.',
  page: (page, pages) => `Page ${page} of ${pages}`,
};

const QUIET_ZONE = 4;
const NAME_SIZE = 12;
const SUBTITLE_SIZE = 9;
const TEXT_BLOCK = 30;
const GREY = rgb(0.4, 0.4, 0.4);
const CUT_LINE = rgb(0.8, 0.8, 0.8);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

function localTimestamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function line(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number, maxWidth: number, color = rgb(0, 0, 0)): void {
  page.drawText(fitText(font, pdfSafeText(font, text), size, maxWidth), { x, y, size, font, color });
}

function centred(page: PDFPage, font: PDFFont, text: string, rect: Rect, y: number, size: number, color = rgb(0, 0, 0)): void {
  const shown = fitText(font, pdfSafeText(font, text), size, rect.width - 16);
  page.drawText(shown, { x: rect.x + (rect.width - font.widthOfTextAtSize(shown, size)) / 2, y, size, font, color });
}

function drawFrame(page: PDFPage, fonts: Fonts, options: ConfigSheetOptions, wording: ConfigSheetText, n: number, pages: number): void {
  const width = PAGE.width - 2 * MARGIN;
  const top = PAGE.height - MARGIN;
  line(page, fonts.bold, options.title, MARGIN, top - 16, 16, width);
  line(page, fonts.regular, wording.routerLine(options.routerName, localTimestamp(options.generatedAt)), MARGIN, top - 34, 10, width, GREY);
  line(page, fonts.bold, wording.instruction, MARGIN, top - 52, 10, width);
  page.drawLine({ start: { x: MARGIN, y: top - 60 }, end: { x: PAGE.width - MARGIN, y: top - 60 }, thickness: 0.5, color: CUT_LINE });
  line(page, fonts.regular, wording.notice, MARGIN, MARGIN, 8, width * 0.75, GREY);
  const pageText = pdfSafeText(fonts.regular, wording.page(n, pages));
  page.drawText(pageText, { x: PAGE.width - MARGIN - fonts.regular.widthOfTextAtSize(pageText, 9), y: MARGIN, size: 9, font: fonts.regular });
}

async function drawCell(doc: PDFDocument, page: PDFPage, fonts: Fonts, entry: ConfigSheetEntry, rect: Rect): Promise<void> {
  const plan = planConfigQr(entry.text);
  const png = await doc.embedPng(await configQrPng(entry.text, { scale: QR_PNG_SCALE, margin: QUIET_ZONE }));
  // Only a tiny (non-config) text would have a quiet zone big enough to need shrinking.
  const size = Math.min(qrImageSize(plan.modules, QUIET_ZONE), rect.height - TEXT_BLOCK - 4);
  // Code and name centred as one block, so the cut-out slips look alike whatever the code's size.
  const imageY = rect.y + (rect.height - size - TEXT_BLOCK) / 2 + TEXT_BLOCK;
  page.drawImage(png, { x: rect.x + (rect.width - size) / 2, y: imageY, width: size, height: size });
  centred(page, fonts.bold, entry.peerName, rect, imageY - NAME_SIZE, NAME_SIZE);
  if (entry.subtitle) centred(page, fonts.regular, entry.subtitle, rect, imageY - NAME_SIZE - 4 - SUBTITLE_SIZE, SUBTITLE_SIZE, GREY);
  // Dashed outline to cut along; it runs at the cell edge, well clear of the code's quiet zone.
  page.drawRectangle({ ...rect, borderColor: CUT_LINE, borderWidth: 0.5, borderDashArray: [3, 3] });
}

export async function configSheetPdf(entries: readonly ConfigSheetEntry[], options: ConfigSheetOptions): Promise<Buffer> {
  if (entries.length === 0) throw new ConfigArtifactError('NO_CONFIGS', 'No peers are selected, so there is nothing to print. Select at least one peer.');
  const t = options.text ?? {};
  const wording: ConfigSheetText = {
    routerLine: t.routerLine ?? DEFAULT_SHEET_TEXT.routerLine,
    instruction: t.instruction ?? DEFAULT_SHEET_TEXT.instruction,
    notice: t.notice ?? DEFAULT_SHEET_TEXT.notice,
    page: t.page ?? DEFAULT_SHEET_TEXT.page,
  };
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Document properties are stored as Unicode, so the title keeps its Turkish letters there.
  doc.setTitle(options.title);
  doc.setCreator('WireDesk');
  doc.setProducer('WireDesk');
  doc.setCreationDate(options.generatedAt);
  doc.setModificationDate(options.generatedAt);
  const fonts: Fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const pages = pageCount(entries.length);
  for (let p = 0; p < pages; p += 1) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    drawFrame(page, fonts, options, wording, p + 1, pages);
    for (const [i, entry] of entries.slice(p * PER_PAGE, (p + 1) * PER_PAGE).entries()) {
      await forPeer(entry.peerName, () => drawCell(doc, page, fonts, entry, cellRect(i)));
    }
  }
  return Buffer.from(await doc.save());
}
