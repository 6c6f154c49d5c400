/** Descriptions of the `pandu` commands, their arguments and options, as `--help` shows them. */
const JSON_OUTPUT = 'keluaran JSON';
const NOW = 'anggap sekarang pukul ini (ISO 8601)';

export const cliHelp = {
  start: {
    description: 'Jalankan bot, penjadwal pengingat dan server HTTP (/healthz, /readyz, /metrics)',
  },
  reminders: {
    description: 'Pengingat tenggat ke grup wilayah: rencana dan pengiriman',
  },
  remindersPlan: {
    description: 'Tampilkan pengingat yang akan dikirim, per grup',
    now: NOW,
    days: 'rentang ke depan dalam hari',
    json: JSON_OUTPUT,
  },
  remindersRun: {
    description: 'Jadwalkan pengingat yang jatuh tempo dan kirim sekali',
    now: 'anggap sekarang pukul ini (ISO 8601); waktu berjalan dari situ',
    json: JSON_OUTPUT,
  },
  ask: {
    description: 'Jawab satu pertanyaan seperti bot menjawabnya',
    question: 'pertanyaan dalam Bahasa Indonesia',
    region: 'wilayah penanya (kode atau nama), untuk tenggat dan checklist',
    session: 'id percakapan untuk pertanyaan lanjutan',
    json: JSON_OUTPUT,
    staff: 'sebagai staf sekretariat: pertanyaan tentang keadaan program (keterlambatan, jumlah selesai, status wilayah…) dijawab dari data, seperti di Slack',
    /** Printed to stderr when no document is loaded yet, so a refusal is not mistaken for the documents' silence. */
    emptyKnowledgeBase:
      'Catatan: basis pengetahuan masih kosong, jadi belum ada dokumen untuk menjawab. Muat dokumen dengan `pandu ingest corpus`, ' +
      'atau jalankan `npm start` (saat kosong, corpus/ dimuat otomatis).',
  },
  search: {
    description: 'Tampilkan potongan dokumen yang paling relevan, tanpa menyusun jawaban',
    query: 'kata kunci atau pertanyaan',
    k: 'jumlah hasil',
    region: 'utamakan dokumen wilayah ini',
    json: JSON_OUTPUT,
  },
  ingest: {
    description: 'Muat dokumen (md, txt, html, pdf, docx, kalender yaml) ke basis pengetahuan; file yang tidak berubah dilewati',
    path: 'file atau folder',
    force: 'muat ulang semua file walaupun tidak berubah',
    prune: 'hapus dokumen yang filenya sudah tidak ada',
    baseUrl: 'alamat publik folder yang dimuat: alamat tiap dokumen = alamat ini + jalurnya di bawah folder (tautan sumber di Slack)',
    json: 'ringkasan dalam JSON',
  },
  regions: {
    description: 'Daftar wilayah (kabupaten/kota) dan kode undangan grup',
  },
  regionsList: {
    description: 'Tampilkan wilayah beserta provinsi, zona waktu dan angkatan',
    province: 'saring menurut provinsi (sebagian nama cukup)',
    json: JSON_OUTPUT,
  },
  regionsInvite: {
    description: 'Buat kode undangan sekali pakai untuk mengikat grup Telegram ke wilayah',
    region: 'kode wilayah (mis. 33.14) atau nama wilayah',
    hours: 'masa berlaku dalam jam',
    json: JSON_OUTPUT,
  },
  digest: {
    description: 'Susun ringkasan untuk staf (tenggat, keterlambatan, pertanyaan) dan kirim ke kanal Slack',
    now: NOW,
    dryRun: 'tampilkan ringkasan sebagai teks, tanpa mengirim',
    weekly: 'kirim sebagai ringkasan mingguan: dilewati bila minggu ini sudah dikirim',
    out: 'dengan --dry-run: tulis grafik ringkasan (PNG, sama dengan yang dikirim ke Slack) ke folder ini',
  },
  eval: {
    description: 'Ukur mutu pencarian dan jawaban pada set tanya-jawab (recall@k, MRR, ketepatan fakta, penolakan)',
    set: 'berkas JSONL tanya-jawab',
    json: 'keluaran JSON lengkap (termasuk daftar yang meleset)',
  },
  /** Mistakes in a command's arguments, each one sentence for the operator. */
  usage: {
    emptyQuestion: 'pertanyaan kosong',
    longQuestion: (max: number) => `pertanyaan lebih dari ${max} karakter`,
    badK: '--k harus bilangan bulat 1–100',
    badHours: '--hours harus antara 1 dan 720',
  },
} as const;
