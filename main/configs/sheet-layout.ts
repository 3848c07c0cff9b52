// Where things go on the printed QR sheet: A4 portrait, 2 × 3 cells, in PDF points (1/72 inch, origin at the
// bottom left). Six per page keeps each code at 56 mm, which phones read from paper at arm's length even at
// the densest config a router produces; the cells are also a sensible size to cut apart and hand out.
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 36;
export const COLUMNS = 2;
export const ROWS = 3;
export const PER_PAGE = COLUMNS * ROWS;
export const HEADER_HEIGHT = 66;
export const FOOTER_HEIGHT = 26;

/** Width of the code itself, quiet zone excluded: 160 pt = 56 mm, above the 5 cm we promise. */
export const QR_SYMBOL_PT = 160;
export const QR_PNG_SCALE = 8;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const GRID_TOP = PAGE.height - MARGIN - HEADER_HEIGHT;
const GRID_BOTTOM = MARGIN + FOOTER_HEIGHT;
const CELL_WIDTH = (PAGE.width - 2 * MARGIN) / COLUMNS;
const CELL_HEIGHT = (GRID_TOP - GRID_BOTTOM) / ROWS;

/** The cell for the n-th code on its page, row by row from the top left. */
export function cellRect(indexOnPage: number): Rect {
  const column = indexOnPage % COLUMNS;
  const row = Math.floor(indexOnPage / COLUMNS);
  return { x: MARGIN + column * CELL_WIDTH, y: GRID_TOP - (row + 1) * CELL_HEIGHT, width: CELL_WIDTH, height: CELL_HEIGHT };
}

/** The QR image including its quiet zone, sized so the symbol is QR_SYMBOL_PT wide whatever its version. */
export function qrImageSize(modules: number, quietZone: number): number {
  return (QR_SYMBOL_PT * (modules + 2 * quietZone)) / modules;
}

export function pageCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / PER_PAGE));
}
