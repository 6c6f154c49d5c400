import { describe, expect, it } from 'vitest';
import type { RegionDeadline } from '../../src/programme/index.ts';
import { DEFAULT_POLICY, planReminders, type ReminderChat } from '../../src/reminders/index.ts';

const deadline = (over: Partial<RegionDeadline> = {}): RegionDeadline => ({
  regionCode: '33.14',
  regionName: 'Kabupaten Sragen',
  timezone: 'Asia/Jakarta',
  cohort: 2026,
  stageId: 'bimtek-1',
  stageName: 'Bimtek I',
  ordinal: 1,
  startsOn: null,
  dueOn: '2026-03-31',
  overridden: false,
  reason: null,
  completed: false,
  ...over,
});

const chat = (over: Partial<ReminderChat> = {}): ReminderChat => ({
  id: 1,
  platform: 'telegram',
  chatId: '-1001',
  regionCode: '33.14',
  active: true,
  remindersEnabled: true,
  boundAt: null,
  ...over,
});

const slots = (plan: ReturnType<typeof planReminders>) =>
  plan.map((p) => `${p.regionCode} ${p.stageId} ${p.offset} ${p.sendAt.toISOString()}${p.catchUp ? ' catch-up' : ''}`);

describe('reminder planner', () => {
  it('plans H-14, H-7, H-3, H-1, H-0, then H+1 and weekly, at 08:00 WIB', () => {
    const plan = planReminders({
      deadlines: [deadline()],
      chats: [chat()],
      now: new Date('2026-03-10T00:00:00Z'),
      horizonDays: 30,
    });
    expect(slots(plan)).toEqual([
      '33.14 bimtek-1 14 2026-03-17T01:00:00.000Z',
      '33.14 bimtek-1 7 2026-03-24T01:00:00.000Z',
      '33.14 bimtek-1 3 2026-03-28T01:00:00.000Z',
      '33.14 bimtek-1 1 2026-03-30T01:00:00.000Z',
      '33.14 bimtek-1 0 2026-03-31T01:00:00.000Z',
      '33.14 bimtek-1 -1 2026-04-01T01:00:00.000Z',
      '33.14 bimtek-1 -8 2026-04-08T01:00:00.000Z',
    ]);
    expect(plan[0]!.chat).toEqual({ id: 1, platform: 'telegram', chatId: '-1001' });
  });

  it('uses each region’s own zone: 08:00 WITA is 00:00 UTC, 08:00 WIT is 23:00 UTC the day before', () => {
    const plan = planReminders({
      deadlines: [
        deadline({ regionCode: '73.71', regionName: 'Kota Makassar', timezone: 'Asia/Makassar', dueOn: '2026-04-01' }),
        deadline({ regionCode: '91.71', regionName: 'Kota Jayapura', timezone: 'Asia/Jayapura', dueOn: '2026-04-01' }),
      ],
      // Bound just now: no catch-up of the H-3 slot, only what is ahead.
      chats: [
        chat({ id: 2, regionCode: '73.71', boundAt: new Date('2026-03-30T12:00:00Z') }),
        chat({ id: 3, regionCode: '91.71', boundAt: new Date('2026-03-30T12:00:00Z') }),
      ],
      now: new Date('2026-03-30T12:00:00Z'),
      horizonDays: 2,
    });
    expect(slots(plan)).toEqual([
      // H-1 in Jayapura is 31 March 08:00 WIT = 30 March 23:00 UTC
      '91.71 bimtek-1 1 2026-03-30T23:00:00.000Z',
      '73.71 bimtek-1 1 2026-03-31T00:00:00.000Z',
      '91.71 bimtek-1 0 2026-03-31T23:00:00.000Z',
      '73.71 bimtek-1 0 2026-04-01T00:00:00.000Z',
    ]);
  });

  it('crosses month ends and leap days in the local calendar', () => {
    const plan = planReminders({
      deadlines: [
        deadline({ regionCode: '91.71', timezone: 'Asia/Jayapura', dueOn: '2028-03-01' }),
        deadline({ regionCode: '33.14', timezone: 'Asia/Jakarta', dueOn: '2027-01-01', stageId: 'bimtek-2' }),
      ],
      chats: [chat({ id: 3, regionCode: '91.71' }), chat({ id: 1, regionCode: '33.14' })],
      now: new Date('2026-12-25T00:00:00Z'),
      horizonDays: 500,
      policy: { ...DEFAULT_POLICY, overdueMaxDays: 1 },
    });
    expect(slots(plan)).toEqual([
      '33.14 bimtek-2 14 2026-12-18T01:00:00.000Z catch-up', // the latest slot that has passed
      '33.14 bimtek-2 7 2026-12-25T01:00:00.000Z',
      '33.14 bimtek-2 3 2026-12-29T01:00:00.000Z',
      '33.14 bimtek-2 1 2026-12-31T01:00:00.000Z',
      '33.14 bimtek-2 0 2027-01-01T01:00:00.000Z',
      '33.14 bimtek-2 -1 2027-01-02T01:00:00.000Z',
      '91.71 bimtek-1 14 2028-02-15T23:00:00.000Z', // 16 Feb 08:00 WIT
      '91.71 bimtek-1 7 2028-02-22T23:00:00.000Z',
      '91.71 bimtek-1 3 2028-02-26T23:00:00.000Z',
      '91.71 bimtek-1 1 2028-02-28T23:00:00.000Z', // 29 Feb 2028 (leap day) 08:00 WIT
      '91.71 bimtek-1 0 2028-02-29T23:00:00.000Z', // 1 March 08:00 WIT
      '91.71 bimtek-1 -1 2028-03-01T23:00:00.000Z',
    ]);
  });

  it('around midnight: the same due date is already due in Jayapura and not yet in Jakarta', () => {
    const now = new Date('2026-03-30T23:30:00Z'); // 31 March 08:30 WIT, 06:30 WIB
    const plan = planReminders({
      deadlines: [deadline({ regionCode: '91.71', timezone: 'Asia/Jayapura' }), deadline()],
      chats: [chat({ id: 3, regionCode: '91.71' }), chat()],
      now,
      horizonDays: 0.25,
    });
    expect(slots(plan)).toEqual([
      '33.14 bimtek-1 1 2026-03-30T01:00:00.000Z catch-up',
      '91.71 bimtek-1 0 2026-03-30T23:00:00.000Z catch-up',
      '33.14 bimtek-1 0 2026-03-31T01:00:00.000Z',
    ]);
  });

  it('plans nothing for a completed stage, a chat with reminders off, or an inactive chat', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const plan = planReminders({
      deadlines: [
        deadline({ completed: true }),
        deadline({ regionCode: '73.71', timezone: 'Asia/Makassar' }),
        deadline({ regionCode: '91.71', timezone: 'Asia/Jayapura' }),
        deadline({ regionCode: '51.71', timezone: 'Asia/Makassar' }),
      ],
      chats: [
        chat(),
        chat({ id: 2, regionCode: '73.71', remindersEnabled: false }),
        chat({ id: 3, regionCode: '91.71', active: false }),
        chat({ id: 4, regionCode: '51.71' }),
      ],
      now,
      horizonDays: 60,
    });
    expect(new Set(plan.map((p) => p.chat.id))).toEqual(new Set([4]));
  });

  it('after downtime, the missed slots collapse into the latest one', () => {
    const plan = planReminders({
      deadlines: [deadline()],
      chats: [chat()],
      now: new Date('2026-03-29T05:00:00Z'), // H-7 and H-3 passed while Pandu was down
      horizonDays: 1,
    });
    expect(slots(plan)).toEqual(['33.14 bimtek-1 3 2026-03-28T01:00:00.000Z catch-up', '33.14 bimtek-1 1 2026-03-30T01:00:00.000Z']);
  });

  it('does not catch up on slots from before the chat was bound', () => {
    const plan = planReminders({
      deadlines: [deadline()],
      chats: [chat({ boundAt: new Date('2026-03-29T00:00:00Z') })],
      now: new Date('2026-03-29T05:00:00Z'),
      horizonDays: 1,
    });
    expect(slots(plan)).toEqual(['33.14 bimtek-1 1 2026-03-30T01:00:00.000Z']);
  });

  it('keeps reminding weekly while overdue, until the stage is done', () => {
    const now = new Date('2026-04-20T00:00:00Z'); // 20 days overdue
    const open = planReminders({ deadlines: [deadline()], chats: [chat()], now, horizonDays: 7 });
    expect(slots(open)).toEqual([
      '33.14 bimtek-1 -15 2026-04-15T01:00:00.000Z catch-up',
      '33.14 bimtek-1 -22 2026-04-22T01:00:00.000Z',
    ]);
    expect(planReminders({ deadlines: [deadline({ completed: true })], chats: [chat()], now, horizonDays: 7 })).toEqual([]);
  });

  it('takes its offsets and hour from the policy', () => {
    const plan = planReminders({
      deadlines: [deadline()],
      chats: [chat()],
      now: new Date('2026-03-01T00:00:00Z'),
      horizonDays: 60,
      policy: { offsets: [2, 0], overdueAfterDays: 3, overdueEveryDays: 14, overdueMaxDays: 20, hour: 9, minute: 30 },
    });
    expect(slots(plan)).toEqual([
      '33.14 bimtek-1 2 2026-03-29T02:30:00.000Z',
      '33.14 bimtek-1 0 2026-03-31T02:30:00.000Z',
      '33.14 bimtek-1 -3 2026-04-03T02:30:00.000Z',
      '33.14 bimtek-1 -17 2026-04-17T02:30:00.000Z',
    ]);
  });

  it('overdue: H+1, then weekly for four weeks, then every two weeks (issue 16)', () => {
    const due = deadline({ dueOn: '2026-03-31' });
    const plan = planReminders({ deadlines: [due], chats: [chat()], now: new Date('2026-03-31T12:00:00Z'), horizonDays: 90 });
    const ahead = plan.filter((p) => !p.catchUp);
    expect(ahead.map((p) => p.offset)).toEqual([-1, -8, -15, -22, -29, -43, -57, -71, -85]);
    expect(ahead[5]!.sendAt.toISOString()).toBe('2026-05-13T01:00:00.000Z');
  });

  it('a paused stage gets no reminder until the pause ends, and what fell inside it is not caught up on', () => {
    const pauses = [{ chatRef: 1, stageId: 'bimtek-1', until: new Date('2026-04-01T03:00:00Z') }];
    const input = { deadlines: [deadline()], chats: [chat(), chat({ id: 2, chatId: '-1002' })], pauses, horizonDays: 15 };
    const paused = planReminders({ ...input, now: new Date('2026-03-25T00:00:00Z') });
    expect(slots(paused.filter((p) => p.chat.id === 1))).toEqual(['33.14 bimtek-1 -8 2026-04-08T01:00:00.000Z']);
    expect(paused.filter((p) => p.chat.id === 2).map((p) => p.offset)).toEqual([7, 3, 1, 0, -1, -8]);
    // After the pause: the H-0 and H+1 of the pause are not sent late; the next slot is.
    const after = planReminders({ ...input, now: new Date('2026-04-02T00:00:00Z'), horizonDays: 7 });
    expect(slots(after.filter((p) => p.chat.id === 1))).toEqual(['33.14 bimtek-1 -8 2026-04-08T01:00:00.000Z']);
  });
});
