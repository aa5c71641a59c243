import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { userSettings } from '../schema';
import { type SettingsRow, settingsValues, toSettingsRow } from './rows';

const settingsColumns = {
  timeZone: userSettings.timeZone,
  dayStartHour: userSettings.dayStartHour,
  weekStart: userSettings.weekStart,
  locale: userSettings.locale,
};

export async function getSettings(db: Db, userId: string): Promise<SettingsRow | null> {
  const [row] = await db
    .select(settingsColumns)
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row ? toSettingsRow(row) : null;
}

/** Applies the defined fields of `patch`; null when the user has no settings row (no such user). */
export async function updateSettings(
  db: Db,
  userId: string,
  patch: Partial<SettingsRow>,
): Promise<SettingsRow | null> {
  const [row] = await db
    .update(userSettings)
    .set({ ...settingsValues(patch), updatedAt: sql`now()` })
    .where(eq(userSettings.userId, userId))
    .returning(settingsColumns);
  return row ? toSettingsRow(row) : null;
}
