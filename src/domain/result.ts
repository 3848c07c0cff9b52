// Every validator in the domain returns a Result instead of throwing, so the UI can show
// `message` to a technician verbatim. Messages say what is wrong *and* what to do about it.

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly message: string };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(message: string): Err {
  return { ok: false, message };
}

const MAX_SHOWN = 40;

/**
 * Render a user-supplied value inside a message. Plain numbers stay bare ("got 70000");
 * anything else is quoted with control characters escaped, so empty strings, stray spaces
 * and pasted tabs are visible. Long pastes are cut so the message still fits a toast.
 */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '(nothing)';
  const text = String(value);
  if (text === '') return '(empty)';
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(cut);
}
