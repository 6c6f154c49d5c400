import type { Db } from '../../src/db/index.ts';
import { loadCalendar, loadChecklist, parseCalendar } from '../../src/programme/index.ts';

/** Loads a calendar YAML as the ingester would (validated, one transaction). */
export async function seedCalendar(db: Db, yaml: string): Promise<void> {
  await db.transaction((tx) => loadCalendar(tx, parseCalendar(yaml), 'corpus/kalender/uji.yaml'));
}

/** A three-item Bimtek I checklist (BT1-01..03); titles may carry characters that need escaping. */
export async function seedBimtek1Checklist(
  db: Db,
  options: { stageName: string; titles: readonly [string, string, string] },
): Promise<void> {
  const [sk, swot, buku] = options.titles;
  await db.transaction((tx) =>
    loadChecklist(tx, {
      kind: 'checklist',
      stage: 'bimtek-1',
      stage_name: options.stageName,
      order: 1,
      items: [
        { id: 'BT1-01', title: sk, description: 'SK ditandatangani', output: 'SK' },
        { id: 'BT1-02', title: swot, description: 'SWOT', output: 'Dokumen' },
        { id: 'BT1-03', title: buku, description: 'Buku 1', output: 'Buku 1' },
      ],
    }),
  );
}
