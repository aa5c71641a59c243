import { localDateOf } from '@habit-tracker/core';
import { listCheckins, listHabits } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toSettings } from '../../lib/dto';
import { groupByHabit, todayEntry } from '../../lib/habit-stats';
import type * as routes from './today.routes';

/**
 * The app's home screen, so its cost is fixed: one query for the habits, one for all their
 * check-ins (streaks and scores need the whole history), then pure computation per habit.
 */
export const getToday: RouteHandler<typeof routes.getToday, AuthedEnv> = async (c) => {
  const { database, clock } = c.var.deps;
  const { user, settings } = c.var;
  const today = localDateOf(clock(), settings);
  const habits = await listHabits(database.db, user.id, 'active');
  const checkins = groupByHabit(
    await listCheckins(
      database.db,
      user.id,
      habits.map((h) => h.id),
    ),
  );
  return c.json(
    {
      date: today,
      settings: toSettings(settings),
      habits: habits.map((habit) =>
        todayEntry(habit, checkins.get(habit.id) ?? [], today, settings.weekStart),
      ),
    },
    200,
  );
};
