import { addDays, startOfLocalDay } from '@habit-tracker/core';
import { listActiveHabitsWithMarks, listGroups } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toGroup, toSettings } from '../../dto/rows';
import { todayEntry } from '../../dto/today-entry';
import { conditionalJson } from '../../http/conditional-json';
import type * as routes from './today.routes';

/** Days in the Today grid, today included: a phone shows 5, a wide screen up to 14. */
export const RECENT_DAYS = 14;

/**
 * The app's home screen, so its cost is fixed: one statement checks the session and reads the
 * active habits (requireAuthWithToday; two when this process has not seen the session yet, or
 * its calendar changed), each with its stored summary and the check-ins since (a month or two;
 * the whole history when there is no usable summary) and today's full check-in, then pure
 * computation per habit. The grid's recent
 * days come from the same check-ins. Groups cost a second query only for users who have them.
 */
export const getToday: RouteHandler<typeof routes.getToday, AuthedEnv> = async (c) => {
  const { user, settings, today } = c.var;
  const { read } = c.var.db;
  const recentFrom = addDays(today, 1 - RECENT_DAYS);
  const prefetched = c.var.prefetchedToday;
  // The session lookup read it for the calendar this process last saw; still the user's?
  const habits =
    prefetched?.today === today && prefetched.weekStart === settings.weekStart
      ? prefetched.habits
      : await listActiveHabitsWithMarks(read, user.id, today, settings.weekStart);
  const grouped = habits.some(({ habit }) => habit.groupId !== null);
  const groups = grouped ? await listGroups(read, user.id) : [];
  const used = new Set(habits.map(({ habit }) => habit.groupId));
  return conditionalJson(c, {
    date: today,
    recentFrom,
    nextDayAt: new Date(startOfLocalDay(addDays(today, 1), settings)).toISOString(),
    settings: toSettings(settings),
    groups: groups.filter((g) => used.has(g.id)).map(toGroup),
    habits: habits.map(({ habit, marks, row, summary }) =>
      todayEntry(
        habit,
        marks,
        row,
        today,
        settings.weekStart,
        recentFrom,
        summary?.summary ?? null,
      ),
    ),
  });
};
