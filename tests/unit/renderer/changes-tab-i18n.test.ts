// The Changes tab's own translation files (history with undo, backups): same keys in both languages, nothing
// empty, the same placeholders.
import { describe } from 'vitest';
import { bundlePairChecks } from './i18n-bundle.ts';
import historyEn from '../../../renderer/i18n/history.en.json' with { type: 'json' };
import historyTr from '../../../renderer/i18n/history.tr.json' with { type: 'json' };
import backupsEn from '../../../renderer/i18n/backups.en.json' with { type: 'json' };
import backupsTr from '../../../renderer/i18n/backups.tr.json' with { type: 'json' };

describe('history translations', () => {
  bundlePairChecks(historyEn, historyTr);
});

describe('backups translations', () => {
  bundlePairChecks(backupsEn, backupsTr);
});
