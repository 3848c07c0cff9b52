// What a change was, in English, for the router's side only: the backup's .rsc header and the rollback
// scheduler entry's comment are read on the router (WinBox, the terminal), where the app's language is not
// known. Everything shown in WireDesk is worded by the renderer from the subject's code and parameters.
import type { ChangeSubject } from '../../../src/contract/changes.ts';

const BULK_VERB: Record<string, string> = { enable: 'Enable', disable: 'Disable', delete: 'Delete' };

export function subjectText(s: ChangeSubject): string {
  const p = s.params;
  const part = p.from !== undefined && p.to !== undefined ? ` (${p.from}-${p.to})` : '';
  switch (s.code) {
    case 'peer.create': return `Add peer "${p.name}" on ${p.interface}`;
    case 'peer.update': return `Edit peer "${p.name}" on ${p.interface}`;
    case 'peer.enable': return `Enable peer "${p.name}"`;
    case 'peer.disable': return `Disable peer "${p.name}"`;
    case 'peer.delete': return `Delete peer "${p.name}" from ${p.interface}`;
    case 'peer.rotateKeys': return `New keys for peer "${p.name}"`;
    case 'peer.bulk': return `${BULK_VERB[String(p.action)] ?? p.action} ${p.count} peers${part}`;
    case 'peer.import': return `${p.source ? `Import ${p.source}` : 'CSV import'} to ${p.interface} (rows ${p.from}-${p.to})`;
    case 'interface.create': return `Create interface ${p.name}`;
    case 'interface.update': return `Edit interface ${p.name}`;
    case 'interface.enable': return `Enable interface ${p.name}`;
    case 'interface.disable': return `Disable interface ${p.name}`;
    case 'interface.delete': return `Delete interface ${p.name} with its ${p.peers} peer(s)`;
    case 'interface.openPort': return `Let UDP port ${p.port} in for ${p.name} (firewall)`;
    case 'interface.addAddress': return `Add address ${p.address} to ${p.name}`;
    case 'router.ntp': return `Turn on the NTP client (${p.servers})`;
    case 'backup.restore': return `Restore the backup of ${new Date(Number(p.takenAt)).toISOString().slice(0, 19).replace('T', ' ')} UTC${s.of ? ` (before: ${subjectText(s.of)})` : ''}`;
    case 'change.undo': return `Undo: ${s.of ? subjectText(s.of) : p.title}`;
    case 'site.link': return `Site link to ${p.other}`;
    case 'site.undo': return `Undo site link to ${p.other} (the other router refused its part)`;
  }
}
