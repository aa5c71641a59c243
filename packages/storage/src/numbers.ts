/** A byte count or length as the API takes it: a whole number, zero or more. */
export function assertByteCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of bytes >= 0, got ${value}`);
  }
}

/** Presigned URLs live from 1 s to SigV4's maximum of 7 days. */
export function assertExpiry(seconds: number): void {
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > 604_800) {
    throw new RangeError(
      `expiresInSeconds must be a whole number from 1 to 604800, got ${seconds}`,
    );
  }
}
