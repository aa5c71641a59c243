import { HealthSchema, LiveSchema } from '@habit-tracker/contract';
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

export const getLive = createRoute({
  method: 'get',
  path: '/api/live',
  tags: ['Operations'],
  summary: 'Liveness only: the process answers (no database work)',
  description:
    'A constant answer through the whole middleware stack. Also the benchmark’s framework ceiling: what the server costs per request before any route does work.',
  responses: { 200: jsonResponse(LiveSchema, 'The process is up') },
});
