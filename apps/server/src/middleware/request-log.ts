import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';

/**
 * One JSON line per request, written after the response is decided (errors included: Hono
 * turns a thrown error into a response before control returns here). Region and machine are
 * on every line already (the logger's base fields, see logger.ts).
 */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    c.var.deps.logger.info(
      {
        id: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms,
      },
      'request',
    );
  };
}
