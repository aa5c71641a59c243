/** OpenID Connect identities and pending links (docs/decisions/0027-openid-connect.md). */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { pgErrorCode, UNIQUE_VIOLATION } from '../errors';
import { oidcIdentities, oidcLogins, oidcPendingLinks } from '../schema';

export interface OidcIdentityRow {
  id: string;
  userId: string;
  providerId: string;
  issuer: string;
  subject: string;
  email: string | null;
  createdAt: Date;
}

export interface OidcIdentityInput {
  userId: string;
  providerId: string;
  issuer: string;
  subject: string;
  email: string | null;
}

export async function findOidcIdentity(
  db: Db,
  issuer: string,
  subject: string,
): Promise<OidcIdentityRow | null> {
  const [row] = await db
    .select()
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  return row ?? null;
}

export function listOidcIdentities(db: Db, userId: string): Promise<OidcIdentityRow[]> {
  return db
    .select()
    .from(oidcIdentities)
    .where(eq(oidcIdentities.userId, userId))
    .orderBy(oidcIdentities.createdAt);
}

/**
 * Links the identity to the user. Null when the identity already belongs to someone (the unique
 * (issuer, subject) decides, also between racing requests); the row when linked or already
 * linked to this same user.
 */
export async function linkOidcIdentity(
  db: Db,
  input: OidcIdentityInput,
): Promise<OidcIdentityRow | null> {
  try {
    const [row] = await db
      .insert(oidcIdentities)
      .values(input)
      .onConflictDoNothing({ target: [oidcIdentities.issuer, oidcIdentities.subject] })
      .returning();
    if (row) return row;
  } catch (error) {
    if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
  }
  const existing = await findOidcIdentity(db, input.issuer, input.subject);
  return existing && existing.userId === input.userId ? existing : null;
}

/** Unlinks; false when the user has no such identity. */
export async function unlinkOidcIdentity(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(oidcIdentities)
    .where(and(eq(oidcIdentities.userId, userId), eq(oidcIdentities.id, id)))
    .returning({ id: oidcIdentities.id });
  return rows.length > 0;
}

export async function createOidcPendingLink(
  db: Db,
  input: OidcIdentityInput & { id: string; email: string; expiresAt: Date },
): Promise<void> {
  await db.insert(oidcPendingLinks).values(input);
}

/**
 * Takes the pending link (single use: the row is deleted by the statement that reads it) when
 * it is for `userId` and not expired; null otherwise.
 */
export async function takeOidcPendingLink(
  db: Db,
  id: string,
  userId: string,
  now: Date,
): Promise<(OidcIdentityInput & { email: string }) | null> {
  const [row] = await db
    .delete(oidcPendingLinks)
    .where(
      and(
        eq(oidcPendingLinks.id, id),
        eq(oidcPendingLinks.userId, userId),
        gt(oidcPendingLinks.expiresAt, now),
      ),
    )
    .returning();
  if (!row) return null;
  return {
    userId: row.userId,
    providerId: row.providerId,
    issuer: row.issuer,
    subject: row.subject,
    email: row.email,
  };
}

/** Expired pending links: cleared opportunistically whenever a new one is made. */
export async function deleteExpiredOidcPendingLinks(db: Db, now: Date): Promise<void> {
  await db.delete(oidcPendingLinks).where(sql`${oidcPendingLinks.expiresAt} <= ${now}`);
}

export interface OidcLoginRow {
  id: string;
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  linkUserId: string | null;
  /** SHA-256 of the sign-up invite the sign-in started with, if any (SIGNUP_MODE=invite). */
  inviteTokenHash: string | null;
  expiresAt: Date;
}

/** Records a sign-in under way; expired ones (abandoned at the issuer) go at the same time. */
export async function createOidcLogin(db: Db, input: OidcLoginRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(oidcLogins).where(sql`${oidcLogins.expiresAt} <= ${now}`);
    await tx.insert(oidcLogins).values(input);
  });
}

/** Takes the sign-in under way: the row is deleted by the statement that reads it (single use). */
export async function takeOidcLogin(db: Db, id: string): Promise<OidcLoginRow | null> {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.id, id)).returning({
    id: oidcLogins.id,
    providerId: oidcLogins.providerId,
    state: oidcLogins.state,
    nonce: oidcLogins.nonce,
    codeVerifier: oidcLogins.codeVerifier,
    linkUserId: oidcLogins.linkUserId,
    inviteTokenHash: oidcLogins.inviteTokenHash,
    expiresAt: oidcLogins.expiresAt,
  });
  return row ?? null;
}
