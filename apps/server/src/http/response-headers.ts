import type { Context } from 'hono';

/**
 * Sets a header on a response a handler has already produced (middleware after `next()`).
 *
 * `c.header()` there makes Hono copy the response (`new Response(res.body, res)`), and reading
 * `body` turns @hono/node-server's lightweight response into a full web Response with a
 * ReadableStream — a few hundred microseconds per request, most of a cheap request's cost.
 * Writing into `c.res.headers` changes the same response in place.
 */
export function setFinalHeader(
  c: Context,
  name: string,
  value: string,
  options: { append?: boolean } = {},
): void {
  if (options.append) c.res.headers.append(name, value);
  else c.res.headers.set(name, value);
}
