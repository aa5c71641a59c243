import { StatsQuerySchema, StatsSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonResponse, SESSION_OR_TOKEN } from '../openapi';

export const getStats = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['Stats'],
  security: SESSION_OR_TOKEN,
  middleware: requireAuthOrToken,
  summary: 'Completion by week, month or year, per active habit and overall',
  description:
    'The last 12 weeks or months, or 5 years. Expected days come from each schedule, from the habit’s start to today; skipped days are excused; today counts once met.',
  request: { query: StatsQuerySchema },
  responses: { 200: jsonResponse(StatsSchema, 'Stats'), ...errorResponses(401, 422) },
});
