// A row is a plain `Record<string, string>` so callers can read `row['public-key']`, spread, compare and
// send it over IPC. Fields that were not UTF-8 also keep their original bytes in a hidden (non-enumerable,
// symbol-keyed) property: it does not show up in spreads, JSON or equality checks, and it is read through
// `rawText()` / `valueForWrite()` when a value goes back to the router.
import { decodeText, type RawText } from './text.ts';

export type Row = Record<string, string>;

const LEGACY = Symbol('routeros.legacyText');

type WithLegacy = Row & { [LEGACY]?: Record<string, RawText> };

export function buildRow(attributes: ReadonlyMap<string, Buffer>, legacyCodePage: string): Row {
  const row: Row = {};
  let legacy: Record<string, RawText> | undefined;
  for (const [key, bytes] of attributes) {
    const { text, raw } = decodeText(bytes, legacyCodePage);
    row[key] = text;
    if (raw) (legacy ??= {})[key] = raw;
  }
  if (legacy) Object.defineProperty(row, LEGACY, { value: legacy, enumerable: false });
  return row;
}

/** Original bytes of a field that was not UTF-8; undefined for UTF-8 (or absent) fields. */
export function rawText(row: Row, key: string): RawText | undefined {
  return (row as WithLegacy)[LEGACY]?.[key];
}

/** All non-UTF-8 fields of a row, keyed by attribute name (empty when the row is all UTF-8). */
export function legacyFields(row: Row): Readonly<Record<string, RawText>> {
  return (row as WithLegacy)[LEGACY] ?? {};
}

/**
 * The value to send for `key` when writing a row back: the preserved original bytes when the text is
 * unchanged (so legacy cp1251/cp1250 text survives a round trip), otherwise the edited text as UTF-8.
 */
export function valueForWrite(row: Row, key: string, edited?: string): string | RawText {
  const raw = rawText(row, key);
  const current = row[key] ?? '';
  if (edited === undefined || edited === current) return raw ?? current;
  return edited;
}

/**
 * A copy of `row` changed by `edit`, keeping the original bytes of every field the edit left as it was
 * (a spread would drop them, and an unchanged cp1251 comment would then be written back as UTF-8).
 */
export function editRow(row: Row, edit: (copy: Row) => void, from: readonly Row[] = []): Row {
  const copy: Row = { ...row };
  edit(copy);
  const legacy: Record<string, RawText> = {};
  for (const source of [row, ...from]) {
    for (const [key, raw] of Object.entries(legacyFields(source))) {
      if (copy[key] === source[key]) legacy[key] = raw;
    }
  }
  if (Object.keys(legacy).length > 0) Object.defineProperty(copy, LEGACY, { value: legacy, enumerable: false });
  return copy;
}

/** `row` without `keys` (legacy bytes of the other fields kept). */
export function omitFields(row: Row, keys: readonly string[]): Row {
  return editRow(row, (copy) => {
    for (const key of keys) delete copy[key];
  });
}

/** Field-by-field equality of the visible text (legacy bytes follow the text, so they need no comparing). */
export function sameRow(a: Row, b: Row): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}
