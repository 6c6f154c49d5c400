import { formatDate, relativeDay, zoneAbbr } from './core.ts';

export const SECRETARIAT = 'Sekretariat Gerakan Menuju 100 Smart City';

export const answerMessages = {
  greeting:
    'Halo! Saya Pandu, asisten program Gerakan Menuju 100 Smart City. Silakan tanyakan aturan program, isi checklist tiap tahap, atau tenggat wilayah Anda, misalnya "Kapan tenggat Bimtek IV?".',
  thanks: 'Sama-sama! Jika ada pertanyaan lain tentang program, silakan tanyakan.',
  outOfScope:
    'Maaf, pertanyaan itu di luar cakupan Pandu. Saya hanya menjawab seputar program Gerakan Menuju 100 Smart City: aturan, tahapan, checklist dan tenggat.',
  refused: (hint?: string) =>
    `Maaf, saya belum menemukan jawabannya di dokumen program${hint ? ` tentang ${hint}` : ''}. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id) atau mentor pendamping daerah Anda.`,
  understood: (what: string) => `${what}:`,
  noRegion:
    'Untuk tenggat khusus wilayah, ikat grup ini ke wilayah Anda dengan /daftar KODE (kode dari sekretariat), atau sebutkan nama wilayah dalam pertanyaan.',
  noCohort: (regionName: string) =>
    `${regionName} belum tercantum dalam kalender angkatan mana pun, sehingga belum ada tenggat tahapan untuk wilayah ini. Hubungi ${SECRETARIAT} bila wilayah Anda seharusnya sudah terdaftar.`,
  deadlineLine: (d: { stageName: string; dueOn: string; timezone: string; daysLeft: number; completed: boolean; overridden: boolean; reason: string | null }) =>
    `• ${d.stageName}: ${formatDate(d.dueOn)} pukul 23.59 ${zoneAbbr(d.timezone)}` +
    (d.completed ? ' — sudah selesai' : ` (${relativeDay(d.daysLeft)})`) +
    (d.overridden ? ` — tenggat khusus wilayah${d.reason ? `: ${d.reason}` : ''}` : ''),
  deadlineHeader: (regionName: string, cohort: number) => `Tenggat ${regionName} (angkatan ${cohort}):`,
  deadlineUpcomingHeader: (regionName: string, cohort: number) => `Tenggat berikutnya untuk ${regionName} (angkatan ${cohort}):`,
  deadlineAllDone: (regionName: string) => `Semua tahapan ${regionName} dalam kalender sudah selesai. Terima kasih!`,
  deadlineCohortHeader: (stageName: string) => `Tenggat ${stageName} menurut kalender angkatan:`,
  deadlineCohortLine: (cohort: number, dueOn: string) => `• Angkatan ${cohort}: ${formatDate(dueOn)} (pukul 23.59 waktu setempat)`,
  deadlineCohortNote: 'Tenggat berlaku sampai akhir hari menurut zona waktu daerah masing-masing (WIB/WITA/WIT); beberapa wilayah punya tenggat khusus.',
  checklistHeader: (stageName: string, done: number, total: number, regionName?: string) =>
    `Checklist ${stageName}${regionName ? ` — ${regionName}: ${done}/${total} selesai` : ` (${total} butir)`}:`,
  checklistItem: (i: { id: string; title: string; output: string; done?: boolean; showDone: boolean }) =>
    `${i.showDone ? (i.done ? '✅' : '⬜') : '•'} ${i.id} ${i.title} — keluaran: ${i.output}`,
  checklistHowTo: 'Tandai butir yang sudah selesai lewat /checklist di grup wilayah Anda.',
  generatedNote: '',
};

const SLOT_LABEL: Record<string, string> = {
  url: 'alamat web',
  phone: 'nomor telepon atau WhatsApp',
  email: 'alamat surel',
  money: 'nominal uang',
  percent: 'angka persentase',
  name: 'nama orang',
};

/** Honest refusals that say what is missing, so the officer knows where else to ask. */
export const refusalMessages = {
  missingValue: (kind: string) =>
    `Maaf, dokumen program yang dimuat Pandu tidak memuat ${SLOT_LABEL[kind] ?? 'keterangan'} yang Anda tanyakan. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id) atau mentor pendamping daerah Anda.`,
  regionNotCovered: (regionName: string) =>
    `Maaf, ${regionName} tidak tercatat dalam kalender angkatan maupun dokumen yang dimuat Pandu, jadi saya tidak dapat menjawab tentang wilayah itu. ` +
    `Silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  cohortNotCovered: (asked: readonly number[], known: readonly number[]) =>
    `Maaf, Pandu hanya memuat kalender dan data angkatan ${known.join(' dan ')}; tentang angkatan ${asked.join(' dan ')} belum ada keterangan di dokumen program. ` +
    `Silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  notHeldHint: `Untuk keterangan yang lebih rinci, silakan tanyakan ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
  yearNotCovered: (years: readonly string[]) =>
    `Maaf, dokumen program yang dimuat Pandu tidak membahas tahun ${years.join(' dan ')} untuk pertanyaan ini. ` +
    `Agar tidak keliru, silakan tanyakan langsung ke ${SECRETARIAT} (sekretariat@g100sc.example.id).`,
};
