import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { apiTokens, userSettings, users } from '../schema';
import { preparedOn } from './prepared';
import { affectedRows, type SettingsRow, toSettingsRow, type UserRow } from './rows';

/* Every query here filters by user_id, except the bearer lookup, which finds the user by the
 * secret's hash. Tokens are hashed by the caller (SHA-256 hex of the secret). */

export type ApiTokenScope = 'read' | 'read_write';

/** A token as its owner sees it: never the secret, never its hash. */
export interface ApiTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** A live token with its user and their settings (what the bearer path needs per request). */
export interface FoundApiToken {
  token: { id: string; userId: string; scope: ApiTokenScope };
  user: UserRow;
  settings: SettingsRow;
}

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/**
 * Adds a token unless the user already holds `max`: null then. Run it in a transaction: the
 * user's row is locked so two creations at once cannot both pass the cap.
 */
export async function createApiToken(
  tx: Db,
  input: {
    userId: string;
    name: string;
    tokenHash: string;
    scope: ApiTokenScope;
    expiresAt: Date | null;
  },
  max: number,
): Promise<ApiTokenRow | null> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${input.userId} for update`);
  if ((await countApiTokens(tx, input.userId)) >= max) return null;
  const [row] = await tx.insert(apiTokens).values(input).returning(publicColumns);
  return row as ApiTokenRow;
}

/** The user's tokens, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  const rows = await db
    .select(publicColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows as ApiTokenRow[];
}

export async function countApiTokens(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
  return row?.n ?? 0;
}

/** Revoking deletes: false when the token is not the user's (or is gone already). */
export async function deleteApiToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)));
  return affectedRows(result) > 0;
}

/** The live (unexpired at `now`) token with this hash, its user and settings, or null. */
export async function findApiTokenWithUser(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<FoundApiToken | null> {
  const [row] = await preparedOn(db, 'find_api_token_with_user', buildFindToken).execute({
    tokenHash,
    now,
  });
  if (!row) return null;
  return {
    token: row.token as FoundApiToken['token'],
    user: row.user,
    settings: toSettingsRow(row.settings),
  };
}

const buildFindToken = (db: Db) =>
  db
    .select({
      token: { id: apiTokens.id, userId: apiTokens.userId, scope: apiTokens.scope },
      user: {
        id: users.id,
        email: users.email,
        passwordHash: users.passwordHash,
        createdAt: users.createdAt,
      },
      settings: {
        timeZone: userSettings.timeZone,
        dayStartHour: userSettings.dayStartHour,
        weekStart: userSettings.weekStart,
        locale: userSettings.locale,
      },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(userSettings, eq(userSettings.userId, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
      ),
    )
    .prepare('find_api_token_with_user');

/**
 * Records when tokens were last used, in one statement for a batch (id → instant). Never moves
 * a token's time backwards (batches from several machines may arrive out of order); a token
 * revoked meanwhile is simply not there. Returns how many rows changed.
 */
export async function recordApiTokensUsed(db: Db, uses: Map<string, Date>): Promise<number> {
  if (uses.size === 0) return 0;
  // One JSON parameter rather than two arrays: the same on node-postgres and PGlite.
  const batch = JSON.stringify([...uses].map(([id, at]) => ({ id, used_at: at.toISOString() })));
  const result = await db.execute(sql`
    update api_tokens as t
       set last_used_at = greatest(t.last_used_at, u.used_at)
      from jsonb_to_recordset(${batch}::jsonb) as u(id uuid, used_at timestamptz)
     where t.id = u.id`);
  return affectedRows(result);
}
