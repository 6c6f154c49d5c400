import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { currentStage, daysLeft, regionDeadlines, stageChecklist } from '../../../programme/index.ts';
import { findChat, type ChatBinding } from '../../../chats/index.ts';
import { isGroup, replyHtml, type FeatureDeps } from '../context.ts';

/** /tenggat (deadlines of the bound region) and /status (stage and checklist progress). */
export function deadlinesFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('tenggat', (ctx) => showDeadlines(ctx, deps));
  c.command('status', (ctx) => showStatus(ctx, deps));
  return c;
}

type Bound = ChatBinding & { regionCode: string; regionName: string };

/** The chat's region, or a reply saying how to bind one (then null). */
export async function boundRegion(ctx: Context, deps: Pick<FeatureDeps, 'db'>): Promise<Bound | null> {
  const chat = await findChat(deps.db, String(ctx.chat!.id));
  if (chat?.regionCode && chat.regionName) return chat as Bound;
  await replyHtml(ctx, t.notBound(isGroup(ctx)));
  return null;
}

export async function showDeadlines(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'now'>): Promise<void> {
  const chat = await boundRegion(ctx, deps);
  if (!chat) return;
  const deadlines = await regionDeadlines(deps.db, chat.regionCode);
  if (deadlines.length === 0) return void (await replyHtml(ctx, t.deadlines.noCohort(chat.regionName)));
  const now = deps.now();
  const lines = deadlines.map((d) => t.deadlines.line({ ...d, daysLeft: daysLeft(d, now) }));
  const parts = [t.deadlines.header(chat.regionName, deadlines[0]!.cohort), lines.join('\n')];
  if (deadlines.every((d) => d.completed)) parts.push(t.deadlines.allDone(chat.regionName));
  await replyHtml(ctx, parts.join('\n\n'));
}

export async function showStatus(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'now'>): Promise<void> {
  const chat = await boundRegion(ctx, deps);
  if (!chat) return;
  const deadlines = await regionDeadlines(deps.db, chat.regionCode);
  if (deadlines.length === 0) return void (await replyHtml(ctx, t.deadlines.noCohort(chat.regionName)));
  const current = currentStage(deadlines);
  const lines: string[] = [];
  for (const d of deadlines) {
    const cl = await stageChecklist(deps.db, chat.regionCode, d.stageId);
    lines.push(
      t.status.line({
        stageName: d.stageName,
        completed: d.completed,
        current: current?.stageId === d.stageId,
        done: cl?.done ?? 0,
        total: cl?.total ?? 0,
      }),
    );
  }
  const parts = [
    t.status.header(chat.regionName, deadlines[0]!.cohort),
    current ? t.status.current({ ...current, daysLeft: daysLeft(current, deps.now()) }) : t.status.allDone,
    lines.join('\n'),
  ];
  if (current) parts.push(t.status.hint);
  await replyHtml(ctx, parts.join('\n\n'));
}
