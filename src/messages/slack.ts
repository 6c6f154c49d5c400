/** Slack app (mentions, DMs, /pandu) and the staff digest, in Bahasa Indonesia. */
import { formatDate, relativeDay, zoneAbbr } from './core.ts';

const plural = (n: number, word: string) => `${n} ${word}`;

export const slackMessages = {
  thinking: '⏳ Sebentar, Pandu sedang mencari jawabannya…',
  emptyMention:
    'Halo! Tulis pertanyaan Anda setelah menyebut saya, misalnya: "@Pandu kapan tenggat Bimtek II?". Ketik `/pandu bantuan` untuk daftar perintah.',
  sources: 'Sumber:',
  understood: (what: string) => `Yang saya pahami: ${what}`,
  feedbackUp: '👍 Membantu',
  feedbackDown: '👎 Kurang tepat',
  feedbackThanks: (vote: 1 | -1) =>
    vote === 1
      ? 'Terima kasih, penilaian 👍 Anda sudah dicatat.'
      : 'Terima kasih, penilaian 👎 Anda sudah dicatat; sekretariat akan meninjau jawaban ini.',
  failed: 'Maaf, terjadi kesalahan di sisi Pandu. Silakan coba lagi beberapa saat lagi.',
  help: [
    '*Perintah Pandu di Slack*',
    '• `/pandu tanya <pertanyaan>` — tanya aturan, tahapan, checklist atau tenggat program (jawaban hanya terlihat oleh Anda)',
    '• `/pandu tenggat [wilayah|provinsi]` — tenggat berikutnya semua wilayah angkatan, satu wilayah, atau satu provinsi',
    '• `/pandu status <wilayah>` — tahap, tenggat, checklist dan grup Telegram sebuah wilayah',
    '• `/pandu undang <kode wilayah>` — kode undangan sekali pakai untuk grup Telegram wilayah (khusus staf)',
    '• `/pandu digest` — kirim ringkasan sekarang ke kanal ringkasan (khusus staf)',
    '• `/pandu dokumen` — dokumen terbaru di basis pengetahuan; `/pandu hapus <judul>` — hapus satu dokumen setelah konfirmasi (khusus staf)',
    'Staf dapat menambah dokumen dengan mengirim berkasnya (PDF, Word, Markdown, teks, HTML) kepada Pandu lewat pesan langsung, atau menyebut @Pandu sambil melampirkannya.',
    'Anda juga dapat menyebut @Pandu di kanal atau mengirim pesan langsung; jawabannya muncul di utas, dan balasan di utas itu dijawab tanpa perlu menyebut @Pandu lagi.',
    'Keadaan program dijawab dari data, misalnya: "daerah mana saja yang terlambat Bimtek IV?", "berapa wilayah yang sudah menyelesaikan Bimtek II?", "status Kota Sorong", "wilayah mana yang belum punya grup?", "pengingat yang gagal minggu ini".',
  ].join('\n'),
  usageTanya: 'Tulis pertanyaannya, misalnya: `/pandu tanya Apa saja keluaran Bimtek I?`',
  usageStatus: 'Sebutkan wilayahnya, misalnya: `/pandu status 33.14` atau `/pandu status Kabupaten Sragen`',
  usageUndang: 'Sebutkan kode wilayahnya, misalnya: `/pandu undang 33.14`',
  staffOnly: (command: string) =>
    `Maaf, \`/pandu ${command}\` hanya dapat dipakai oleh staf sekretariat program. Hubungi admin Pandu bila Anda memerlukan akses.`,
  regionUnknown: (q: string) =>
    `Wilayah "${q}" tidak dikenal. Gunakan kode Kemendagri (mis. 33.14) atau nama lengkap (mis. Kabupaten Sragen).`,
  placeUnknown: (q: string) =>
    `"${q}" tidak cocok dengan wilayah maupun provinsi mana pun. Contoh: \`/pandu tenggat 33.14\` atau \`/pandu tenggat Jawa Tengah\`.`,
  invite: (i: { code: string; regionName: string; regionCode: string; expires: string }) =>
    `Kode undangan untuk *${i.regionName}* (${i.regionCode}): *${i.code}*\n` +
    `Berlaku sampai ${i.expires} dan hanya dapat dipakai sekali. Sampaikan kepada admin grup Telegram wilayah itu untuk diketik di grup: \`/daftar ${i.code}\``,
  digestNoChannel: 'Kanal ringkasan belum diatur (SLACK_DIGEST_CHANNEL). Mohon hubungi admin Pandu.',
  digestBuilding: '⏳ Menyusun ringkasan…',
  digestPosted: (channel: string) => `Ringkasan sudah dikirim ke <#${channel}>.`,

  deadlines: {
    allHeader: (n: number) => `*Tenggat berikutnya semua wilayah angkatan* (${plural(n, 'wilayah')}):`,
    provinceHeader: (province: string, n: number) => `*Tenggat berikutnya wilayah di ${province}* (${plural(n, 'wilayah')}):`,
    regionHeader: (name: string, cohort: number) => `*Tenggat ${name}* (angkatan ${cohort}):`,
    group: (g: { cohort: number; stageName: string; dueOn: string; daysLeft: number; regions: readonly string[]; count: number }) =>
      `• ${g.stageName} — ${formatDate(g.dueOn)} (${relativeDay(g.daysLeft)}), angkatan ${g.cohort}: ` +
      (g.regions.length > 0 ? `${g.regions.join(', ')}${g.count > g.regions.length ? ` dan ${g.count - g.regions.length} lainnya` : ''}` : plural(g.count, 'wilayah')),
    more: (n: number) => `…dan ${n} tenggat lainnya.`,
    none: 'Tidak ada tenggat yang belum selesai untuk wilayah angkatan.',
    noCohortRegions: 'Belum ada wilayah yang tercantum dalam kalender angkatan.',
    provinceNoCohort: (province: string) => `Belum ada wilayah di ${province} yang tercantum dalam kalender angkatan.`,
    allDone: (name: string) => `Semua tahapan ${name} dalam kalender sudah selesai.`,
  },

  status: {
    title: (r: { name: string; code: string; province: string; timezone: string }) =>
      `*${r.name}* (${r.code}) · ${r.province} · ${zoneAbbr(r.timezone)}`,
    noCohort: 'Belum tercantum dalam kalender angkatan mana pun, sehingga belum ada tenggat tahapan.',
    stage: (s: { cohort: number; stageName: string; dueOn: string; daysLeft: number }) =>
      `Angkatan ${s.cohort} · tahap saat ini: *${s.stageName}* — tenggat ${formatDate(s.dueOn)} (${relativeDay(s.daysLeft)})`,
    allDone: (cohort: number) => `Angkatan ${cohort} · semua tahapan dalam kalender sudah selesai.`,
    checklist: (stageName: string, done: number, total: number) =>
      total === 0 ? `Checklist ${stageName} belum tersedia di Pandu.` : `Checklist ${stageName}: ${done}/${total} butir selesai.`,
    groups: (active: number, reminders: number) =>
      `Grup Telegram: ${active} aktif${active > 0 ? `, ${reminders} dengan pengingat menyala` : ''}.`,
    noGroup: (code: string) => `Belum ada grup Telegram aktif. Buat kode undangan dengan \`/pandu undang ${code}\`.`,
    completedStages: (names: readonly string[]) => `Tahap selesai: ${names.join(', ')}.`,
  },
} as const;

/** Text of the digest: shared by Slack (Block Kit) and `pandu digest --dry-run` (plain text). */
export const digestMessages = {
  title: (period: string) => `Ringkasan mingguan Pandu — ${period}`,
  context: (date: string, time: string, zone: string, windowDays: number) =>
    `Keadaan per ${formatDate(date)} pukul ${time} ${zoneAbbr(zone)}; pertanyaan dan pengiriman pengingat ${windowDays} hari terakhir.`,
  summary: (s: { period: string; overdue: number; upcoming: number; unbound: number; problems: number }) =>
    `Ringkasan Pandu ${s.period}: ${s.overdue} tenggat terlewat, ${s.upcoming} tenggat dalam 14 hari, ` +
    `${s.unbound} wilayah tanpa grup, ${s.problems} gangguan pengiriman.`,
  more: (n: number) => `…dan ${n} lainnya (lengkapnya di lampiran CSV)`,
  attachment: (filename: string, rows: number) => `📎 Tabel lengkap (${rows} baris) terlampir di utas: ${filename}`,
  attachmentComment: (period: string) => `Tabel lengkap ringkasan ${period}`,

  overdueTitle: (n: number) => `⚠️ Tenggat terlewat, tahap belum selesai (${n})`,
  overdueLine: (o: { regionName: string; regionCode: string; stageName: string; dueOn: string; daysOverdue: number; cohort: number }) =>
    `• ${o.regionName} (${o.regionCode}) — ${o.stageName}, tenggat ${formatDate(o.dueOn, false)}, terlambat ${o.daysOverdue} hari (angkatan ${o.cohort})`,
  overdueNone: 'Tidak ada wilayah yang melewati tenggat. 🎉',

  upcomingTitle: (days: number, n: number) => `📅 Tenggat ${days} hari ke depan (${plural(n, 'tenggat wilayah')})`,
  upcomingLine: (u: { cohort: number; stageName: string; dueOn: string; daysLeft: number; names: readonly string[]; count: number }) =>
    `• Angkatan ${u.cohort} · ${u.stageName} — ${formatDate(u.dueOn)} (${relativeDay(u.daysLeft)}): ` +
    (u.names.length === u.count ? u.names.join(', ') : plural(u.count, 'wilayah')),
  upcomingNone: (days: number) => `Tidak ada tenggat dalam ${days} hari ke depan.`,

  progressTitle: '📊 Kemajuan per tahap',
  progressLine: (p: { cohort: number; stageName: string; dueOn: string; completed: number; regions: number; itemsDone: number; itemsTotal: number }) => {
    const base = `• Angkatan ${p.cohort} · ${p.stageName} (tenggat ${formatDate(p.dueOn, false)}) — ${p.completed}/${p.regions} wilayah selesai`;
    if (p.completed === p.regions) return base;
    if (p.itemsTotal === 0) return `${base} · checklist belum tersedia`;
    const share = p.itemsDone / p.itemsTotal;
    const filled = Math.round(share * 10);
    return `${base} · checklist wilayah yang belum selesai ${'▓'.repeat(filled)}${'░'.repeat(10 - filled)} ${Math.round(share * 100)}% (${p.itemsDone}/${p.itemsTotal} butir)`;
  },
  progressNone: 'Belum ada tahap yang berjalan.',

  unboundTitle: (n: number) => `🔕 Wilayah angkatan tanpa grup Telegram aktif (${n})`,
  unboundLine: (u: { name: string; code: string; province: string; cohort: number }) =>
    `• ${u.name} (${u.code}), ${u.province} — angkatan ${u.cohort}`,
  unboundNone: 'Semua wilayah angkatan sudah terhubung dengan grup Telegram aktif.',

  deliveryTitle: (n: number) => `📮 Gangguan pengiriman pengingat (${n})`,
  deliveryFailed: (p: { platform: string; chat: string; regionName: string; stageName: string; dueOn: string; reason: string }) =>
    `• Gagal terkirim: ${p.platform} ${p.chat} (${p.regionName}) — ${p.stageName}, tenggat ${formatDate(p.dueOn, false)}: ${p.reason}`,
  deliveryDeactivated: (p: { platform: string; chat: string; regionName: string; reason: string }) =>
    `• Grup dinonaktifkan: ${p.platform} ${p.chat} (${p.regionName}) — ${p.reason}`,
  deliveryNone: 'Semua pengingat minggu ini terkirim.',
  unknownReason: 'tanpa keterangan',
  unknownRegion: 'wilayah tidak diketahui',

  questionsTitle: (total: number, refused: number) =>
    `❓ Pertanyaan minggu ini: ${total}${total > 0 ? `, ${refused} tidak terjawab` : ''}`,
  questionsTop: 'Paling sering ditanyakan:',
  questionsRefused: 'Tidak terjawab (tidak ada di dokumen program):',
  questionLine: (q: { question: string; count: number }) => `• "${q.question}"${q.count > 1 ? ` ×${q.count}` : ''}`,
  questionsNone: 'Belum ada pertanyaan minggu ini.',

  feedbackTitle: (n: number) => `👎 Jawaban yang dinilai kurang tepat (${n})`,
  feedbackLine: (f: { question: string; answer: string; platform: string; date: string; reason: string | null; comment: string | null; documents: readonly string[] }) =>
    `• "${f.question}" → "${f.answer}" (${f.platform}, ${formatDate(f.date, false)})` +
    (f.reason ? `\n   Alasan: ${FEEDBACK_REASONS[f.reason] ?? f.reason}${f.comment ? ` — "${f.comment}"` : ''}` : f.comment ? `\n   Komentar: "${f.comment}"` : '') +
    (f.documents.length > 0 ? `\n   Sumber yang dikutip: ${f.documents.join('; ')}` : ''),
  feedbackNone: 'Tidak ada penilaian 👎 minggu ini.',
  pausedTitle: (n: number) => `⏸ Grup yang menunda pengingat (${n})`,
  pausedLine: (p: { platform: string; chat: string; regionName: string | null; stageName: string; until: string }) =>
    `• ${p.chat} (${p.platform}${p.regionName ? `, ${p.regionName}` : ''}): ${p.stageName}, ditunda sampai ${formatDate(p.until, false)}`,
} as const;

const FEEDBACK_REASONS: Record<string, string> = { salah: 'salah', kurang_lengkap: 'kurang lengkap', tidak_relevan: 'tidak relevan' };

export const digestCli = {
  noToken: 'SLACK_BOT_TOKEN belum diatur: ringkasan tidak dapat dikirim. Gunakan --dry-run untuk melihat isinya.',
  noChannel: 'SLACK_DIGEST_CHANNEL belum diatur: ringkasan tidak dapat dikirim. Gunakan --dry-run untuk melihat isinya.',
  posted: (period: string, channel: string) => `Ringkasan ${period} terkirim ke kanal ${channel}.`,
  alreadyPosted: (period: string) => `Ringkasan mingguan ${period} sudah pernah dikirim; tidak dikirim lagi.`,
} as const;
