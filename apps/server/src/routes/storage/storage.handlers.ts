import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { storageUsage } from '../../lib/storage-quota';
import type * as routes from './storage.routes';

export const getStorageUsage: RouteHandler<typeof routes.getStorageUsage, AuthedEnv> = async (
  c,
) => {
  const { env, database } = c.var.deps;
  const used = await storageUsage(database.db, c.var.user.id);
  return c.json({ quota: env.USER_STORAGE_QUOTA_BYTES, used }, 200);
};
