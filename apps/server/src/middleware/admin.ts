/**
 * `requireAdmin`: `requireAuth` (a session; an API token gets 403 `token_not_allowed`), then
 * only accounts whose email is in ADMIN_EMAILS pass (docs/decisions/0028-sign-up-control.md);
 * everyone else gets 403 `admin_only`. One middleware, so routes infer the signed-in context.
 */
import { createMiddleware } from 'hono/factory';
import { isAdmin } from '../auth/invites';
import type { AuthedEnv } from '../context';
import { AppError } from '../errors';
import { requireAuth } from './auth';

export const requireAdmin = createMiddleware<AuthedEnv>(async (c, next) => {
  await requireAuth(c, async () => {
    if (!isAdmin(c.var.deps.env, c.var.user.email)) {
      throw new AppError('admin_only', 'Only this server’s administrators may do this');
    }
    await next();
  });
});
