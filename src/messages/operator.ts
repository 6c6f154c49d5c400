/**
 * What operators read (configuration problems, start-up failures, the data folder, the
 * command line's own usage errors and help), in Bahasa Indonesia.
 */

/** One line per bad environment variable; never the variable's value. */
export const configProblems = {
  databaseScheme: (scheme: string) =>
    `DATABASE_URL memakai skema "${scheme}" yang tidak dikenal; gunakan postgres://…, postgresql://…, memory:// atau jalur folder tanpa skema`,
  databaseUrl: 'DATABASE_URL bukan alamat PostgreSQL yang valid (contoh: postgres://pengguna:sandi@host:5432/pandu)',
  telegramToken: 'TELEGRAM_BOT_TOKEN harus berbentuk 123456:ABC-token (dari @BotFather)',
  httpUrl: (name: string) => `${name} harus berupa alamat http(s)`,
  webhookUrl: 'TELEGRAM_WEBHOOK_URL harus berupa alamat https',
  webhookSecret: 'TELEGRAM_WEBHOOK_SECRET hanya boleh berisi A-Z, a-z, 0-9, _ dan - (1–256 karakter)',
  appToken: 'SLACK_APP_TOKEN harus diawali xapp-',
  timezone: 'PANDU_TIMEZONE harus zona waktu IANA, misalnya Asia/Jakarta',
  retentionDays: 'PANDU_QUESTION_RETENTION_DAYS harus bilangan bulat hari dari 1 sampai 3650',
  port: (name: string) => `${name} harus nomor port 0–65535`,
  host: 'HOST harus alamat IP (misalnya 0.0.0.0 atau 127.0.0.1) atau nama host yang valid',
  logLevel: 'LOG_LEVEL harus salah satu dari fatal, error, warn, info, debug, trace, silent',
  cron: (detail: string) => `SLACK_DIGEST_CRON bukan pola cron yang valid (${detail})`,
  metricsToken: 'METRICS_TOKEN harus minimal 16 karakter tanpa spasi',
  metricsPortClash: 'METRICS_PORT harus berbeda dari PORT',
  digestChannelMissing: 'SLACK_DIGEST_CHANNEL wajib diisi untuk mengirim ringkasan mingguan ke Slack',
  slackTokenMissing: 'SLACK_BOT_TOKEN wajib diisi untuk menjalankan aplikasi Slack',
  slackSecretMissing: 'SLACK_SIGNING_SECRET wajib diisi bersama SLACK_BOT_TOKEN (atau isi SLACK_APP_TOKEN untuk Socket Mode)',
  webhookSecretMissing: 'TELEGRAM_WEBHOOK_SECRET wajib diisi bersama TELEGRAM_WEBHOOK_URL',
  modelMissing: 'OPENAI_CHAT_MODEL atau OPENAI_EMBEDDING_MODEL wajib diisi bila server model dikonfigurasi',
  other: (name: string, detail: string) => `${name}: ${detail}`,
} as const;

const DIR_REASONS: Record<string, string> = {
  EEXIST: 'itu sebuah file, bukan folder',
  ENOTDIR: 'salah satu bagian jalurnya adalah file, bukan folder',
  EACCES: 'tidak ada izin menulis',
  EPERM: 'tidak ada izin menulis',
  EROFS: 'berada di sistem berkas hanya-baca',
  ENOSPC: 'disk penuh',
  OWNER_CONTENDED: 'proses lain berulang kali mengambil alih berkas pemiliknya (pandu-owner.json); coba lagi',
};

const LISTEN_REASONS: Record<string, string> = {
  EADDRINUSE: 'port sudah dipakai proses lain',
  EACCES: 'tidak ada izin memakai port itu (port di bawah 1024 perlu hak khusus)',
  EADDRNOTAVAIL: 'alamat itu bukan milik mesin ini',
  ENOTFOUND: 'nama host tidak dikenal',
  EAI_AGAIN: 'nama host tidak dapat di-resolve saat ini',
};

export const operatorMessages = {
  qaLineInvalid: (where: string, detail: string) => `${where}: baris set tanya-jawab tidak valid (${detail})`,
  dataDirUnusable: (dir: string, code: string) =>
    `Folder data ${dir} tidak dapat dipakai: ${DIR_REASONS[code] ?? code}. Periksa DATABASE_URL.`,
  dataDirOpen: (dir: string, mode: string) =>
    `Peringatan: folder data ${dir} dapat dibuka pengguna lain di mesin ini (izin ${mode}); pertanyaan dan basis data di dalamnya ikut terbaca. Perbaiki dengan: chmod 700 ${dir}`,
  listenFailed: (address: string, code: string) =>
    `Server HTTP tidak dapat berjalan di ${address}: ${LISTEN_REASONS[code] ?? code}. Periksa PORT dan HOST.`,
  alreadyRunning: (pid: number, url: string | null) =>
    `Pandu sudah berjalan untuk folder data ini (PID ${pid}${url ? `, ${url}` : ''}). Hentikan dulu proses itu, atau pakai DATABASE_URL lain.`,
  ownerUnverified: (pid: number, port: number) =>
    `Proses di port ${port} tidak dapat membuktikan bahwa ia Pandu pemilik folder data (PID ${pid}); perintah tidak dikirim. Hentikan proses itu atau tunggu sampai Pandu siap.`,
  staleOwnerTakenOver: (pid: number) =>
    `Catatan: berkas pemilik folder data menyebut PID ${pid}, tetapi proses itu bukan Pandu; folder diambil alih.`,
} as const;

/** The command line's own messages (commander's, translated), and its help headings. */
export const commandLineMessages = {
  missingArgument: (name: string) => `argumen wajib '${name}' belum diisi`,
  optionMissingArgument: (flags: string) => `opsi '${flags}' memerlukan nilai`,
  missingMandatoryOption: (flags: string) => `opsi wajib '${flags}' belum diisi`,
  unknownOption: (flag: string) => `opsi '${flag}' tidak dikenal`,
  unknownCommand: (name: string) => `perintah '${name}' tidak dikenal`,
  excessArguments: (expected: number, got: number, command: string | null) =>
    `terlalu banyak argumen${command ? ` untuk '${command}'` : ''}: diharapkan ${expected}, diterima ${got}`,
  conflictingOption: (detail: string) => `opsi yang tidak dapat dipakai bersama: ${detail}`,
  invalidValue: (value: string, target: string) => `nilai '${value}' untuk ${target} tidak valid`,
  didYouMean: (options: string) => `(Maksud Anda ${options}?)`,
  error: (detail: string, command: string) => `Perintah tidak valid: ${detail}. Lihat: ${command} --help`,
  helpOption: 'tampilkan bantuan perintah',
  versionOption: 'tampilkan versi',
  headings: {
    'Usage:': 'Penggunaan:',
    'Options:': 'Opsi:',
    'Commands:': 'Perintah:',
    'Arguments:': 'Argumen:',
    'Global Options:': 'Opsi umum:',
  } as Record<string, string>,
  usageWords: { '[options]': '[opsi]', '[command]': '[perintah]' } as Record<string, string>,
  extraInfo: { 'default:': 'bawaan:', 'choices:': 'pilihan:', 'preset:': 'prasetel:', 'env:': 'variabel:' } as Record<string, string>,
} as const;
