/** One-off SQL against a test database, for checking what really got stored. */
import pg from 'pg';

export async function query<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values?: unknown[],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>({ text, values, query_timeout: 30_000 } as pg.QueryConfig)).rows;
  } finally {
    await client.end();
  }
}
