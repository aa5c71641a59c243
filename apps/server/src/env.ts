/**
 * The server's configuration, validated once at boot. This is the only module that reads
 * `process.env`: everything else receives an `Env` object, so tests can build apps with any
 * configuration without touching global state.
 */
import { DEFAULT_IMPORT_MAX_BYTES, DEFAULT_PHOTO_MAX_BYTES } from '@habit-tracker/vocabulary';
import { z } from 'zod';

/** Fly's proxy cannot replay a request whose body is larger (fly.io/docs/networking/dynamic-request-routing). */
export const REPLAY_BODY_LIMIT_BYTES = 1_000_000;

const postgresUrl = z
  .url()
  .refine((u) => /^postgres(ql)?:\/\//.test(u), 'Expected a postgres:// URL');

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * One OpenID Connect issuer people may sign in with (docs/decisions/0027-openid-connect.md).
 * `id` names it in URLs (/api/v1/auth/oidc/{id}/…); `name` is shown on the sign-in button.
 */
const OidcProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Expected an id like "google" (a-z, 0-9, -)'),
    name: z.string().trim().min(1).max(40),
    issuer: z.url({ message: 'Expected the issuer URL, e.g. https://accounts.google.com' }),
    clientId: z.string().min(1),
    /** Unset: a public client (PKCE only, no client authentication). */
    clientSecret: z.string().min(1).optional(),
  })
  .strict();

export type OidcProviderConfig = z.output<typeof OidcProviderSchema>;

const oidcProviders = z
  .string()
  .optional()
  .transform((s, ctx): OidcProviderConfig[] => {
    if (s === undefined) return [];
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      // The value holds client secrets: the message never quotes it.
      ctx.addIssue({
        code: 'custom',
        message: 'Expected a JSON array of {id, name, issuer, clientId, clientSecret?}',
      });
      return z.NEVER;
    }
    const parsed = z.array(OidcProviderSchema).max(20).safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      }
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const provider of parsed.data) {
      if (seen.has(provider.id)) {
        ctx.addIssue({ code: 'custom', message: `The id "${provider.id}" is used twice` });
      }
      seen.add(provider.id);
    }
    return parsed.data;
  });

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Prometheus metrics (/metrics) on this port, apart from the public one; unset: not served. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    HOST: z.string().min(1).default('0.0.0.0'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: postgresUrl.optional(),
    /** This region's read replica (a streaming standby of DATABASE_URL). */
    DATABASE_READ_URL: postgresUrl.optional(),
    /** Giving up on connecting to the primary; database calls are bounded by this and the statement timeout. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
    /**
     * Apply pending migrations before serving (default). A deploy whose release command has
     * already run them (fly.toml) sets false: the serving process then starts without reading
     * the migration journal, and a machine of the old release never migrates the new schema.
     */
    MIGRATE_ON_START: booleanString.default(true),
    APP_ORIGIN: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const origins: string[] = [];
        for (const part of (s ?? '').split(',')) {
          const trimmed = part.trim();
          if (!trimmed) continue;
          try {
            origins.push(new URL(trimmed).origin);
          } catch {
            ctx.addIssue({ code: 'custom', message: `"${trimmed}" is not an origin URL` });
          }
        }
        return origins;
      }),
    /**
     * Where people open the app (https://habits.example.com): the origin of links in email. In
     * production email needs it; elsewhere the request's own origin stands in.
     */
    PUBLIC_ORIGIN: z
      .url({ message: 'Expected an origin URL like https://habits.example.com' })
      .transform((u) => new URL(u).origin)
      .optional(),
    /**
     * Email (docs/decisions/0023-email-and-password-reset.md): smtp://user:pass@host:587
     * (STARTTLS when offered) or smtps://user:pass@host:465. Unset: features that need email say
     * they are unavailable; in development messages are logged instead of sent.
     */
    SMTP_URL: z
      .string()
      .optional()
      .refine((u) => u === undefined || isSmtpUrl(u), {
        // The URL holds a password: the message never quotes it.
        message: 'Expected smtp://user:pass@host:port or smtps://…',
      }),
    /** The From of every email: an address, or `Name <address>`. */
    MAIL_FROM: z
      .string()
      .regex(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
        message: 'Expected an address, or Name <address>',
      })
      .optional(),
    /**
     * Sign-in with OpenID Connect issuers: a JSON array of {id, name, issuer, clientId,
     * clientSecret?}. The redirect URI to register at each issuer is
     * PUBLIC_ORIGIN/api/v1/auth/oidc/{id}/callback. Unset: no such sign-in.
     */
    OIDC_PROVIDERS: oidcProviders,
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(102_400),
    TRUST_PROXY: booleanString.optional(),
    FLY_REGION: z.string().min(1).optional(),
    FLY_MACHINE_ID: z.string().min(1).optional(),
    FLY_APP_NAME: z.string().min(1).optional(),
    /** Where the primary database is; other regions replay writes there. Unset: one region. */
    PRIMARY_REGION: z.string().min(1).optional(),
    /**
     * How a write outside PRIMARY_REGION reaches the primary: `replay` answers fly-replay (Fly's
     * proxy re-sends the request there), `direct` writes over this machine's own connection.
     */
    WRITE_ROUTING: z.enum(['replay', 'direct']).optional(),
    /** How long a read waits for a lagging replica to show the client's own last write. */
    READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(300),
    /** A web build to serve (apps/web/dist); by default the one bundled beside dist/main.js. */
    WEB_ROOT: z.string().min(1).optional(),
    /**
     * Who may create an account (docs/decisions/0028-sign-up-control.md): `open` (anyone),
     * `invite` (an invite link is needed), `oidc-only` (only through OpenID Connect sign-in).
     */
    SIGNUP_MODE: z.enum(['open', 'invite', 'oidc-only']).default('open'),
    /** Accounts (emails, comma-separated) that may create and revoke invites in Settings. */
    ADMIN_EMAILS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const emails: string[] = [];
        for (const part of (s ?? '').split(',')) {
          const email = part.trim().toLowerCase();
          if (!email) continue;
          if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
            ctx.addIssue({ code: 'custom', message: `"${email}" is not an email address` });
          }
          emails.push(email);
        }
        return emails;
      }),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(400).default(30),
    /** Requests one personal API token may make per minute, per machine (429 beyond). */
    API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /*
     * Object storage (photos, exports, import files). Unset BUCKET_NAME: a folder in DATA_DIR.
     * The names are the ones Fly's Tigris integration sets (`fly storage create`).
     */
    BUCKET_NAME: z.string().min(1).optional(),
    AWS_ENDPOINT_URL_S3: z.url().optional(),
    AWS_REGION: z.string().min(1).default('auto'),
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** The largest photo accepted (bytes). */
    PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_PHOTO_MAX_BYTES),
    /*
     * Reminders over Web Push (docs/decisions/0019-reminders-and-web-push.md). Without the key
     * pair, one is generated once and kept in the database, so every machine signs alike.
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86,88}$/, 'Expected a base64url P-256 public key')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{42,44}$/, 'Expected a base64url P-256 private key')
      .optional(),
    /** Who push services may contact about our messages: a mailto: or https: URL. */
    VAPID_SUBJECT: z
      .string()
      .regex(
        /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/,
        'Expected mailto:someone@example.com or an https:// URL',
      )
      .default('mailto:reminders@habit-tracker.invalid'),
    /**
     * Where push subscriptions may point (the server POSTs there): origins, `*.` for any
     * subdomain. The default is the browsers' push services; tests add a local one.
     */
    PUSH_SERVICE_ORIGINS: z
      .string()
      .default(
        'https://fcm.googleapis.com,https://*.push.services.mozilla.com,https://*.push.apple.com,https://*.notify.windows.com',
      )
      .transform((s, ctx) => {
        const patterns = s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        for (const p of patterns) {
          if (!/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(p)) {
            ctx.addIssue({
              code: 'custom',
              message: `"${p}" is not an origin like https://push.example.com`,
            });
          }
        }
        return patterns;
      }),
    /** `off`: this machine never sends reminders (it still serves their routes). */
    REMINDER_SENDER: z.enum(['auto', 'off']).default('auto'),
    /** A reminder this late is dropped, not sent. */
    REMINDER_MAX_LATE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
    /** Push requests in flight at once. */
    REMINDER_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(64),
    /** The largest import file accepted (bytes). */
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_IMPORT_MAX_BYTES),
    /** The heap cap of the worker that reads one import file (MB). */
    IMPORT_READ_HEAP_MB: z.coerce.number().int().min(16).max(4096).default(192),
    /** How long reading one import file may take (ms). */
    IMPORT_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
    /** Import files read at once, each in its own worker; more wait in line. */
    IMPORT_READS_AT_ONCE: z.coerce.number().int().min(1).max(16).default(1),
    /** Each user's storage for photos, import files and exports (bytes; 1 GiB by default). */
    USER_STORAGE_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .default(1024 * 1024 * 1024),
  })
  .transform(({ TRUST_PROXY, WRITE_ROUTING, ...env }, ctx) => {
    const onFly = env.FLY_REGION !== undefined || env.FLY_APP_NAME !== undefined;
    // Replaying needs a proxy that honours fly-replay: only Fly's is known to exist.
    const writeRouting = WRITE_ROUTING ?? (onFly ? 'replay' : 'direct');
    if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_READ_URL'],
        message: 'A read replica needs DATABASE_URL (the primary) too',
      });
    }
    if (writeRouting === 'replay' && env.BODY_LIMIT_BYTES > REPLAY_BODY_LIMIT_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['BODY_LIMIT_BYTES'],
        message: `Writes may be replayed (WRITE_ROUTING=replay), and Fly replays bodies up to ${REPLAY_BODY_LIMIT_BYTES} bytes`,
      });
    }
    if ((env.VAPID_PUBLIC_KEY === undefined) !== (env.VAPID_PRIVATE_KEY === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.VAPID_PUBLIC_KEY === undefined ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY'],
        message: 'Set both VAPID keys, or neither (a pair is then generated and stored)',
      });
    }
    if (env.BUCKET_NAME === undefined && (env.AWS_ENDPOINT_URL_S3 || env.AWS_ACCESS_KEY_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BUCKET_NAME'],
        message: 'S3 credentials or an endpoint are set, but no BUCKET_NAME to use them with',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      env.SIGNUP_MODE === 'invite' &&
      env.PUBLIC_ORIGIN === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_ORIGIN'],
        message: 'Invite links need the public origin (e.g. https://habits.example.com)',
      });
    }
    if (env.NODE_ENV === 'production' && env.SMTP_URL !== undefined) {
      // A link built from a request's Host header could point anywhere its sender likes.
      if (env.PUBLIC_ORIGIN === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_ORIGIN'],
          message: 'Email links need the public origin (e.g. https://habits.example.com)',
        });
      }
      if (env.MAIL_FROM === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['MAIL_FROM'],
          message: 'Set the address email is sent from (your SMTP provider must accept it)',
        });
      }
    }
    if (env.OIDC_PROVIDERS.length > 0 && env.NODE_ENV === 'production') {
      // The redirect URI must be exact and registered: never built from a Host header.
      if (env.PUBLIC_ORIGIN === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_ORIGIN'],
          message:
            'OpenID Connect sign-in needs the public origin (e.g. https://habits.example.com)',
        });
      }
      for (const provider of env.OIDC_PROVIDERS) {
        if (new URL(provider.issuer).protocol !== 'https:') {
          ctx.addIssue({
            code: 'custom',
            path: ['OIDC_PROVIDERS'],
            message: `The issuer of "${provider.id}" must be an https:// URL`,
          });
        }
      }
    }
    return {
      ...env,
      WRITE_ROUTING: writeRouting,
      // Behind Fly's proxy the socket address is the proxy's; only there is Fly-Client-IP trustworthy.
      TRUST_PROXY: TRUST_PROXY ?? env.FLY_REGION !== undefined,
    };
  });

export type Env = z.output<typeof EnvSchema>;
export type EnvInput = z.input<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment (by default `process.env`); throws an `EnvError` naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" (a common shape for `FOO= node main.js` and compose files).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return `  ${name}: ${issue.message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
