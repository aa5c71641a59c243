/**
 * Turns zod failures from any request part (body, query, path) into 422 `validation_failed`
 * with `details: [{ path, message, code, … }]`: the English message for API clients, and zod's
 * issue code with its bound (minimum/maximum, format, expected type) so the web app can phrase it
 * in the reader's language. Body paths are bare ("measure.target") so a form can map
 * them onto its fields; query and path parameters are prefixed ("query.from", "param.date").
 */
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { type ValidationIssue, validationFailed } from '../errors';

/** An unknown key or path segment quoted back: enough to find it, never a 100 KB echo. */
const MAX_SEGMENT_CHARS = 60;
/** Enough issues to fix a request in one go; a request wrong everywhere needs no thousand. */
const MAX_ISSUES = 50;

function segment(part: PropertyKey): string {
  const text = String(part);
  return text.length > MAX_SEGMENT_CHARS ? `${text.slice(0, MAX_SEGMENT_CHARS)}…` : text;
}

export function issuesOf(error: z.ZodError, prefix?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issues.length >= MAX_ISSUES) break;
    const base = issue.path.map(segment);
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown key, pointing at the key itself.
      for (const key of issue.keys.slice(0, MAX_ISSUES)) {
        issues.push({
          path: join(prefix, [...base, segment(key)]),
          message: 'Unknown field',
          code: issue.code,
        });
      }
    } else {
      issues.push({ path: join(prefix, base), message: issue.message, ...facts(issue) });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

/** The issue's code and whatever bound it names, as plain JSON (a bigint bound as a number). */
function facts(issue: z.core.$ZodIssue): Omit<ValidationIssue, 'path' | 'message'> {
  const out: Omit<ValidationIssue, 'path' | 'message'> = { code: issue.code };
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    out[issue.code === 'too_small' ? 'minimum' : 'maximum'] = Number(bound);
    out.origin = issue.origin;
    if (issue.inclusive === false) out.inclusive = false;
  } else if (issue.code === 'invalid_format') {
    out.format = issue.format;
  } else if (issue.code === 'invalid_type') {
    out.expected = issue.expected;
  }
  return out;
}

function join(prefix: string | undefined, path: string[]): string {
  return [prefix, ...path].filter((p) => p !== undefined && p !== '').join('.');
}

// biome-ignore lint/suspicious/noExplicitAny: the hook serves every route, whatever its schema.
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const prefix = result.target === 'json' ? undefined : result.target;
  throw validationFailed(issuesOf(result.error, prefix));
};
