import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { readRetries } from '../metrics';

/**
 * Asks a GET or HEAD once more when it failed because its database connection was lost.
 *
 * After Fly suspends a machine (auto_stop_machines = "suspend") and resumes it minutes later,
 * pooled connections may be dead: the first query on one fails with a reset or "connection
 * terminated". Whether that is worth another try — and discarding the pool's other idle
 * connections, as old and as dead, so the retry gets a fresh one — is the data layer's call
 * (`database.recoverFromConnectionLoss`).
 * Reads change nothing, so re-running one is safe; writes are never retried here (their
 * clients resend with an Idempotency-Key instead).
 *
 * The whole request is dispatched again through the app (`dispatch`), so the retry passes
 * every middleware like any request; the retried request is remembered so it is not retried
 * a second time.
 */
export function retryReadsAfterConnectionLoss(
  dispatch: (request: Request) => Response | Promise<Response>,
  region: string,
): MiddlewareHandler<AppEnv> {
  const retries = new WeakSet<Request>();
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || retries.has(c.req.raw)) return;
    if (c.res.status < 500) return;
    if (!(await c.var.deps.database.recoverFromConnectionLoss(c.error))) return;
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-request-id', c.var.requestId); // the retry keeps the request's id
    const again = new Request(c.req.raw.url, { method, headers });
    retries.add(again);
    c.var.deps.logger.info(
      { id: c.var.requestId, path: c.req.path, err: c.error },
      'database connection lost; asking once more',
    );
    const response = await dispatch(again);
    readRetries.inc({ status: String(response.status), region });
    c.res = undefined;
    c.res = response;
  };
}
