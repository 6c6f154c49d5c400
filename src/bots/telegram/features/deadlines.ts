import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { daysLeft, regionDeadlines, regionStatus } from '../../../programme/index.ts';
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
  const status = await regionStatus(deps.db, chat.regionCode, deps.now());
  if (status.stages.length === 0) return void (await replyHtml(ctx, t.deadlines.noCohort(chat.regionName)));
  const lines = status.stages.map((s) =>
    t.status.line({
      stageName: s.deadline.stageName,
      completed: s.completion !== null,
      current: s.current,
      done: s.done,
      total: s.total,
      via: s.completion?.source ?? null,
      by: s.completion?.completedBy ?? null,
      note: s.completion?.note ?? null,
    }),
  );
  const parts = [
    t.status.header(chat.regionName, status.stages[0]!.deadline.cohort),
    status.current ? t.status.current(status.current) : t.status.allDone,
    lines.join('\n'),
  ];
  if (status.current) parts.push(t.status.hint);
  await replyHtml(ctx, parts.join('\n\n'));
}
