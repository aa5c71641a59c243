import { completionPeriods, habitCompletion, totalCompletion } from '@habit-tracker/core';
import { listCheckinMarks, listHabits } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import type * as routes from './stats.routes';

const COUNT = { week: 12, month: 12, year: 5 } as const;

/** Two queries (the habits, their check-ins since the first period), then pure computation. */
export const getStats: RouteHandler<typeof routes.getStats, AuthedEnv> = async (c) => {
  const { unit } = c.req.valid('query');
  const { user, settings, today } = c.var;
  const { read } = c.var.db;
  const periods = completionPeriods(today, unit, COUNT[unit], settings.weekStart);
  const habits = await listHabits(read, user.id, 'active');
  const marks = await listCheckinMarks(
    read,
    user.id,
    habits.map((h) => h.id),
    { from: periods[0]!.start, to: today },
  );
  const byHabit = new Map(marks.map((m) => [m.habitId, m.marks]));
  const perHabit = habits.map((habit) => ({
    habit,
    periods: habitCompletion(
      {
        schedule: habit.schedule,
        measure: habit.measure,
        startDate: habit.startDate,
        checkins: byHabit.get(habit.id) ?? [],
      },
      periods,
      today,
      settings.weekStart,
    ),
  }));
  const round = (n: number) => Math.round(n * 100) / 100;
  const rounded = (list: { done: number; expected: number }[]) =>
    list.map((p) => ({ done: round(p.done), expected: round(p.expected) }));
  return c.json(
    {
      unit,
      today,
      periods,
      overall: rounded(totalCompletion(perHabit.map((h) => h.periods))),
      habits: perHabit.map(({ habit, periods: list }) => ({
        id: habit.id,
        name: habit.name,
        color: habit.color,
        icon: habit.icon,
        periods: rounded(list),
      })),
    },
    200,
  );
};
