// One error type for turning a client config into files, QR codes and printouts. `code` is stable so the
// IPC layer can map it (all of them are the technician's input, i.e. VALIDATION); `message` is the sentence
// shown to the technician as-is.
export type ConfigArtifactErrorCode =
  | 'CONFIG_EMPTY'
  | 'CONFIG_TOO_LONG_FOR_QR'
  | 'NO_CONFIGS';

export class ConfigArtifactError extends Error {
  readonly code: ConfigArtifactErrorCode;

  constructor(code: ConfigArtifactErrorCode, message: string) {
    super(message);
    this.name = 'ConfigArtifactError';
    this.code = code;
  }
}

export function requireConfigText(text: string): void {
  if (text.trim() === '') throw new ConfigArtifactError('CONFIG_EMPTY', "The client config is empty, so there is nothing to export. Create the peer's config again.");
}

/** Runs `work` for one peer of a batch; a ConfigArtifactError from it names that peer, so the technician knows which one. */
export async function forPeer<T>(peerName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConfigArtifactError) throw new ConfigArtifactError(error.code, `"${peerName}": ${error.message}`);
    throw error;
  }
}
