import type { Command } from 'commander';
import { servicesOf } from '../../composition.ts';
import { PanduError } from '../../errors.ts';
import { reminderCli } from '../../messages/index.ts';
import type { PlannedReminder } from '../../reminders/index.ts';
import { localDate } from '../../programme/dates.ts';
import { parseNow, printJson, type CliContext } from '../context.ts';
import { cliHelp as help } from '../../messages/cli-help.ts';

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 366) throw new PanduError('USAGE', { detail: reminderCli.badDays });
  return n;
}

/** 'YYYY-MM-DD HH:MM' in the zone. */
function localTime(at: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${localDate(at, zone)} ${time}`;
}

function printPlan(ctx: CliContext, plan: readonly PlannedReminder[]): void {
  const byChat = new Map<number, PlannedReminder[]>();
  for (const p of plan) byChat.set(p.chat.id, [...(byChat.get(p.chat.id) ?? []), p]);
  ctx.io.out(`${reminderCli.planHeader(plan.length, byChat.size)}\n`);
  for (const list of byChat.values()) {
    const first = list[0]!;
    ctx.io.out(`${reminderCli.planChat(first.chat.platform, first.chat.chatId, first.regionName, first.regionCode)}\n`);
    for (const p of list) {
      ctx.io.out(
        `${reminderCli.planLine({
          sendAt: localTime(p.sendAt, p.timezone),
          zone: p.timezone,
          offset: p.offset,
          stageName: p.stageName,
          dueOn: p.dueOn,
          catchUp: p.catchUp,
        })}\n`,
      );
    }
  }
}

export function registerReminders(program: Command, ctx: CliContext): void {
  const reminders = program.command('reminders').description(help.reminders.description);

  reminders
    .command('plan')
    .description(help.remindersPlan.description)
    .option('--now <waktu>', help.remindersPlan.now)
    .option('--days <n>', help.remindersPlan.days, '14')
    .option('--json', help.remindersPlan.json)
    .action(async (opts: { now?: string; days: string; json?: boolean }) => {
      const now = parseNow(opts.now);
      const days = parseDays(opts.days);
      const app = await ctx.app();
      const { planFromDb, outboxRows, runningPauses } = await import('../../reminders/index.ts');
      const planned = await planFromDb(app.db, { now, horizonDays: days });
      // What was already sent (or settled) is not going to be sent again.
      const settled = new Set(
        (await outboxRows(app.db))
          .filter((r) => r.status !== 'pending' && r.status !== 'sending')
          .map((r) => `${r.chatRef}|${r.regionCode}|${r.stageId}|${r.dueOn}|${r.offset}`),
      );
      const plan = planned.filter((p) => !settled.has(`${p.chat.id}|${p.regionCode}|${p.stageId}|${p.dueOn}|${p.offset}`));
      if (opts.json) {
        printJson(
          ctx.io,
          plan.map((p) => ({
            chat_id: p.chat.chatId,
            platform: p.chat.platform,
            region: p.regionCode,
            region_name: p.regionName,
            deadline: p.dueOn,
            stage: p.stageId,
            stage_name: p.stageName,
            offset: p.offset,
            send_at: p.sendAt.toISOString(),
            timezone: p.timezone,
            catch_up: p.catchUp,
          })),
        );
        return;
      }
      printPlan(ctx, plan);
      // Paused chats (/tunda) plan nothing for that stage until the pause ends: say so.
      const pauses = await runningPauses(app.db, now);
      if (pauses.length > 0) ctx.io.out(`${reminderCli.pausedHeader(pauses.length)}\n`);
      for (const p of pauses) {
        ctx.io.out(`${reminderCli.pausedLine({ platform: p.platform, chat: p.chatTitle ? `${p.chatId} (${p.chatTitle})` : p.chatId, regionName: p.regionName ?? '-', stageName: p.stageName, until: p.until.toISOString() })}\n`);
      }
    });

  reminders
    .command('run')
    .description(help.remindersRun.description)
    .option('--now <waktu>', help.remindersRun.now)
    .option('--json', help.remindersRun.json)
    .action(async (opts: { now?: string; json?: boolean }) => {
      const start = parseNow(opts.now);
      const shift = start.getTime() - Date.now();
      const now = () => new Date(Date.now() + shift);
      const app = await ctx.app();
      const { createReminderService } = await import('../../reminders/index.ts');
      // The Telegram client loads only when reminders are sent; inside `pandu start`, the running bot's sender (and pacing) is used.
      const senders = await servicesOf(app).reminderSenders();
      const service = createReminderService({
        db: app.db,
        senders,
        logger: app.logger.child({ module: 'reminders' }),
        now,
        metrics: app.metrics,
      });
      const result = await service.runOnce();
      await service.stop();
      const d = result.dispatch;
      if (opts.json) printJson(ctx.io, { enqueued: result.enqueued, ...d });
      else ctx.io.out(`${reminderCli.runSummary({ ...d, enqueued: result.enqueued })}\n`);
      if (!senders.telegram) {
        ctx.io.err(`${reminderCli.noSender}\n`);
        ctx.exitCode = 2;
      } else if (d.failed > 0) {
        ctx.exitCode = 1;
      }
    });
}
