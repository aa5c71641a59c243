/**
 * The one error shape of docs/api.md: `{ error: { code: string, message: string, details? } }`,
 * served as JSON. Returns what is wrong with a response, or null when it conforms.
 */
import type { HttpResponse } from './http-client';

const ERROR_FIELDS = new Set(['code', 'message', 'details']);

export function errorShapeProblem(res: HttpResponse): string | null {
  if (!/^application\/json\b/.test(String(res.headers['content-type']))) {
    return `content-type ${res.headers['content-type']}, not JSON`;
  }
  const body = res.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not a JSON object';
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${JSON.stringify(keys)}`;
  const error = body.error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return 'error is not an object';
  if (typeof error.code !== 'string' || error.code === '') return 'error.code is not a string';
  if (typeof error.message !== 'string') return 'error.message is not a string';
  const extra = Object.keys(error).filter((k) => !ERROR_FIELDS.has(k));
  if (extra.length > 0) return `unexpected error fields ${JSON.stringify(extra)}`;
  return null;
}
