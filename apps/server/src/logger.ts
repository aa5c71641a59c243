import pino, { type Logger } from 'pino';
import type { Env } from './env';

export type { Logger };

/** JSON lines on stdout: Fly's log shipper and `fly logs` read them as they are. */
export function createLogger(
  env: Pick<Env, 'LOG_LEVEL' | 'FLY_REGION' | 'FLY_MACHINE_ID'>,
  /** Where lines go: stdout by default; tests capture them. */
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { region: env.FLY_REGION ?? 'local', machine: env.FLY_MACHINE_ID },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials, even by accident in an error's context.
    redact: ['req.headers.cookie', 'password', 'currentPassword', 'newPassword'],
  };
  return destination ? pino(options, destination) : pino(options);
}
