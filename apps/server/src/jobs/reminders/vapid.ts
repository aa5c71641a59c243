/**
 * The VAPID key pair the server signs push requests with (RFC 8292). Every machine in every region
 * must use the same pair — browsers bind a subscription to the public key — so it comes from the
 * environment (VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, Fly secrets), or is generated once and kept
 * in the database (server_keys), where the first machine to ask stores it and the rest read it.
 */
import * as db from '@habit-tracker/db';
import webpush from 'web-push';
import type { Env } from '../../env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface VapidKeySource {
  /** The pair; generated and stored (on the primary) the first time, then cached. */
  get(): Promise<VapidKeys>;
}

const KEY_NAME = 'vapid';

export function vapidKeySource(
  env: Pick<Env, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT'>,
  database: db.Database,
): VapidKeySource {
  let cached: Promise<VapidKeys> | undefined;
  const load = async (): Promise<VapidKeys> => {
    if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
      return {
        publicKey: env.VAPID_PUBLIC_KEY,
        privateKey: env.VAPID_PRIVATE_KEY,
        subject: env.VAPID_SUBJECT,
      };
    }
    // Most reads find it on this region's replica; only the very first ask writes, and that
    // must be the primary — explicitly, whatever region asks.
    const { read } = await database.forRequest();
    const stored =
      (await db.readServerKeys(read, KEY_NAME)) ??
      (await db.ensureServerKeys(database.primary.write, KEY_NAME, () =>
        webpush.generateVAPIDKeys(),
      ));
    return { ...stored, subject: env.VAPID_SUBJECT };
  };
  return {
    get() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined; // a database hiccup must not stick
        throw error;
      });
      return cached;
    },
  };
}
