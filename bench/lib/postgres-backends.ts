/**
 * The PostgreSQL backends serving one database: their CPU time is the server's too, so the
 * PostgreSQL throughput cases charge it to each request beside Marquee's own.
 */
import pg from 'pg';

export async function backendPids(databaseUrl: string): Promise<number[]> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()",
      [name],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
