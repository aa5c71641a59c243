import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { passkeys, users, webauthnChallenges } from '../schema';
import { affectedRows } from './rows';

/* Passkeys (WebAuthn credentials) and the one-use challenges of their ceremonies. Every passkey
 * query filters by user_id, except the sign-in lookup, which finds the user by credential id. */

/** A passkey as its owner sees it: never the public key or counter. */
export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  transports: string[];
}

/** What a sign-in verification needs. */
export interface PasskeyCredentialRow {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

export type WebauthnPurpose = 'registration' | 'authentication';

const publicColumns = {
  id: passkeys.id,
  name: passkeys.name,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
  transports: passkeys.transports,
};

const credentialColumns = {
  id: passkeys.id,
  userId: passkeys.userId,
  credentialId: passkeys.credentialId,
  publicKey: passkeys.publicKey,
  counter: passkeys.counter,
  transports: passkeys.transports,
};

/** Stores a challenge and, while at it, drops expired ones (bounded work per call). */
export async function createWebauthnChallenge(
  db: Db,
  input: { challenge: string; purpose: WebauthnPurpose; userId: string | null; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.insert(webauthnChallenges).values(input);
}

/**
 * Deletes the challenge and says whether it was live, for this purpose and user: a challenge
 * works once, whatever the outcome, so a replayed response is always refused.
 */
export async function consumeWebauthnChallenge(
  db: Db,
  input: { challenge: string; purpose: WebauthnPurpose; userId: string | null },
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(eq(webauthnChallenges.challenge, input.challenge))
    .returning({
      purpose: webauthnChallenges.purpose,
      userId: webauthnChallenges.userId,
      expiresAt: webauthnChallenges.expiresAt,
    });
  if (!row) return false;
  return (
    row.purpose === input.purpose &&
    row.userId === input.userId &&
    row.expiresAt.getTime() > now.getTime()
  );
}

/** The user's passkeys, oldest first. */
export async function listPasskeys(db: Db, userId: string): Promise<PasskeyRow[]> {
  return db
    .select(publicColumns)
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** The credential ids the user already registered (so the browser will not add one twice). */
export async function listPasskeyCredentials(
  db: Db,
  userId: string,
): Promise<PasskeyCredentialRow[]> {
  return db
    .select(credentialColumns)
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(desc(passkeys.createdAt));
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

export class PasskeyTakenError extends Error {
  constructor() {
    super('This credential is already registered');
  }
}

/**
 * Adds a passkey unless the user holds `max` already (null then). Run it in a transaction: the
 * user's row is locked so two registrations at once cannot both pass the cap. A credential id
 * registered before (by anyone) throws PasskeyTakenError.
 */
export async function createPasskey(
  tx: Db,
  input: {
    userId: string;
    credentialId: string;
    publicKey: string;
    counter: number;
    transports: string[];
    name: string;
  },
  max: number,
): Promise<PasskeyRow | null> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
  if ((await countPasskeys(tx, input.userId)) >= max) return null;
  const [taken] = await tx
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(passkeys.credentialId, input.credentialId));
  if (taken) throw new PasskeyTakenError();
  const [row] = await tx.insert(passkeys).values(input).returning(publicColumns);
  return row ?? null;
}

/** The passkey with this credential id, whoever's it is (sign-in names no user first). */
export async function findPasskeyByCredentialId(
  db: Db,
  credentialId: string,
): Promise<PasskeyCredentialRow | null> {
  const [row] = await db
    .select(credentialColumns)
    .from(passkeys)
    .where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

/**
 * Records a sign-in: the new counter and the time. Only moves the counter forward (or keeps 0,
 * for authenticators that never count), so two racing sign-ins with one response cannot both
 * pass: false when another got there first.
 */
export async function recordPasskeyUse(
  db: Db,
  input: { id: string; previousCounter: number; newCounter: number; at: Date },
): Promise<boolean> {
  const result = await db
    .update(passkeys)
    .set({ counter: input.newCounter, lastUsedAt: input.at })
    .where(and(eq(passkeys.id, input.id), eq(passkeys.counter, input.previousCounter)));
  return affectedRows(result) > 0;
}

/** Renames: null when the passkey is not the user's. */
export async function renamePasskey(
  db: Db,
  userId: string,
  id: string,
  name: string,
): Promise<PasskeyRow | null> {
  const [row] = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning(publicColumns);
  return row ?? null;
}

/** Removes: false when the passkey is not the user's (or is gone already). */
export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)));
  return affectedRows(result) > 0;
}
