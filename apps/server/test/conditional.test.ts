/**
 * ETag → 304 on the views a client re-reads (Today, a habit's history): an unchanged view moves
 * no body; any change — a check-in, a new day — gives a new tag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, TODAY } from './support/app';
import { type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-conditional', ['postgres']);

describe('conditional reads', () => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let habitId: string;

  beforeAll(async () => {
    db = databases.get('postgres');
    t = createTestApp(db.database);
    c = t.client();
    await c.signUp();
    habitId = (await c.createHabit()).id;
  });

  for (const [view, path] of [
    ['Today', () => '/api/v1/today'],
    ['history', () => `/api/v1/habits/${habitId}/history`],
  ] as const) {
    it(`answers ${view} with 304 while nothing changed, 200 with a new tag after`, async () => {
      const first = await c.get(path());
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');

      const again = await c.get(path(), { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers.get('etag')).toBe(etag);
      // A list of tags, or the strong form of the same tag, match too (weak comparison).
      expect((await c.get(path(), { headers: { 'if-none-match': `"x", ${etag}` } })).status).toBe(
        304,
      );
      expect((await c.get(path(), { headers: { 'if-none-match': etag!.slice(2) } })).status).toBe(
        304,
      );
      expect((await c.get(path(), { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);

      const date = view === 'Today' ? TODAY : '2026-03-14';
      await c.put(`/api/v1/habits/${habitId}/checkins/${date}`, { state: 'done' });
      const changed = await c.get(path(), { headers: { 'if-none-match': etag! } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(JSON.parse(changed.text)).toEqual(changed.body);
    });
  }

  it('gives another user (or another day) another tag for the same-looking view', async () => {
    const other = t.client();
    await other.signUp();
    const mine = (await c.get('/api/v1/today')).headers.get('etag');
    const theirs = (await other.get('/api/v1/today')).headers.get('etag');
    expect(theirs).not.toBe(mine);
    t.clock.now = new Date(t.clock.now.getTime() + 86_400_000);
    expect((await c.get('/api/v1/today', { headers: { 'if-none-match': mine! } })).status).toBe(
      200,
    );
  });
});
