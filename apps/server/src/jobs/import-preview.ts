/** The preview of a parsed import, in the contract's shape (what the user confirms). */
import type { ImportPreview } from '@habit-tracker/contract';
import type { Weekday } from '@habit-tracker/core';
import { type ParsedImport, summarize } from '@habit-tracker/portability';

export function previewOf(
  parsed: Pick<ParsedImport, 'document'>,
  weekStart: Weekday,
): ImportPreview {
  const summary = summarize(parsed.document, weekStart);
  return {
    source: summary.source,
    habits: summary.habits.map((h) => ({
      name: h.name,
      kind: h.kind,
      schedule: h.schedule,
      scheduleRule: h.scheduleRule,
      checkins: h.checkins,
      firstDate: h.firstDate,
      lastDate: h.lastDate,
    })),
    totals: {
      habits: summary.totals.habits,
      checkins: summary.totals.checkins,
      photos: summary.totals.photos,
    },
    warnings: summary.warnings,
  };
}
