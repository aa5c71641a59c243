import {
  addDays,
  computeScores,
  computeStreaks,
  daysBetween,
  weekdayCounts,
} from '@habit-tracker/core';
import { getHabit, listCheckinMarks, listCheckins } from '@habit-tracker/db';
import { LIMITS } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toCheckin, toHabit } from '../../dto/rows';
import { roundScore } from '../../dto/today-entry';
import { checkFailed, notFound } from '../../errors';
import { conditionalJson } from '../../http/conditional-json';
import type * as routes from './history.routes';

const DEFAULT_RANGE_DAYS = 365;

export const getHistory: RouteHandler<typeof routes.getHistory, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const query = c.req.valid('query');
  const { read } = c.var.db;
  const { user, settings, today } = c.var;

  const to = query.to ?? (query.from ? maxDate(query.from, today) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    throw checkFailed('query.from', 'date_order', '`from` must not be after `to`');
  }
  if (daysBetween(from, to) > LIMITS.historyMaxDays) {
    throw checkFailed(
      'query.to',
      'too_big',
      `At most ${LIMITS.historyMaxDays} days after \`from\``,
      { maximum: LIMITS.historyMaxDays, origin: 'days' },
    );
  }

  const habit = await getHabit(read, user.id, id);
  if (!habit) throw notFound('Habit not found');
  // Streaks and the current score need the whole history (lean), the response only the range.
  const [lean] = await listCheckinMarks(read, user.id, [habit.id]);
  const checkins = lean?.marks ?? [];
  const rows = await listCheckins(read, user.id, [habit.id], { from, to });
  const { schedule, measure } = habit;
  const scores = computeScores({ schedule, measure, checkins, startDate: habit.startDate, today });

  return conditionalJson(c, {
    habit: toHabit(habit),
    from,
    to,
    today,
    checkins: rows.map(toCheckin),
    streak: computeStreaks({
      schedule,
      measure,
      checkins,
      startDate: habit.startDate,
      today,
      weekStart: settings.weekStart,
    }),
    score: roundScore(scores.current),
    scores: scores.series(from, to).map((p) => ({ date: p.date, score: roundScore(p.score) })),
    weekdayCounts: weekdayCounts(measure, checkins, from, to, {
      startDate: habit.startDate,
      today,
    }),
  });
};

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
