import pino, { type Logger } from 'pino';
import type { Env } from './env';

export type { Logger };

/** JSON lines on stdout: Fly's log shipper and `fly logs` read them as they are. */
export function createLogger(
  env: Pick<Env, 'LOG_LEVEL' | 'FLY_REGION' | 'FLY_MACHINE_ID'>,
): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { region: env.FLY_REGION ?? 'local', machine: env.FLY_MACHINE_ID },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials, even by accident in an error's context.
    redact: ['req.headers.cookie', 'password', 'currentPassword', 'newPassword'],
  });
}
