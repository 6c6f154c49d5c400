import { execFileSync } from 'node:child_process';

/**
 * The compiled ingest pipeline (`npm start` and `pandu` run dist/, its parse worker too),
 * built first when src/ changed: the ingest benches measure what ships, not the code
 * through the TypeScript loader the benches otherwise run under.
 */
export async function compiledPipeline() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const dist = <T>(path: string) => import(new URL(`../../dist/${path}`, import.meta.url).href) as Promise<T>;
  const [db, ingest, log, regions, embedder, store] = await Promise.all([
    dist<typeof import('../../src/db/index.ts')>('db/index.js'),
    dist<typeof import('../../src/ingest/index.ts')>('ingest/index.js'),
    dist<typeof import('../../src/log.ts')>('log.js'),
    dist<typeof import('../../src/regions/index.ts')>('regions/index.js'),
    dist<typeof import('../../src/retrieval/embedder.ts')>('retrieval/embedder.js'),
    dist<typeof import('../../src/retrieval/index-store.ts')>('retrieval/index-store.js'),
  ]);
  return {
    migrate: db.migrate,
    openDatabase: db.openDatabase,
    ingestPaths: ingest.ingestPaths,
    createLogger: log.createLogger,
    seedRegions: regions.seedRegions,
    createHashingEmbedder: embedder.createHashingEmbedder,
    ensureEmbeddings: store.ensureEmbeddings,
  };
}
