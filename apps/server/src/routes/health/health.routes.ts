import { HealthSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../openapi';

export const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Operations'],
  summary: 'Liveness and database reachability (for load balancers and humans)',
  responses: {
    200: jsonResponse(HealthSchema, 'Healthy'),
    503: jsonResponse(HealthSchema, 'The database cannot be reached'),
  },
});
