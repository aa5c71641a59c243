import { StorageUsageSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonResponse, SESSION_OR_TOKEN } from '../openapi';

export const getStorageUsage = createRoute({
  method: 'get',
  path: '/storage',
  tags: ['Files'],
  security: SESSION_OR_TOKEN,
  middleware: requireAuthOrToken,
  summary: "The user's stored files against their storage quota",
  description:
    'Photos (pending ones included), import files (all but failed ones) and finished exports, ' +
    'in bytes. Uploads that would go over `quota` are refused with 413 `quota_exceeded`.',
  responses: { 200: jsonResponse(StorageUsageSchema, 'Usage and quota'), ...errorResponses(401) },
});
