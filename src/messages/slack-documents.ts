/** Documents added and removed from Slack, in Bahasa Indonesia. */
import { formatDate } from './core.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0).replace('.', ',')} MB`;

export const slackDocumentMessages = {
  staffOnly:
    'Terima kasih atas berkasnya. Maaf, hanya staf sekretariat program yang dapat menambahkan dokumen ke basis pengetahuan Pandu. Silakan kirim berkas ini kepada sekretariat.',
  unavailable: 'Maaf, penambahan dokumen dari Slack belum tersedia di server ini. Hubungi admin Pandu.',
  receiving: (name: string) => `⏳ Memuat *${name}* ke basis pengetahuan…`,
  empty: (name: string) => `*${name}* kosong (0 byte), jadi tidak dimuat. Dokumen yang sudah ada tidak berubah.`,
  tooLarge: (name: string, size: number, max: number) =>
    `*${name}* berukuran ${mb(size)}, melebihi batas ${mb(max)}, jadi tidak dimuat. Dokumen yang sudah ada tidak berubah.`,
  unsupported: (name: string) =>
    `Jenis berkas *${name}* tidak didukung. Yang didukung: PDF, Word (docx), Markdown, teks (txt) dan HTML. Dokumen yang sudah ada tidak berubah.`,
  downloadFailed: (name: string) => `*${name}* tidak dapat diunduh dari Slack (izin \`files:read\`?). Dokumen yang sudah ada tidak berubah.`,
  failed: (name: string, reason: string) => `*${name}* tidak dapat dimuat: ${reason}. Dokumen yang sudah ada tidak berubah.`,
  ingested: (d: { name: string; title: string; pages: number; chunks: number; seconds: number; replaced: boolean }) =>
    `✅ *${d.title}* (${d.name}) ${d.replaced ? 'menggantikan versi sebelumnya' : 'ditambahkan'} ke basis pengetahuan: ` +
    `${d.pages > 0 ? `${d.pages} halaman, ` : ''}${d.chunks} potongan, ${d.seconds.toFixed(1).replace('.', ',')} detik. Pandu kini dapat menjawab dari dokumen ini.`,
  unchanged: (title: string) => `*${title}* sama persis dengan versi yang sudah dimuat; tidak ada yang berubah.`,

  listHeader: (n: number, total: number) => `*Dokumen terbaru* (${n} dari ${total}):`,
  listLine: (d: { title: string; source: string; addedBy: string; at: string; chunks: number }) =>
    `• *${d.title}* — ${d.source} · oleh ${d.addedBy} · ${formatDate(d.at, false)} · ${d.chunks} potongan`,
  listNone: 'Belum ada dokumen di basis pengetahuan.',
  sourceUpload: 'unggahan',
  sourceCorpus: 'korpus',
  unknownActor: 'sistem',
  usageHapus: 'Sebutkan judul dokumennya, misalnya: `/pandu hapus Surat Edaran Tenggat Bimtek IV`',
  notFound: (q: string) => `Tidak ada dokumen berjudul "${q}". Lihat daftarnya dengan \`/pandu dokumen\`.`,
  ambiguous: (q: string, titles: readonly string[]) => `"${q}" cocok dengan beberapa dokumen: ${titles.join('; ')}. Tulis judulnya lebih lengkap.`,
  confirm: (title: string, chunks: number) => `Hapus *${title}* (${chunks} potongan) dari basis pengetahuan? Pandu tidak akan menjawab dari dokumen ini lagi.`,
  confirmButton: 'Ya, hapus',
  cancelButton: 'Batal',
  deleted: (title: string) => `🗑️ *${title}* sudah dihapus dari basis pengetahuan.`,
  cancelled: 'Dibatalkan; dokumen tidak dihapus.',
  gone: 'Dokumen itu sudah tidak ada (mungkin sudah dihapus).',
  specialDoc: (title: string) => `*${title}* adalah kalender atau checklist; ubah berkasnya di korpus, jangan dihapus dari Slack.`,
} as const;
