import pg from 'pg';

/**
 * Drops and creates an empty database on the server of `serverUrl`, named after that URL's
 * own database (`pandu_tests` + `t_0_main` → `pandu_tests_t_0_main`), so that two checkouts
 * or benchmarks sharing one server never meet; returns the new database's URL.
 */
export async function recreateDatabase(serverUrl: string, suffix: string): Promise<string> {
  const prefix = new URL(serverUrl).pathname.replace(/^\//, '') || 'pandu';
  const name = `${prefix}_${suffix}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
