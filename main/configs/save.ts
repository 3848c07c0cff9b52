// Paths for saving configs through the save dialogs. Two things go wrong in practice: a ".conf.txt" (the
// Windows dialog or a "Text" filter adds ".txt", and neither wg-quick nor the WireGuard apps import it), and
// a peer name used as a path ("../x") that writes outside the folder the technician picked.
import path from 'node:path';
import { configFileName } from '../../src/domain/config-file-name.ts';
import { ConfigArtifactError } from './errors.ts';

/** Filters for Electron's save dialog: only ".conf", so the dialog never appends ".txt". */
export const CONFIG_SAVE_FILTERS: readonly { name: string; extensions: string[] }[] = [
  { name: 'WireGuard config', extensions: ['conf'] },
];

/** `<dir>/<safe name>.conf` for the peer; always directly inside `dir`. */
export function safeConfigPath(dir: string, peerName: string): string {
  const folder = path.resolve(dir);
  const name = configFileName(peerName);
  const full = path.join(folder, name);
  // configFileName's alphabet has no separators and no leading dot; checked anyway, because a path that
  // escapes the chosen folder must never be written, whatever a later change to the name rule does.
  if (path.dirname(full) !== folder || path.basename(full) !== name) {
    throw new ConfigArtifactError('PATH_OUTSIDE_FOLDER', `The name "${peerName}" cannot be used as a file name in ${folder}. Rename the peer and save again.`);
  }
  return full;
}

/**
 * What to write after the technician picked or typed a path in the save dialog: same folder, name made
 * safe for wg-quick ("My Phone.conf.txt" -> "My-Phone.conf"). Show the returned path, it may differ.
 */
export function safeChosenConfigPath(chosenPath: string): string {
  const base = path.basename(chosenPath).replace(/(\.conf)?(\.txt)?$/i, '');
  return safeConfigPath(path.dirname(path.resolve(chosenPath)), base);
}

/** Options for Electron's dialog.showSaveDialog, without importing Electron here. */
export function configSaveDialogOptions(dir: string, peerName: string): { defaultPath: string; filters: { name: string; extensions: string[] }[] } {
  return { defaultPath: safeConfigPath(dir, peerName), filters: CONFIG_SAVE_FILTERS.map((f) => ({ ...f, extensions: [...f.extensions] })) };
}
