// A router's Changes tab: what WireDesk changed on it (with undo), and the backups taken before each change
// (diff, download, restore). Both read main's change journal; neither talks to the router except through a plan.
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { BackupsPanel } from './backups/BackupsPanel.tsx';

export function ChangesTab({ routerId }: { routerId: string }) {
  return (
    <div className="changes-tab" data-testid="changes-tab">
      <HistoryPanel routerId={routerId} />
      <BackupsPanel routerId={routerId} />
    </div>
  );
}
