/**
 * Turns zod failures from any request part (body, query, path) into 422 `validation_failed`
 * with `details: [{ path, message }]`. Body paths are bare ("measure.target") so a form can map
 * them onto its fields; query and path parameters are prefixed ("query.from", "param.date").
 */
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { type ValidationIssue, validationFailed } from '../errors';

export function issuesOf(error: z.ZodError, prefix?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown key, pointing at the key itself.
      for (const key of issue.keys) {
        issues.push({ path: join(prefix, [...base, key]), message: 'Unknown field' });
      }
    } else {
      issues.push({ path: join(prefix, base), message: issue.message });
    }
  }
  return issues;
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
