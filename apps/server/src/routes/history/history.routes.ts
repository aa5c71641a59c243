import { HabitIdParamsSchema, HistoryQuerySchema, HistorySchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonResponse, SESSION_OR_TOKEN } from '../openapi';

export const getHistory = createRoute({
  method: 'get',
  path: '/habits/{id}/history',
  tags: ['Habits'],
  security: SESSION_OR_TOKEN,
  middleware: requireAuthOrToken,
  summary: "A habit's check-ins, score series and streaks over a date range",
  description:
    'Default range: the 365 days up to today. `from` ≤ `to`, at most 3,700 days apart (422 otherwise).',
  request: { params: HabitIdParamsSchema, query: HistoryQuerySchema },
  responses: {
    200: jsonResponse(HistorySchema, 'History (with an ETag)'),
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    ...errorResponses(401, 404, 422),
  },
});
