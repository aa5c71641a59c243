import {
  ImportCreateSchema,
  ImportParamsSchema,
  ImportSchema,
  ImportUploadSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Import'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const createImport = createRoute({
  method: 'post',
  path: '/imports',
  tags,
  security,
  middleware,
  summary: 'Start an import: returns where to upload the file',
  description:
    'Loop Habit Tracker’s CSV export (zip) or backup (.db), or this app’s export (zip). Then ' +
    '`preview`, then `confirm`. A file that would take the user past their storage quota is ' +
    '413 `quota_exceeded`.',
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
    'The file is read once, off the event loop, within limits of memory and time; the outcome ' +
    'is stored and every later preview answers it again. A file that cannot be imported — ' +
    'including one that needs more memory or time than an import may take — is 422 ' +
    '`import_invalid`, `details` listing `{ file, line?, message }`. 409 `import_in_progress` ' +
    'while another preview reads the file; 429 while another of the user’s files is read; 503 ' +
    'when the server is reading too many files (each with Retry-After).',
  request: { params: ImportParamsSchema },
  responses: {
    200: jsonResponse(ImportSchema, 'The import with its preview'),
    ...errorResponses(401, 403, 404, 409, 413, 422, 429),
  },
});

export const confirmImport = createRoute({
  method: 'post',
  path: '/imports/{importId}/confirm',
  tags,
  security,
  middleware,
  summary: 'Import everything, in one transaction',
  description:
    'Confirming an import that is done returns its result again. Photos of an own export ' +
    'count against the storage quota (413 `quota_exceeded`).',
  request: { params: ImportParamsSchema },
  responses: {
    200: jsonResponse(ImportSchema, 'Done, with what was created'),
    ...errorResponses(401, 403, 404, 413, 422, 429),
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
