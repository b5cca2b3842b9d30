import pg from 'pg';

/** Creates a fresh database on the cluster and returns its URL (one per bench section). */
export async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Wraps a pool so every query a client sends is counted (round trips). */
export function countQueries(pool: pg.Pool): { count: () => number; reset: () => void } {
  let n = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      n++;
      return query(...args);
    };
  });
  return {
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}
