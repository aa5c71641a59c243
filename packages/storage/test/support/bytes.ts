import { createHash, randomBytes } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Random bytes, with every byte value present at the start so no value can be mangled unseen. */
export function randomBinary(size: number): Uint8Array {
  const bytes = randomBytes(size);
  for (let value = 0; value < Math.min(256, size); value++) bytes[value] = value;
  return new Uint8Array(bytes);
}

export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** `bytes` as a stream of chunks of `chunkSize` (the last one shorter). */
export async function* chunked(bytes: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += chunkSize) {
    yield bytes.subarray(start, start + chunkSize);
  }
}

export const text = (value: string) => new TextEncoder().encode(value);
