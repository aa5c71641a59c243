import type { ObjectBody } from './object-store';

/** The body as a sequence of byte chunks, however it came (strings from a text-mode stream too). */
export async function* chunksOf(body: ObjectBody): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) {
    throw new TypeError('an object body must be a Uint8Array or an async iterable of bytes');
  }
  for await (const chunk of body as AsyncIterable<unknown>) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === 'string') yield Buffer.from(chunk);
    else throw new TypeError('an object body stream must yield bytes');
  }
}
