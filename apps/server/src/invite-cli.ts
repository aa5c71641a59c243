/**
 * `node dist/main.js --invite [--email a@b.c] [--days 7] [--uses 1]` (or `npm run invite -w
 * @habit-tracker/server -- …`): the operator makes a sign-up invite and gets its link on
 * standard output (docs/decisions/0028-sign-up-control.md). Uses the server's own environment
 * (DATABASE_URL or DATA_DIR, PUBLIC_ORIGIN) and applies pending migrations like a start would.
 */
import { parseArgs } from 'node:util';
import { INVITE_LIMITS, InviteInputSchema } from '@habit-tracker/contract';
import { openDatabase } from '@habit-tracker/db';
import { issueInvite } from './auth/invites';
import type { Env } from './env';

export const INVITE_USAGE =
  'Usage: node dist/main.js --invite [--email someone@example.com] ' +
  `[--days 1-${INVITE_LIMITS.maxExpiryDays}, default ${INVITE_LIMITS.defaultExpiryDays}] ` +
  `[--uses 1-${INVITE_LIMITS.maxUses}, default 1]`;

/** Parses the invite options; throws an Error with a readable message on bad input. */
export function parseInviteArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      invite: { type: 'boolean' },
      email: { type: 'string' },
      days: { type: 'string' },
      uses: { type: 'string' },
    },
    strict: true,
  });
  const number = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const parsed = InviteInputSchema.safeParse({
    email: values.email,
    expiresInDays: number(values.days),
    maxUses: number(values.uses),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid invite options:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export async function runInviteCommand(
  env: Env,
  args: string[],
  migrationsFolder: string | undefined,
  now = new Date(),
): Promise<string> {
  const input = parseInviteArgs(args);
  const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: 1,
    migrationsFolder,
    migrate: env.MIGRATE_ON_START,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    const { link } = await issueInvite(
      database.primary.write,
      { createdBy: null, ...input },
      now,
      origin,
    );
    return link;
  } finally {
    await database.close();
  }
}
