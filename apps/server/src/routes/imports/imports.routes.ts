import {
  ImportCreateSchema,
  ImportParamsSchema,
  ImportSchema,
  ImportUploadSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Import'];
const security = [{ session: [] }];
const middleware = requireAuth;

export const createImport = createRoute({
  method: 'post',
  path: '/imports',
  tags,
  security,
  middleware,
  summary: 'Start an import: returns where to upload the file',
  description:
    'Loop Habit Tracker’s CSV export (zip) or backup (.db), or this app’s export (zip). Then ' +
    '`preview`, then `confirm`.',
  request: { body: jsonBody(ImportCreateSchema) },
  responses: {
    201: jsonResponse(ImportUploadSchema, 'The import and its upload instruction'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const uploadImport = createRoute({
  method: 'put',
  path: '/imports/{importId}/upload',
  tags,
  security,
  middleware,
  summary: 'Upload the import file’s bytes (local storage only)',
  request: { params: ImportParamsSchema },
  responses: { 204: { description: 'Stored' }, ...errorResponses(401, 403, 404, 413, 422) },
});

export const previewImport = createRoute({
  method: 'post',
  path: '/imports/{importId}/preview',
  tags,
  security,
  middleware,
  summary: 'Read and validate the whole file; say what would be imported',
  description:
    'A file that cannot be imported is 422 `import_invalid`, `details` listing `{ file, line?, message }`.',
  request: { params: ImportParamsSchema },
  responses: {
    200: jsonResponse(ImportSchema, 'The import with its preview'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const confirmImport = createRoute({
  method: 'post',
  path: '/imports/{importId}/confirm',
  tags,
  security,
  middleware,
  summary: 'Import everything, in one transaction',
  description: 'Confirming an import that is done returns its result again.',
  request: { params: ImportParamsSchema },
  responses: {
    200: jsonResponse(ImportSchema, 'Done, with what was created'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const getImport = createRoute({
  method: 'get',
  path: '/imports/{importId}',
  tags,
  security,
  middleware,
  summary: 'One import',
  request: { params: ImportParamsSchema },
  responses: { 200: jsonResponse(ImportSchema, 'The import'), ...errorResponses(401, 404, 422) },
});
