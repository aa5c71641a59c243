import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context';
import { httpRequestDuration, idempotentWrites } from './registry';

/**
 * Times every request into `http_request_duration_seconds` and counts idempotent writes. Runs
 * outside the error handler's reach (errors are responses by the time `next()` returns), so
 * failures are measured with their real status.
 */
export function recordRequestMetrics(region: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const labels = {
      route: routeLabel(c),
      method: c.req.method,
      status: String(c.res.status),
      region,
    };
    httpRequestDuration.observe(labels, (performance.now() - started) / 1000);
    // Only writes that were accepted: a refused one (401, 422…) was never applied or replayed.
    if (c.req.header('idempotency-key') !== undefined && c.res.status < 300) {
      const replayed = c.res.headers.get('idempotency-replayed') === 'true' ? 'true' : 'false';
      idempotentWrites.inc({ replayed, region });
    }
  };
}

/**
 * The pattern of the route that answered (`/api/v1/habits/:id`). Middleware is registered for
 * every method (`ALL`), routes for one, so the last one-method match is the handler. Without
 * one, the request was either the web app's (static files, SPA fallback) or unmatched.
 */
function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i]!;
    if (route.method !== 'ALL') return route.path;
  }
  return c.req.path.startsWith('/api/') || c.req.path === '/api' ? '(unmatched)' : '(web)';
}
