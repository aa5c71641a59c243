import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';

const SAFE_ID = /^[\w\-=.:]{1,200}$/;

/**
 * Names each request for logs and the `X-Request-Id` response header. Fly's proxy already names
 * every request (`fly-request-id`); reusing its id lets one request be followed from the edge to
 * our logs. Otherwise a client-sent X-Request-Id is kept, else a fresh UUID. Ids are restricted to
 * a safe alphabet because they end up in log lines and headers.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id =
      [c.req.header('fly-request-id'), c.req.header('x-request-id')].find(
        (candidate) => candidate !== undefined && SAFE_ID.test(candidate),
      ) ?? randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
