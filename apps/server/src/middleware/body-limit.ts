import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

/**
 * Refuses request bodies over the path's limit with 413, before any route reads them.
 *
 * Hono's bodyLimit asks for `request.body` first, which turns @hono/node-server's lightweight
 * request into a full web Request (stream, AbortSignal) — on every request, GETs included. Here
 * a request without a body costs nothing, one that declares its length is judged by the header
 * (Node's HTTP parser never delivers more bytes than Content-Length says), and only a chunked
 * body of unknown length goes through Hono's counting reader.
 */
export function limitBodySize(limitFor: (path: string) => number): MiddlewareHandler<AppEnv> {
  const counters = new Map<number, MiddlewareHandler>();
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const maxBytes = limitFor(c.req.path);
    const tooLarge = () => {
      throw new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`);
    };
    let counting = counters.get(maxBytes);
    if (!counting) {
      counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
      counters.set(maxBytes, counting);
    }
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const length = Number(declared);
      // Node's parser refuses a malformed Content-Length before we run; be safe anyway.
      if (Number.isSafeInteger(length) && length >= 0) {
        if (length > maxBytes) tooLarge();
        return next();
      }
    }
    return counting(c, next);
  };
}
