// Text for the standard PDF fonts. Helvetica in pdf-lib encodes WinAnsi (Windows-1252) only and throws on
// anything else, and Turkish ğ ş ı İ Ğ Ş are not in it. Embedding a Unicode font would need fontkit and a
// font file we do not ship, so letters outside WinAnsi are spelled the way Turkish is written without
// them (Ayşe -> Ayse, Iğdır -> Igdir): still readable to the person looking for their own name, where a
// "?" or a missing glyph is not. ü ö ç é ß... are in WinAnsi and stay as they are.
import type { PDFFont } from 'pdf-lib';

// Letters that do not decompose into base letter + accent under NFD, or decompose to a non-WinAnsi base.
const SPELLED: Readonly<Record<string, string>> = {
  ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŋ: 'ng', Ŋ: 'NG', ĸ: 'k',
  '’': "'", '‘': "'", '“': '"', '”': '"',
};

function encodable(font: PDFFont): (c: string) => boolean {
  const set = new Set(font.getCharacterSet());
  return (c) => set.has(c.codePointAt(0) ?? -1);
}

/** `text` with every character the font can draw, the rest spelled out or dropped; never throws. */
export function pdfSafeText(font: PDFFont, text: string): string {
  const canDraw = encodable(font);
  let out = '';
  for (const c of text.replace(/[\r\n\t]+/g, ' ')) {
    if (canDraw(c)) {
      out += c;
      continue;
    }
    const spelled = SPELLED[c] ?? c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += [...spelled].map((s) => (canDraw(s) ? s : '?')).join('');
  }
  return out;
}

/** Cut `text` with an ellipsis so it fits `maxWidth` points at `size`. */
export function fitText(font: PDFFont, text: string, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
