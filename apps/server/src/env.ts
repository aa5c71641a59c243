/**
 * The server's configuration, validated once at boot. This is the only module that reads
 * `process.env`: everything else receives an `Env` object, so tests can build apps with any
 * configuration without touching global state.
 */
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'Expected a postgres:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
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
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(102_400),
    TRUST_PROXY: booleanString.optional(),
    FLY_REGION: z.string().min(1).optional(),
    FLY_MACHINE_ID: z.string().min(1).optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  })
  // Behind Fly's proxy the socket address is the proxy's; only there is Fly-Client-IP trustworthy.
  .transform(({ TRUST_PROXY, ...env }) => ({
    ...env,
    TRUST_PROXY: TRUST_PROXY ?? env.FLY_REGION !== undefined,
  }));

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
