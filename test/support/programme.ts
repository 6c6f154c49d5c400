import type { Db } from '../../src/db/index.ts';
import { loadCalendar, loadChecklist, parseCalendar } from '../../src/programme/index.ts';

/** A cohort calendar as the secretariat writes it in corpus/kalender/ (see docs of the format). */
export interface CalendarSpec {
  readonly cohort: number;
  readonly title: string;
  readonly regions: readonly string[];
  readonly stages: ReadonlyArray<{ readonly id: string; readonly name: string; readonly due: string }>;
  readonly overrides?: ReadonlyArray<{ readonly region: string; readonly stage: string; readonly due: string; readonly reason?: string }>;
  readonly completed?: ReadonlyArray<{ readonly region: string; readonly stages: readonly string[] }>;
}

const quoted = (s: string) => JSON.stringify(s);

/** The calendar's YAML text, in the layout of the files in corpus/kalender/. */
export function calendarYaml(c: CalendarSpec): string {
  const lines = ['kind: kalender', `cohort: ${c.cohort}`, `title: ${c.title}`, 'regions:', ...c.regions.map((r) => `  - code: ${quoted(r)}`), 'stages:'];
  for (const st of c.stages) lines.push(`  - id: ${st.id}`, `    name: ${quoted(st.name)}`, `    due: ${quoted(st.due)}`);
  if (c.overrides?.length) {
    lines.push('overrides:');
    for (const o of c.overrides) {
      lines.push(`  - region: ${quoted(o.region)}`, `    stage: ${o.stage}`, `    due: ${quoted(o.due)}`);
      if (o.reason !== undefined) lines.push(`    reason: ${o.reason}`);
    }
  }
  if (c.completed?.length) {
    lines.push('completed:');
    for (const d of c.completed) lines.push(`  - region: ${quoted(d.region)}`, `    stages: [${d.stages.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Loads a calendar YAML as the ingester would (validated, one transaction). */
export async function seedCalendar(db: Db, calendar: string | CalendarSpec): Promise<void> {
  const yaml = typeof calendar === 'string' ? calendar : calendarYaml(calendar);
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
