// Reading a CSV file picked in the renderer. Excel saves "CSV UTF-8" only when asked; a plain "CSV" from a
// Turkish Windows is Windows-1254. Strict UTF-8 first, then that code page, and the technician is told
// which one was used, so "Şube" never silently arrives as "Þube".

export interface CsvText {
  text: string;
  encoding: 'utf-8' | 'windows-1254';
}

/** The contract's limit for one import (characters). */
export const MAX_CSV_CHARS = 5_000_000;

export function decodeCsv(bytes: ArrayBuffer): CsvText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1254').decode(bytes), encoding: 'windows-1254' };
  }
}

export async function readCsvFile(file: Blob): Promise<CsvText> {
  return decodeCsv(await file.arrayBuffer());
}
