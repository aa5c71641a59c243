import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type PostgresServer, startPostgres } from '../src/index';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startPostgres', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres({ label: 'smoke' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves the habit_tracker database on 127.0.0.1', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/habit_tracker`);
    const rows = await query<{ one: number; db: string }>(
      server.url,
      'select 1 as one, current_database() as db',
    );
    expect(rows).toEqual([{ one: 1, db: 'habit_tracker' }]);
  });

  it('applies the test settings and keeps replication possible', async () => {
    const rows = await query<{ name: string; setting: string }>(
      server.url,
      `select name, setting from pg_settings
       where name in ('fsync', 'listen_addresses', 'max_connections', 'wal_level', 'max_wal_senders')
       order by name`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.name, row.setting]))).toEqual({
      fsync: 'off',
      listen_addresses: '127.0.0.1',
      max_connections: '200',
      max_wal_senders: '10',
      wal_level: 'replica',
    });
  });

  it('creates isolated databases, from template0 or from a given template', async () => {
    const url = await createDatabase(server, 'smoke_second');
    expect(url).toBe(`postgres://postgres@127.0.0.1:${server.port}/smoke_second`);
    await query(url, 'create table marker (id int); insert into marker values (42)');
    expect(await query(server.url, `select to_regclass('marker') as t`)).toEqual([{ t: null }]);

    const copyUrl = await createDatabase(server, 'smoke_copy', { template: 'smoke_second' });
    expect(await query(copyUrl, 'select id from marker')).toEqual([{ id: 42 }]);
  });
});

describe('PostgresServer.stop', () => {
  it('shuts the server down, frees the port and removes the folder', async () => {
    const server = await startPostgres({
      label: 'stop',
      settings: { fsync: 'on', synchronous_commit: 'on' },
    });
    expect(await query(server.url, 'show fsync')).toEqual([{ fsync: 'on' }]);
    expect(existsSync(server.dataDir)).toBe(true);

    await server.stop();
    await server.stop(); // a second call is harmless

    expect(existsSync(server.dataDir)).toBe(false);
    expect(await portAcceptsConnections(server.port)).toBe(false);
  });

  it('refuses to let callers move the server off its port or address', async () => {
    await expect(startPostgres({ settings: { port: '5432' } })).rejects.toThrow(/harness owns/);
  });
});
