/** README.txt of the export zip: what each file is, for someone who opens the zip by hand. */
import type { ExportDocument } from './export-schema';
import { EXPORT_JSON_PATH } from './paths';

export function exportReadme(document: ExportDocument): string {
  const checkins = document.habits.reduce((n, h) => n + h.checkins.length, 0);
  return [
    'Habit tracker export',
    '====================',
    '',
    `Exported ${document.exportedAt} for ${document.account.email}:`,
    `${document.habits.length} habits, ${checkins} check-ins, ${document.photos.length} photos.`,
    '',
    `${EXPORT_JSON_PATH}`,
    '  Everything, in one JSON document (format "habit-tracker-export", version 1): your',
    '  settings, every habit (archived ones too) with its check-ins, notes and amounts, and the',
    '  list of photos with their SHA-256 checksums. Import this zip into a habit tracker account',
    '  to restore it; this file is what the import reads.',
    '',
    'habits/<nn> <name>.csv',
    '  One spreadsheet per habit: date, state (done or skipped), value and unit (numeric',
    '  habits), note. Text that a spreadsheet would run as a formula starts with an apostrophe.',
    '  Days without a check-in have no row. Streaks and scores are not stored: they are',
    '  computed from these check-ins.',
    '',
    'photos/<id>.<ext>',
    "  The photos attached to check-ins, as uploaded. The JSON names each one's habit and date.",
    '',
  ].join('\r\n');
}
