import { StorageUsageSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonResponse } from '../openapi';

export const getStorageUsage = createRoute({
  method: 'get',
  path: '/storage',
  tags: ['Files'],
  security: [{ session: [] }],
  middleware: requireAuth,
  summary: "The user's stored files against their storage quota",
  description:
    'Photos (pending ones included), import files (all but failed ones) and finished exports, ' +
    'in bytes. Uploads that would go over `quota` are refused with 413 `quota_exceeded`.',
  responses: { 200: jsonResponse(StorageUsageSchema, 'Usage and quota'), ...errorResponses(401) },
});
