import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

/**
 * Refuses request bodies over `maxBytes` with 413, before any route reads them.
 *
 * Hono's bodyLimit asks for `request.body` first, which turns @hono/node-server's lightweight
 * request into a full web Request (stream, AbortSignal) — on every request, GETs included. Here
 * a request without a body costs nothing, one that declares its length is judged by the header
 * (Node's HTTP parser never delivers more bytes than Content-Length says), and only a chunked
 * body of unknown length goes through Hono's counting reader.
 */
export function limitBodySize(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`);
  };
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
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
