/**
 * JSON with an entity tag, for the views a client asks for again and again (Today, a habit's
 * history): when the client's copy is current (`If-None-Match` names the tag), the answer is 304
 * with no body — the screen revalidates for the cost of the computation, not of moving the data.
 *
 * The tag is a hash of the exact body, so it changes whenever anything shown changes (including
 * the date at midnight). `private, no-cache`: a browser may keep the copy but must ask first;
 * shared caches must not keep it at all (it is one user's data).
 */
import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';

/**
 * Typed as the route's 200 JSON, so the body is checked against the contract like `c.json`'s;
 * a 304 is the same answer without the body.
 */
export function conditionalJson<T>(c: Context, body: T): TypedResponse<T, 200, 'json'> {
  return respond(c, body) as unknown as TypedResponse<T, 200, 'json'>;
}

function respond(c: Context, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash('sha1').update(text).digest('base64url')}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    // A session's answer or an API token's (Authorization): never one for the other.
    Vary: 'Cookie, Authorization',
  };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json' });
}

/** `If-None-Match: W/"a", "b"` or `*`; weak comparison, as RFC 9110 asks for 304s. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.slice(2);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === opaque || t.slice(2) === opaque;
  });
}
