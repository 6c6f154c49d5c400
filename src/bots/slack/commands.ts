import type { App, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import { MAX_QUESTION_LENGTH } from '../../answer/index.ts';
import { PanduError } from '../../errors.ts';
import { answerMessages, messages, slackMessages } from '../../messages/index.ts';
import { telegramGroupCounts } from '../../chats/index.ts';
import { allRegionDeadlines, currentStage, daysLeft, regionDeadlines, regionStatus, type RegionDeadline } from '../../programme/index.ts';
import { createInvite, findRegion, listRegions, type Region } from '../../regions/index.ts';
import { escapeMrkdwn as esc, SLACK_TEXT_LIMIT } from '../../digest/index.ts';
import { answerBlocks } from './blocks.ts';
import { isStaff, type SlackFeatureDeps } from './deps.ts';
import { documentsReply, removeReply } from './documents.ts';
import { formatInstant } from './format.ts';

const m = slackMessages;
/** Deadline groups listed by `/pandu tenggat` before "…and N more". */
const MAX_GROUPS = 15;
/** Region names listed in one deadline group before "and N others". */
const NAMES_INLINE = 5;

type Sub = 'tanya' | 'tenggat' | 'status' | 'undang' | 'digest' | 'dokumen' | 'hapus' | 'bantuan';

const ALIASES: Record<string, Sub> = {
  tanya: 'tanya',
  tenggat: 'tenggat',
  deadline: 'tenggat',
  status: 'status',
  undang: 'undang',
  undangan: 'undang',
  invite: 'undang',
  digest: 'digest',
  ringkasan: 'digest',
  dokumen: 'dokumen',
  documents: 'dokumen',
  hapus: 'hapus',
};

export function parseCommand(text: string): { sub: Sub; arg: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const sub = ALIASES[first.toLowerCase()] ?? 'bantuan';
  return { sub, arg: sub === 'bantuan' ? '' : rest.join(' ').trim() };
}

const ephemeral = (text: string): RespondArguments => ({ response_type: 'ephemeral', text });

/** A header and at most MAX_GROUPS lines, within one Slack text object; the rest is counted. */
function listReply(header: string, lines: readonly string[]): string {
  const text = (k: number) =>
    [header, ...lines.slice(0, k), ...(lines.length > k ? [m.deadlines.more(lines.length - k)] : [])].join('\n');
  let shown = Math.min(lines.length, MAX_GROUPS);
  while (shown > 0 && text(shown).length > SLACK_TEXT_LIMIT) shown--;
  return text(shown);
}

/** Each region's next open deadline, grouped by cohort, stage and date. */
function nextDeadlineLines(deadlines: readonly RegionDeadline[], now: Date): string[] {
  const byRegion = new Map<string, RegionDeadline[]>();
  for (const d of deadlines) byRegion.set(d.regionCode, [...(byRegion.get(d.regionCode) ?? []), d]);
  const groups = new Map<string, { d: RegionDeadline; left: number; names: string[] }>();
  for (const list of byRegion.values()) {
    const next = currentStage(list);
    if (!next) continue;
    const key = `${next.cohort}|${next.stageId}|${next.dueOn}`;
    const g = groups.get(key) ?? { d: next, left: daysLeft(next, now), names: [] };
    g.names.push(next.regionName);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.d.dueOn.localeCompare(b.d.dueOn) || a.d.cohort - b.d.cohort)
    .map((g) => {
      const names = g.names.sort((a, b) => a.localeCompare(b, 'id'));
      return m.deadlines.group({
        cohort: g.d.cohort,
        stageName: esc(g.d.stageName),
        dueOn: g.d.dueOn,
        daysLeft: g.left,
        regions: names.length <= NAMES_INLINE ? names.map(esc) : [],
        count: names.length,
      });
    });
}

async function regionDeadlineText(deps: SlackFeatureDeps, region: Region, now: Date): Promise<string> {
  if (region.cohort === null) return answerMessages.noCohort(esc(region.name));
  const list = await regionDeadlines(deps.db, region.code);
  if (list.length === 0) return answerMessages.noCohort(esc(region.name));
  if (list.every((d) => d.completed)) return m.deadlines.allDone(esc(region.name));
  return [
    m.deadlines.regionHeader(esc(region.name), region.cohort),
    ...list.map((d) => answerMessages.deadlineLine({ ...d, stageName: esc(d.stageName), reason: d.reason && esc(d.reason), daysLeft: daysLeft(d, now) })),
  ].join('\n');
}

/** `/pandu tenggat [wilayah|provinsi]`. */
export async function deadlinesReply(deps: SlackFeatureDeps, arg: string): Promise<string> {
  const now = deps.now();
  if (arg) {
    const region = await findRegion(deps.db, arg);
    if (region) return regionDeadlineText(deps, region, now);
    const inProvince = await listRegions(deps.db, { province: arg });
    if (inProvince.length === 0) return m.placeUnknown(esc(arg));
    const provinces = new Set(inProvince.map((r) => r.province));
    const province = esc(provinces.size === 1 ? inProvince[0]!.province : arg);
    const codes = new Set(inProvince.map((r) => r.code));
    const deadlines = (await allRegionDeadlines(deps.db)).filter((d) => codes.has(d.regionCode));
    if (deadlines.length === 0) return m.deadlines.provinceNoCohort(province);
    const lines = nextDeadlineLines(deadlines, now);
    if (lines.length === 0) return m.deadlines.none;
    const regions = new Set(deadlines.map((d) => d.regionCode)).size;
    return listReply(m.deadlines.provinceHeader(province, regions), lines);
  }
  const deadlines = await allRegionDeadlines(deps.db);
  if (deadlines.length === 0) return m.deadlines.noCohortRegions;
  const lines = nextDeadlineLines(deadlines, now);
  if (lines.length === 0) return m.deadlines.none;
  const regions = new Set(deadlines.map((d) => d.regionCode)).size;
  return listReply(m.deadlines.allHeader(regions), lines);
}

/** `/pandu status <wilayah>`. */
export async function statusReply(deps: Pick<SlackFeatureDeps, 'db' | 'now'>, arg: string): Promise<string> {
  if (!arg) return m.usageStatus;
  const region = await findRegion(deps.db, arg);
  if (!region) return m.regionUnknown(esc(arg));
  const lines = [m.status.title({ ...region, name: esc(region.name), province: esc(region.province) })];
  if (region.cohort === null) {
    lines.push(m.status.noCohort);
  } else {
    // The same status as Telegram's /status and the answers: one computation (programme/region-status.ts).
    const status = await regionStatus(deps.db, region.code, deps.now());
    const { current } = status;
    const stage = status.stages.find((s) => s.current);
    if (current && stage) {
      lines.push(m.status.stage({ cohort: region.cohort, stageName: esc(current.stageName), dueOn: current.dueOn, daysLeft: current.daysLeft }));
      lines.push(m.status.checklist(esc(current.stageName), stage.done, stage.total));
    } else {
      lines.push(m.status.allDone(region.cohort));
    }
    const done = status.stages.filter((s) => s.completion !== null).map((s) => esc(s.deadline.stageName));
    if (done.length > 0) lines.push(m.status.completedStages(done));
  }
  const groups = await telegramGroupCounts(deps.db, region.code);
  lines.push(groups.active > 0 ? m.status.groups(groups.active, groups.reminders) : m.status.noGroup(region.code));
  return lines.join('\n');
}

/** `/pandu undang <kode wilayah>` (staff only; checked by the caller). */
export async function inviteReply(deps: SlackFeatureDeps, arg: string, userId: string, triggerId?: string): Promise<string> {
  if (!arg) return m.usageUndang;
  try {
    // One invite per slash command: a replayed or retried command (same trigger_id) gets the same one.
    const requestKey = triggerId ? `slack:${triggerId}` : undefined;
    const invite = await createInvite(deps.db, arg, { createdBy: `slack:${userId}`, now: deps.now(), requestKey });
    deps.logger.info({ region: invite.region, by: userId }, 'invite created from slack');
    return m.invite({
      code: invite.code,
      regionName: esc(invite.regionName),
      regionCode: invite.region,
      expires: formatInstant(new Date(invite.expires_at), deps.timezone),
    });
  } catch (err) {
    if (PanduError.isInstance(err, 'REGION_UNKNOWN')) return m.regionUnknown(esc(arg));
    throw err;
  }
}

async function safely(deps: SlackFeatureDeps, respond: RespondFn, sub: Sub, work: () => Promise<RespondArguments>): Promise<void> {
  let reply: RespondArguments;
  try {
    reply = await work();
  } catch (err) {
    deps.logger.error({ err, sub }, 'slack command failed');
    reply = ephemeral(m.failed);
  }
  await respond(reply);
}

/** Handles one `/pandu …` invocation: acknowledged at once, answered through response_url. */
export async function handleCommand(
  deps: SlackFeatureDeps,
  command: SlashCommand,
  ack: (reply?: string | RespondArguments) => Promise<void>,
  respond: RespondFn,
): Promise<void> {
  const { sub, arg } = parseCommand(command.text ?? '');
  deps.logger.info({ sub, user: command.user_id, channel: command.channel_id }, 'slack command');
  const staff = isStaff(deps.slack, command.user_id, command.channel_id);
  switch (sub) {
    case 'bantuan':
      return ack(ephemeral(m.help));
    case 'tanya': {
      if (!arg) return ack(ephemeral(m.usageTanya));
      if (arg.length > MAX_QUESTION_LENGTH) return ack(ephemeral(messages.errors.questionTooLong(MAX_QUESTION_LENGTH)));
      await ack(ephemeral(m.thinking));
      return safely(deps, respond, sub, async () => {
        const answer = await deps.answers.ask({
          question: arg,
          platform: 'slack',
          chatId: command.channel_id,
          userId: command.user_id,
          regionCode: null,
          sessionId: `slack:${command.channel_id}:${command.user_id}`,
          now: deps.now(),
        });
        const reply = answerBlocks(answer);
        return { response_type: 'ephemeral', replace_original: true, text: reply.text, blocks: reply.blocks };
      });
    }
    case 'tenggat':
      await ack();
      return safely(deps, respond, sub, async () => ephemeral(await deadlinesReply(deps, arg)));
    case 'status':
      if (!arg) return ack(ephemeral(m.usageStatus));
      await ack();
      return safely(deps, respond, sub, async () => ephemeral(await statusReply(deps, arg)));
    case 'undang':
      if (!staff) {
        deps.logger.info({ user: command.user_id, channel: command.channel_id }, 'slack staff command refused');
        return ack(ephemeral(m.staffOnly('undang')));
      }
      if (!arg) return ack(ephemeral(m.usageUndang));
      await ack();
      return safely(deps, respond, sub, async () => ephemeral(await inviteReply(deps, arg, command.user_id, command.trigger_id)));
    case 'dokumen':
      await ack();
      return safely(deps, respond, sub, () => documentsReply(deps));
    case 'hapus':
      if (!staff) return ack(ephemeral(m.staffOnly('hapus')));
      await ack();
      return safely(deps, respond, sub, () => removeReply(deps, arg));
    case 'digest':
      if (!staff) {
        deps.logger.info({ user: command.user_id, channel: command.channel_id }, 'slack staff command refused');
        return ack(ephemeral(m.staffOnly('digest')));
      }
      if (!deps.digest.channel) return ack(ephemeral(m.digestNoChannel));
      await ack(ephemeral(m.digestBuilding));
      return safely(deps, respond, sub, async () => {
        const posted = await deps.digest.post(deps.now());
        return { response_type: 'ephemeral', replace_original: true, text: m.digestPosted(posted.channel) };
      });
  }
}

/** The `/pandu` slash command. */
export function register(app: App, deps: SlackFeatureDeps): void {
  app.command('/pandu', async ({ command, ack, respond }) => {
    await handleCommand(deps, command, ack, respond);
  });
}
