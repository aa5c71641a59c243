/**
 * Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
 * @node-rs/argon2 runs the hash on libuv's thread pool, so a sign-in never blocks the event loop.
 */
import { hash, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm; the PHC string it produces starts `$argon2id$`.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * False for a wrong password and for a corrupt stored hash alike: never throws on user input.
 * An account without a password (made by an OpenID Connect sign-in) never matches, after the
 * same time a real check takes.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) return verifyAgainstDummy(password);
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification, for sign-ins with an unknown email, so response
 * time does not reveal which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that never matches anything');
  await verifyPassword(await dummyHash, password);
  return false;
}
