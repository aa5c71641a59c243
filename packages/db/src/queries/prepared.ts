/**
 * Prepared queries for the hot read paths (the session lookup on every request, the Today view).
 *
 * Building a query with drizzle costs tens of microseconds of object walking per request, and
 * PostgreSQL parses and plans unnamed statements every time. A prepared query is built once per
 * database handle, and node-postgres sends it as a named statement: each pooled connection
 * parses and plans it on first use, then only binds parameters.
 *
 * Cached per handle (the primary, the replica), never per transaction: a transaction handle
 * lives for one request.
 */
import type { Db } from '../database';

const cache = new WeakMap<Db, Map<string, unknown>>();

export function preparedOn<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let query = byName.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    byName.set(name, query);
  }
  return query;
}
