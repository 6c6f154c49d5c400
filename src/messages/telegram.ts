/**
 * Telegram texts (HTML parse mode). Every value that comes from data (region, stage,
 * item and user names) is escaped here; callers pass raw data.
 */
import { completedHow, formatDate, formatInstant, relativeDay, zoneAbbr } from './core.ts';
import { escapeHtml as esc } from './reminders.ts';
import { SECRETARIAT } from './answers.ts';

export interface TelegramCommandText {
  readonly command: string;
  readonly description: string;
}

const COMMANDS: readonly TelegramCommandText[] = [
  { command: 'tanya', description: 'Ajukan pertanyaan tentang program' },
  { command: 'tenggat', description: 'Tenggat tahapan wilayah ini' },
  { command: 'checklist', description: 'Checklist tahap berjalan (bisa dicentang)' },
  { command: 'status', description: 'Tahap dan kemajuan checklist wilayah' },
  { command: 'daftar', description: 'Hubungkan obrolan ini ke wilayah: /daftar KODE' },
  { command: 'pengingat', description: 'Pengingat tenggat: /pengingat on atau off' },
  { command: 'tunda', description: 'Tunda pengingat tahap berjalan: /tunda 7 (1–30 hari)' },
  { command: 'lepas', description: 'Lepaskan obrolan ini dari wilayahnya' },
  { command: 'baru', description: 'Mulai percakapan baru (lupakan pertanyaan sebelumnya)' },
  { command: 'bantuan', description: 'Cara memakai Pandu' },
  { command: 'start', description: 'Perkenalan Pandu' },
];

export interface DeadlineLineData {
  readonly stageName: string;
  readonly dueOn: string;
  readonly timezone: string;
  readonly daysLeft: number;
  readonly completed: boolean;
  readonly completedVia?: 'kalender' | 'checklist' | 'sekretariat' | null;
  readonly overridden: boolean;
  readonly reason: string | null;
}

export interface ChecklistItemLine {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
  readonly updatedBy: string | null;
}

export interface StageStatusLine {
  readonly stageName: string;
  readonly completed: boolean;
  readonly current: boolean;
  readonly done: number;
  readonly total: number;
  /** How a done stage counts as done, and who confirmed it with what note (secretariat). */
  readonly via?: 'kalender' | 'checklist' | 'sekretariat' | null;
  readonly by?: string | null;
  readonly note?: string | null;
}

const where = (isGroup: boolean) => (isGroup ? 'Grup ini' : 'Obrolan ini');

const helpBody = (botUsername: string, isGroup: boolean) =>
  [
    isGroup
      ? `Di grup, sebut <b>@${esc(botUsername)}</b> di pesan Anda, balas pesan saya, atau pakai /tanya PERTANYAAN.`
      : 'Ketik saja pertanyaan Anda dalam Bahasa Indonesia, misalnya: <i>Apa saja keluaran Bimtek I?</i>',
    '',
    '/tanya PERTANYAAN — tanya aturan, tahapan, checklist atau tenggat',
    '/tenggat — tenggat tahapan wilayah Anda',
    '/checklist — checklist tahap berjalan; ketuk tombol untuk mencentang',
    '/status — tahap saat ini dan kemajuan tiap tahap',
    '/daftar KODE — hubungkan obrolan ini ke wilayah (kode undangan dari sekretariat)',
    '/pengingat on|off — nyalakan atau matikan pengingat tenggat',
    '/tunda HARI — tunda pengingat tahap berjalan 1–30 hari (/tunda batal untuk melanjutkan)',
    '/lepas — lepaskan obrolan ini dari wilayahnya',
    '/baru — mulai percakapan baru; pertanyaan berikutnya tidak dikaitkan dengan yang sebelumnya',
    '/bantuan — bantuan ini',
  ].join('\n');

export const telegramMessages = {
  commands: COMMANDS,

  start: (input: { botUsername: string; isGroup: boolean; regionName: string | null }) =>
    [
      'Halo! Saya <b>Pandu</b>, asisten program Gerakan Menuju 100 Smart City. Saya menjawab pertanyaan seputar aturan program, isi checklist tiap tahap dan tenggat wilayah Anda, lengkap dengan sumbernya.',
      input.regionName
        ? `${where(input.isGroup)} terhubung dengan <b>${esc(input.regionName)}</b>.`
        : `${where(input.isGroup)} belum terhubung dengan wilayah. ${input.isGroup ? 'Admin grup' : 'Anda'} dapat menghubungkannya dengan /daftar KODE (kode undangan dari ${SECRETARIAT}).`,
      helpBody(input.botUsername, input.isGroup),
    ].join('\n\n'),

  help: (input: { botUsername: string; isGroup: boolean }) => `<b>Cara memakai Pandu</b>\n\n${helpBody(input.botUsername, input.isGroup)}`,

  welcomeGroup: (botUsername: string) =>
    `Terima kasih telah menambahkan Pandu. Admin grup dapat menghubungkan grup ini ke wilayah dengan /daftar KODE ` +
    `(kode undangan dari ${SECRETARIAT}). Setelah itu grup menerima pengingat tenggat, dan anggota dapat bertanya ` +
    `dengan menyebut @${esc(botUsername)} atau memakai /tanya.`,

  apology: 'Maaf, terjadi kesalahan saat memproses pesan Anda. Silakan coba lagi beberapa saat lagi.',

  ask: {
    usage: 'Tulis pertanyaan setelah /tanya, misalnya: <i>/tanya Apa saja keluaran Bimtek I?</i>',
    tooLong: (max: number) => `Pertanyaan terlalu panjang (maksimal ${max} karakter). Mohon persingkat pertanyaan Anda.`,
    rateLimited: (seconds: number) =>
      `Anda mengirim banyak pertanyaan dalam waktu singkat. Mohon tunggu sekitar ${seconds} detik, lalu tanyakan lagi.`,
    sources: 'Sumber:',
    page: (page: number) => `hlm. ${page}`,
    feedbackUp: '👍',
    feedbackDown: '👎',
    feedbackUnknown: 'Masukan untuk jawaban ini tidak dapat disimpan lagi.',
    understood: (what: string) => `Yang saya pahami: ${esc(what)}`,
    more: 'Selengkapnya ▾',
    moreExpired: 'Bagian selanjutnya dari jawaban ini sudah tidak tersimpan. Silakan ajukan pertanyaannya lagi.',
    moreSent: 'Selengkapnya sudah ditampilkan.',
  },

  feedback: {
    thanksUp: 'Terima kasih! Senang jawaban ini membantu.',
    askReason: 'Apa yang kurang tepat? Pilih salah satu.',
    reasons: { salah: 'Salah', kurang_lengkap: 'Kurang lengkap', tidak_relevan: 'Tidak relevan' },
    recordedUp: '👍 Dicatat: membantu',
    recordedDown: (reason: string) => `👎 Dicatat: ${reason.toLowerCase()}`,
    already: 'Masukan untuk jawaban ini sudah dicatat. Terima kasih!',
    commentPrompt: (reason: string) =>
      `Terima kasih, masukan <b>${esc(reason.toLowerCase())}</b> sudah dicatat dan akan ditinjau ${SECRETARIAT}. ` +
      'Bila berkenan, balas pesan ini dengan satu baris komentar: apa yang seharusnya dijawab?',
    commentRecorded: (reason: string, comment: string) =>
      `Terima kasih, masukan Anda sudah dicatat untuk ditinjau ${SECRETARIAT}.\n` +
      `👎 Alasan: <b>${esc(reason.toLowerCase())}</b>\nKomentar: <i>${esc(comment)}</i>`,
  },

  /** Messages Pandu cannot read (files, photos, voice, stickers, locations, contacts). */
  unsupported: (kind: 'document' | 'media' | 'voice' | 'other') =>
    (kind === 'document'
      ? 'Saya belum dapat membaca berkas yang dikirim lewat obrolan. Dokumen resmi masuk ke basis pengetahuan Pandu melalui ' +
        `${SECRETARIAT}; kirimkan dokumen Anda ke sana. `
      : kind === 'voice'
        ? 'Saya belum dapat mendengarkan pesan suara. '
        : kind === 'media'
          ? 'Saya belum dapat melihat isi foto atau video. '
          : 'Saya hanya dapat membaca pesan teks. ') +
    'Silakan tulis pertanyaan Anda sebagai teks, misalnya: <i>Apa saja keluaran Bimtek I?</i>',

  conversation: {
    cleared: (isGroup: boolean) =>
      isGroup
        ? 'Baik, kita mulai dari awal. Balasan ke jawaban saya sebelumnya tidak lagi dikaitkan dengan pertanyaan lama.'
        : 'Baik, kita mulai dari awal. Pertanyaan berikutnya tidak lagi dikaitkan dengan pertanyaan sebelumnya.',
  },

  notBound: (isGroup: boolean) =>
    `${where(isGroup)} belum terhubung dengan wilayah mana pun. ${isGroup ? 'Admin grup' : 'Anda'} dapat menghubungkannya dengan ` +
    `/daftar KODE (kode undangan dari ${SECRETARIAT}).`,
  adminOnly: 'Maaf, hanya admin grup yang dapat melakukan ini.',

  bind: {
    usage: 'Gunakan: /daftar KODE — kode undangan satu kali dari sekretariat program, misalnya <i>/daftar ABCD-2345</i>.',
    bound: (regionName: string, isGroup: boolean) =>
      `✅ ${where(isGroup)} sekarang terhubung dengan <b>${esc(regionName)}</b>. Pengingat tenggat aktif ` +
      `(matikan dengan /pengingat off). Coba /tenggat, /checklist atau /status.`,
    unknown: 'Kode undangan tidak dikenal. Periksa kembali penulisannya, atau mintalah kode baru ke sekretariat program.',
    expired: 'Kode undangan ini sudah kedaluwarsa. Mintalah kode baru ke sekretariat program.',
    used: 'Kode undangan ini sudah pernah dipakai; setiap kode hanya berlaku satu kali. Mintalah kode baru ke sekretariat program bila perlu.',
  },

  unbind: {
    done: (regionName: string, isGroup: boolean) =>
      `${where(isGroup)} sudah dilepas dari <b>${esc(regionName)}</b> dan tidak lagi menerima pengingat tenggat. ` +
      `Hubungkan lagi kapan saja dengan /daftar KODE.`,
  },

  reminders: {
    usage: (enabled: boolean, pauses: ReadonlyArray<{ stageName: string; until: Date; timezone: string }> = []) =>
      `Pengingat tenggat saat ini <b>${enabled ? 'menyala' : 'mati'}</b>. Gunakan /pengingat on atau /pengingat off.` +
      pauses.map((p) => `\n⏸ Pengingat ${esc(p.stageName)} ditunda sampai ${formatInstant(p.until, p.timezone)} (batalkan dengan /tunda batal).`).join(''),
    on: (isGroup: boolean) =>
      `Pengingat tenggat dinyalakan. ${where(isGroup)} akan menerima pengingat H-14, H-7, H-3, H-1 dan H-0 pukul 08.00 waktu setempat; ` +
      'setelah tenggat terlewat: H+1, lalu seminggu sekali selama empat minggu, lalu dua minggu sekali.',
    off: 'Pengingat tenggat dimatikan. Nyalakan lagi kapan saja dengan /pengingat on.',
  },

  pause: {
    usage: 'Gunakan: /tunda HARI — tunda pengingat tahap berjalan 1 sampai 30 hari, misalnya <i>/tunda 7</i>; /tunda batal untuk melanjutkan.',
    paused: (stageName: string, days: number, until: Date, timezone: string, isGroup: boolean) =>
      `⏸ Pengingat <b>${esc(stageName)}</b> untuk ${isGroup ? 'grup' : 'obrolan'} ini ditunda ${days} hari, sampai ${formatInstant(until, timezone)}. ` +
      'Pengingat yang jatuh dalam masa tunda tidak dikirim. Lanjutkan lebih awal dengan /tunda batal.',
    resumed: (n: number) => (n > 0 ? 'Penundaan dibatalkan; pengingat tenggat berjalan lagi.' : 'Tidak ada pengingat yang sedang ditunda.'),
    noStage: 'Semua tahapan wilayah ini sudah selesai; tidak ada pengingat yang perlu ditunda.',
  },

  deadlines: {
    header: (regionName: string, cohort: number) => `<b>Tenggat ${esc(regionName)}</b> (angkatan ${cohort}):`,
    line: (d: DeadlineLineData) =>
      `${d.completed ? '✅' : '•'} <b>${esc(d.stageName)}</b>: ${formatDate(d.dueOn)} pukul 23.59 ${zoneAbbr(d.timezone)}` +
      (d.completed ? ` — sudah selesai (${completedHow(d.completedVia)})` : ` (${relativeDay(d.daysLeft)})`) +
      (d.overridden ? ` — tenggat khusus wilayah${d.reason ? `: ${esc(d.reason)}` : ''}` : ''),
    allDone: (regionName: string) => `Semua tahapan ${esc(regionName)} dalam kalender sudah selesai. Terima kasih!`,
    noCohort: (regionName: string) =>
      `${esc(regionName)} belum tercantum dalam kalender angkatan mana pun, sehingga belum ada tenggat tahapan untuk wilayah ini. ` +
      `Hubungi ${SECRETARIAT} bila wilayah Anda seharusnya sudah terdaftar.`,
  },

  checklist: {
    header: (input: { stageName: string; regionName: string; done: number; total: number }) =>
      `<b>Checklist ${esc(input.stageName)}</b>\n${esc(input.regionName)}: <b>${input.done}/${input.total}</b> butir selesai`,
    item: (i: ChecklistItemLine) =>
      `${i.done ? '✅' : '⬜'} <b>${esc(i.id)}</b> ${esc(i.title)}${i.done && i.updatedBy ? ` — <i>oleh ${esc(i.updatedBy)}</i>` : ''}`,
    howTo: 'Ketuk tombol di bawah untuk mencentang atau membatalkan centang.',
    button: (i: { id: string; title: string; done: boolean }) => {
      const title = i.title.length > 28 ? `${i.title.slice(0, 27)}…` : i.title;
      return `${i.done ? '✅' : '⬜'} ${i.id} ${title}`;
    },
    empty: (stageName: string) => `Checklist untuk ${esc(stageName)} belum tersedia di Pandu.`,
    noStage: (regionName: string) => `Semua tahapan ${esc(regionName)} sudah selesai; tidak ada checklist yang berjalan.`,
    ticked: (id: string) => `${id} dicentang ✅`,
    unticked: (id: string) => `Centang ${id} dibatalkan`,
    unchanged: (id: string, done: boolean) => `${id} memang sudah ${done ? 'dicentang' : 'belum dicentang'}.`,
    stageCompleted: (stageName: string) => `Semua butir wajib ${stageName} selesai. Selamat! 🎉`,
    unknownItem: 'Butir checklist ini tidak dikenal lagi. Buka /checklist untuk daftar terbaru.',
    notBound: 'Obrolan ini belum terhubung dengan wilayah; checklist tidak dapat dicentang.',
  },

  status: {
    header: (regionName: string, cohort: number) => `<b>Status ${esc(regionName)}</b> (angkatan ${cohort})`,
    current: (d: { stageName: string; dueOn: string; timezone: string; daysLeft: number }) =>
      `Tahap saat ini: <b>${esc(d.stageName)}</b>, tenggat ${formatDate(d.dueOn)} ${zoneAbbr(d.timezone)} (${relativeDay(d.daysLeft)})`,
    allDone: 'Semua tahapan dalam kalender sudah selesai.',
    line: (s: StageStatusLine) => {
      const mark = s.completed ? '✅' : s.current ? '▶️' : '⬜';
      const progress = s.total === 0 ? 'belum ada checklist' : `${s.done}/${s.total} butir`;
      if (!s.completed) return `${mark} ${esc(s.stageName)}: ${progress}`;
      // Done without a complete checklist: say who decided it, and that the ticks were not used.
      const who = s.via === 'sekretariat' && s.by ? ` (${esc(s.by)}${s.note ? `: ${esc(s.note)}` : ''})` : '';
      const ticks = s.via !== 'checklist' && s.total > 0 && s.done < s.total ? `; checklist di Pandu ${s.done}/${s.total} butir` : '';
      return `${mark} ${esc(s.stageName)}: selesai — ${completedHow(s.via)}${who}${ticks}`;
    },
    hint: 'Centang butir yang sudah selesai lewat /checklist.',
  },
} as const;
