import { migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { seedRegions } from '../../src/regions/index.ts';

/** A fresh database (in memory unless a URL is given), migrated and seeded with the region registry. */
export async function freshDb(url = 'memory://'): Promise<Db> {
  const db = await openDatabase(url);
  await migrate(db);
  await seedRegions(db);
  return db;
}
