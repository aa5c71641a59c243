import { StatsQuerySchema, StatsSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonResponse } from '../openapi';

export const getStats = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['Stats'],
  security: [{ session: [] }],
  middleware: requireAuth,
  summary: 'Completion by week, month or year, per active habit and overall',
  description:
    'The last 12 weeks or months, or 5 years. Expected days come from each schedule, from the habit’s start to today; skipped days are excused; today counts once met.',
  request: { query: StatsQuerySchema },
  responses: { 200: jsonResponse(StatsSchema, 'Stats'), ...errorResponses(401, 422) },
});
