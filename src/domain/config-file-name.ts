// File names for client configs. wg-quick names the tunnel interface after the file, and Linux
// limits interface names to 15 characters of [a-zA-Z0-9_=+.-]; a longer or odder name makes
// `wg-quick up` refuse the file. The WireGuard apps for Windows and macOS apply the same rule.

const MAX_INTERFACE_NAME = 15;
const FALLBACK = 'wireguard';

// Letters that do not decompose into base letter + accent under NFD.
const SPECIAL: Readonly<Record<string, string>> = {
  ı: 'i', İ: 'I', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th',
};

// Windows cannot create these names whatever follows the first dot ("nul.tar.gz" is NUL), and
// technicians mostly run Windows.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(?=\.|$)/i;

function toAscii(name: string): string {
  return [...name]
    .map((c) => SPECIAL[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** "Ayşe'nin Telefonu" -> "Aysenin-Telefon.conf": always valid, never empty. */
export function configFileName(peerName: string): string {
  let base = toAscii(peerName)
    .replace(/['"`’]/g, '')
    .replace(/[^a-zA-Z0-9_=+.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_INTERFACE_NAME)
    .replace(/[-.]+$/, '');
  if (base === '') base = FALLBACK;
  base = base.replace(WINDOWS_RESERVED, '$1-wg').slice(0, MAX_INTERFACE_NAME);
  return `${base}.conf`;
}
