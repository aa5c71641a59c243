import { TodaySchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthWithToday } from '../../middleware/auth';
import { errorResponses, jsonResponse, SESSION_OR_TOKEN } from '../openapi';

export const getToday = createRoute({
  method: 'get',
  path: '/today',
  tags: ['Today'],
  security: SESSION_OR_TOKEN,
  middleware: requireAuthWithToday,
  summary: "Every active habit with today's check-in, streak, score and period progress",
  responses: {
    200: jsonResponse(TodaySchema, 'Today (with an ETag)'),
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    ...errorResponses(401),
  },
});
