import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { storageUsage } from '../../files/storage-quota';
import type * as routes from './storage.routes';

export const getStorageUsage: RouteHandler<typeof routes.getStorageUsage, AuthedEnv> = async (
  c,
) => {
  const used = await storageUsage(c.var.db.read, c.var.user.id);
  return c.json({ quota: c.var.deps.env.USER_STORAGE_QUOTA_BYTES, used }, 200);
};
