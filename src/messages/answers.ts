import type { CompletionSource } from '../programme/completions.ts';
import { completedHow, formatDate, relativeDay, zoneAbbr } from './core.ts';

/** A deadline or time read in another zone. */
export interface ClockIn {
  readonly date: string;
  readonly time: string;
  readonly zone: string;
}

/** '21.59 WIB', or 'Sabtu, 13 Juni 2026 pukul 01.59 WIT' when the day differs. */
function clockIn(c: ClockIn, sameDayAs?: string): string {
  return sameDayAs === undefined || c.date === sameDayAs ? `${c.time} ${c.zone}` : `${formatDate(c.date)} pukul ${c.time} ${c.zone}`;
}

export const SECRETARIAT = 'Sekretariat Gerakan Menuju 100 Smart City';

export const answerMessages = {
  /** Above the source list of a plain-text answer (console, `pandu ask`). */
  sources: 'Sumber:',
  page: (page: number) => `hlm. ${page}`,
  greeting:
    'Halo! Saya Pandu, asisten program Gerakan Menuju 100 Smart City. Silakan tanyakan aturan program, isi checklist tiap tahap, atau tenggat wilayah Anda, misalnya "Kapan tenggat Bimtek IV?".',
  thanks: 'Sama-sama! Jika ada pertanyaan lain tentang program, silakan tanyakan.',
  outOfScope:
    'Maaf, pertanyaan itu di luar cakupan Pandu. Saya hanya menjawab seputar program Gerakan Menuju 100 Smart City: aturan, tahapan, checklist dan tenggat.',
  refused: (hint?: string) =>
    `Maaf, saya belum menemukan jawabannya di dokumen program${hint ? ` tentang ${hint}` : ''}. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id) atau mentor pendamping daerah Anda.`,
  understood: (what: string) => `${what}:`,
  /** Quoted text from a document beside the calendar's dates: marked as a quotation with its source. */
  relatedQuote: (title: string, text: string) =>
    `Kutipan dari dokumen «${title}»:\n“${text.trim()}”`,
  /** The section a calendar citation points to: the schedule, or one stage of it. */
  calendarSection: (stageName?: string) => (stageName ? `Jadwal dan tenggat tahapan > ${stageName}` : 'Jadwal dan tenggat tahapan'),
  /** Zone label for a cohort-wide date: each region reads it in its own zone. */
  localTime: 'waktu setempat',
  /** Only Telegram replies carry Telegram instructions (/daftar); elsewhere the region is named in the question. */
  noRegion: (platform: string) =>
    platform === 'telegram'
      ? 'Untuk tenggat khusus wilayah, ikat grup ini ke wilayah Anda dengan /daftar KODE (kode dari sekretariat), atau sebutkan nama wilayah dalam pertanyaan.'
      : 'Untuk tenggat khusus wilayah, sebutkan nama wilayahnya dalam pertanyaan, misalnya "kapan tenggat Bimtek II untuk Kabupaten Sragen?".',
  noCohort: (regionName: string) =>
    `${regionName} belum tercantum dalam kalender angkatan mana pun, sehingga belum ada tenggat tahapan untuk wilayah ini. Hubungi ${SECRETARIAT} bila wilayah Anda seharusnya sudah terdaftar.`,
  deadlineLine: (d: {
    stageName: string;
    dueOn: string;
    timezone: string;
    daysLeft: number;
    completed: boolean;
    completedVia?: CompletionSource | null;
    overridden: boolean;
    reason: string | null;
    /** The same deadline read in other zones ('21.59 WIB'); date only when it differs. */
    alsoIn?: readonly ClockIn[];
  }) =>
    `• ${d.stageName}: ${formatDate(d.dueOn)} pukul 23.59 ${zoneAbbr(d.timezone)}` +
    (d.alsoIn ?? []).map((c) => ` = ${clockIn(c, d.dueOn)}`).join('') +
    (d.completed ? ` — sudah selesai (${completedHow(d.completedVia)})` : ` (${relativeDay(d.daysLeft)})`) +
    (d.overridden ? ` — tenggat khusus wilayah${d.reason ? `: ${d.reason}` : ''}` : ''),
  deadlineHeader: (regionName: string, cohort: number) => `Tenggat ${regionName} (angkatan ${cohort}):`,
  deadlineUpcomingHeader: (regionName: string, cohort: number) => `Tenggat berikutnya untuk ${regionName} (angkatan ${cohort}):`,
  deadlineAllDone: (regionName: string) => `Semua tahapan ${regionName} dalam kalender sudah selesai. Terima kasih!`,
  deadlineCohortHeader: (stageName: string) => `Tenggat ${stageName} menurut kalender angkatan:`,
  deadlineCohortLine: (cohort: number, dueOn: string) => `• Angkatan ${cohort}: ${formatDate(dueOn)} (pukul 23.59 waktu setempat)`,
  deadlineCohortNote: 'Tenggat berlaku sampai akhir hari menurut zona waktu daerah masing-masing (WIB/WITA/WIT); beberapa wilayah punya tenggat khusus.',
  /** Activity dates of a stage under its deadline line: Bimtek days, MoU signing, presentations. */
  activityLine: (a: { title: string; from: string; to: string }) =>
    `   ◦ ${a.title}: ${a.from === a.to ? formatDate(a.from) : `${formatDate(a.from)} s.d. ${formatDate(a.to)}`}`,
  startLine: (startsOn: string) => `   ◦ Mulai: ${formatDate(startsOn)}`,
  /** 'H-7 bimtek 4 jatuh tgl brp' → the reminder day, due date minus n days. */
  reminderLine: (n: number, on: string, timezone: string, completed: boolean) =>
    `   ◦ Pengingat H-${n}: ${formatDate(on)} pukul 08.00 ${zoneAbbr(timezone)}${completed ? ' (tidak dikirim karena tahap sudah selesai)' : ''}`,
  /** '23.59 WIT = 21.59 WIB' for a time the asker wrote with its zone. */
  clockLine: (time: string, zone: string, others: readonly ClockIn[], date?: string) =>
    `Pukul ${time} ${zone} = ${others.map((c) => clockIn(c, date)).join(' = ')}.`,
  stageStatusHeader: (regionName: string, cohort: number) => `Status tahapan ${regionName} (angkatan ${cohort}):`,
  stageStatusDone: (done: ReadonlyArray<{ stageName: string; completedVia?: CompletionSource | null }>) =>
    done.length > 0
      ? `Sudah selesai: ${done.map((d) => `${d.stageName} (${completedHow(d.completedVia)})`).join(', ')}.`
      : 'Belum ada tahap yang tercatat selesai.',
  stageStatusOpen: 'Belum selesai:',
  /** Another region's progress asked from an officer's chat: it stays with that region. */
  progressElsewhere: (regionName: string) =>
    `Progres checklist dan status tahapan ${regionName} hanya ditampilkan di grup yang terikat ke wilayah itu. Tenggat dan aturan program tetap bisa Anda tanyakan untuk wilayah mana pun.`,
  stageStatusNote: 'Status menurut kalender angkatan dan checklist di Pandu; status resmi mengikuti catatan Sekretariat.',
  checklistHeader: (stageName: string, done: number, total: number, regionName?: string, optional = 0) =>
    `Checklist ${stageName}${regionName ? ` — ${regionName}: ${done}/${total} selesai` : ` (${total} butir)`}` +
    (optional > 0 ? `. Semua butir wajib kecuali yang bertanda (anjuran):` : '. Semua butir wajib:'),
  checklistItem: (i: { id: string; title: string; output: string; required?: boolean; done?: boolean; showDone: boolean }) =>
    `${i.showDone ? (i.done ? '✅' : '⬜') : '•'} ${i.id} ${i.title}${i.required === false ? ' (anjuran)' : ''} — keluaran: ${i.output}`,
  checklistBestMatch: 'Butir yang paling sesuai:',
  checklistItemAbove: (id: string) => `• ${id} (lihat di atas)`,
  /** One checklist item in full, for 'BT3-04 isinya apa' or 'MOU-08 wajib ga?'. */
  checklistItemDetail: (i: {
    id: string;
    title: string;
    stageName: string;
    required: boolean;
    description: string;
    output: string;
    done: boolean;
    regionName?: string;
  }) =>
    [
      `${i.id} — ${i.title} (checklist ${i.stageName})`,
      `Sifat: ${i.required ? 'wajib' : 'anjuran (tidak wajib untuk status tahap)'}`,
      `Deskripsi: ${i.description}`,
      `Keluaran: ${i.output}`,
      ...(i.regionName ? [`Status ${i.regionName}: ${i.done ? '✅ sudah ditandai selesai' : '⬜ belum ditandai selesai'}`] : []),
    ].join('\n'),
  /** Telegram only: elsewhere there is no /checklist to point to. */
  checklistHowTo: (platform: string) => (platform === 'telegram' ? 'Tandai butir yang sudah selesai lewat /checklist di grup wilayah Anda.' : null),
  /** One part of a message that asked two things: the part, then its answer. */
  partAnswer: (part: string, answer: string) => `❓ ${part.split('?')[0]!.trim()}?\n${answer}`,
  /** A news report dated only by its dateline: the date (and place) it was reported. */
  datelineNote: (date: string, place: string | null) => `(Diberitakan${place ? ` dari ${place}` : ''} pada ${date}.)`,
  /** Under an enumeration cut at the list limit; the rest is offered as 'selengkapnya'. */
  andMore: (n: number) => `…dan ${n} lainnya.`,
  generatedNote: '',
};

const SLOT_LABEL: Record<string, string> = {
  url: 'alamat web',
  phone: 'nomor telepon atau WhatsApp',
  email: 'alamat surel',
  money: 'nominal uang',
  percent: 'angka persentase',
  name: 'nama orang',
  person: 'nama orang atau pejabat',
  date: 'tanggal atau waktu',
  place: 'tempat',
  number: 'angka',
};

/** Honest refusals that say what is missing, so the officer knows where else to ask. */
export const refusalMessages = {
  missingValue: (kind: string) =>
    `Maaf, dokumen program yang dimuat Pandu tidak memuat ${SLOT_LABEL[kind] ?? 'keterangan'} yang Anda tanyakan. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id) atau mentor pendamping daerah Anda.`,
  regionNotCovered: (regionName: string) =>
    `Maaf, ${regionName} tidak tercatat dalam kalender angkatan maupun dokumen yang dimuat Pandu, jadi saya tidak dapat menjawab tentang wilayah itu. ` +
    `Silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  /** The documents speak of the region, but none of what they say about it answers. */
  regionNotAnswered: (regionName: string) =>
    `Maaf, dokumen yang dimuat Pandu tentang ${regionName} tidak memuat keterangan yang Anda tanyakan. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id) atau mentor pendamping daerah Anda.`,
  cohortNotCovered: (asked: readonly number[], known: readonly number[]) =>
    `Maaf, Pandu hanya memuat kalender dan data angkatan ${known.join(' dan ')}; tentang angkatan ${asked.join(' dan ')} belum ada keterangan di dokumen program. ` +
    `Silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  notHeldHint: `Untuk keterangan yang lebih rinci, silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  /** The quote does not name what the question names (a person, a place, a figure). */
  namesNotCovered: (names: readonly string[]) =>
    `Maaf, dokumen yang dimuat Pandu tidak memuat keterangan tentang ${names.join(', ')} untuk pertanyaan ini. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  /** The quote gives the value asked, but only for other years than the one the question names. */
  valueForOtherYears: (kind: string, years: readonly string[]) =>
    `Maaf, dokumen yang dimuat Pandu hanya memuat ${SLOT_LABEL[kind] ?? 'keterangan'} itu untuk tahun lain, bukan untuk tahun ${years.join(' dan ')}. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  yearNotCovered: (years: readonly string[]) =>
    `Maaf, dokumen program yang dimuat Pandu tidak membahas tahun ${years.join(' dan ')} untuk pertanyaan ini. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
};
