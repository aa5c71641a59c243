import { listActiveHabitsWithMarks } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toSettings } from '../../dto/rows';
import { todayEntry } from '../../dto/today-entry';
import { conditionalJson } from '../../http/conditional-json';
import type * as routes from './today.routes';

/**
 * The app's home screen, so its cost is fixed: one query for the active habits, each with its
 * stored summary and the check-ins since (a month or two; the whole history when there is no
 * usable summary) and today's full check-in, then pure computation per habit.
 */
export const getToday: RouteHandler<typeof routes.getToday, AuthedEnv> = async (c) => {
  const { user, settings, today } = c.var;
  const habits = await listActiveHabitsWithMarks(c.var.db.read, user.id, today, settings.weekStart);
  return conditionalJson(c, {
    date: today,
    settings: toSettings(settings),
    habits: habits.map(({ habit, marks, row, summary }) =>
      todayEntry(habit, marks, row, today, settings.weekStart, summary?.summary ?? null),
    ),
  });
};
