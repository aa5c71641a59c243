/**
 * The syntax every object key must have, in both backends, checked before any I/O. Strict on
 * purpose: the local backend maps keys to file paths, so only characters that mean nothing to a
 * file system get in — no `..`, no leading `/`, no backslash, no `%`, no NUL, no empty segment.
 * A segment cannot start with a dot, which also keeps the local store's own temp files (`.tmp-…`)
 * out of the key space.
 */
const SEGMENT = '[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}';
const MAX_SEGMENTS = 16;
const KEY_PATTERN = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,${MAX_SEGMENTS - 1}}$`);
/** Whole segments each ending in `/`, then maybe the start of one more; `''` included. */
const PREFIX_PATTERN = new RegExp(`^(?:${SEGMENT}/){0,${MAX_SEGMENTS - 1}}(?:${SEGMENT})?$`);
const MAX_KEY_LENGTH = 512;

export class InvalidObjectKeyError extends Error {
  override name = 'InvalidObjectKeyError';
}

export function isValidObjectKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key);
}

export function assertValidObjectKey(key: string): void {
  if (typeof key !== 'string' || !isValidObjectKey(key)) {
    throw new InvalidObjectKeyError(`invalid object key ${JSON.stringify(key)}`);
  }
}

export function assertValidPrefix(prefix: string): void {
  if (
    typeof prefix !== 'string' ||
    prefix.length > MAX_KEY_LENGTH ||
    !PREFIX_PATTERN.test(prefix)
  ) {
    throw new InvalidObjectKeyError(`invalid object key prefix ${JSON.stringify(prefix)}`);
  }
}
