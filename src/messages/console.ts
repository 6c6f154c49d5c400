/** The secretariat's web console (/konsol) and its operator commands, in Bahasa Indonesia. */
import { localClock } from '../programme/dates.ts';
import { formatDate, relativeDay, zoneAbbr } from './core.ts';

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** An instant in the staff zone: '24 Mar 2026 09.00 WIB'. */
export function formatDateTime(at: Date | string, zone: string): string {
  const { date, time } = localClock(new Date(at), zone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_SHORT[m - 1]} ${y} ${time} ${zoneAbbr(zone)}`;
}

const n = (x: number) => x.toLocaleString('id-ID');

const PLATFORMS: Record<string, string> = { telegram: 'Telegram', slack: 'Slack', console: 'Terminal', cli: 'CLI' };
const INTENTS: Record<string, string> = {
  deadline: 'tenggat',
  checklist: 'checklist',
  rule: 'aturan',
  greeting: 'sapaan',
  out_of_scope: 'di luar cakupan',
};
const REASONS: Record<string, string> = { salah: 'salah', kurang_lengkap: 'kurang lengkap', tidak_relevan: 'tidak relevan' };
const STATUSES: Record<string, string> = {
  pending: 'menunggu',
  sending: 'sedang dikirim',
  sent: 'terkirim',
  failed: 'gagal',
  skipped: 'dilewati',
  cancelled: 'dibatalkan',
};
const KINDS: Record<string, string> = {
  panduan: 'panduan',
  checklist: 'checklist',
  kalender: 'kalender',
  masterplan: 'masterplan',
  faq: 'tanya jawab',
  lainnya: 'lainnya',
};
const COMPLETION_SOURCES: Record<string, string> = {
  kalender: 'menurut kalender',
  checklist: 'semua butir wajib checklist dicentang',
  sekretariat: 'dikonfirmasi sekretariat',
};

export const consoleMessages = {
  appName: 'Konsol Pandu',
  tagline: 'Sekretariat Gerakan Menuju 100 Smart City',
  nav: {
    summary: 'Ringkasan',
    regions: 'Wilayah',
    questions: 'Pertanyaan',
    documents: 'Dokumen',
    reminders: 'Pengingat',
    audit: 'Audit',
  },
  signedInAs: (name: string, role: string) => `${name} · ${role === 'kelola' ? 'kelola' : 'lihat saja'}`,
  logout: 'Keluar',
  changePassword: 'Ganti sandi',
  yes: 'ya',
  no: 'tidak',
  all: 'Semua',
  none: '—',
  filter: 'Saring',
  reset: 'Hapus saringan',
  page: (p: number, pages: number, total: number, noun: string) => `Halaman ${p} dari ${pages} · ${n(total)} ${noun}`,
  previous: '‹ Sebelumnya',
  next: 'Berikutnya ›',
  platform: (p: string) => PLATFORMS[p] ?? p,
  intent: (i: string) => INTENTS[i] ?? i,
  reason: (r: string) => REASONS[r] ?? r,
  status: (s: string) => STATUSES[s] ?? s,
  kind: (k: string) => KINDS[k] ?? k,
  completionSource: (s: string) => COMPLETION_SOURCES[s] ?? s,
  offset: (days: number) => (days > 0 ? `H-${days}` : days === 0 ? 'H-0' : `H+${-days}`),
  relativeDay,
  date: (iso: string) => formatDate(iso),
  dateTime: formatDateTime,
  number: n,
  bytes: (b: number) => (b >= 1_048_576 ? `${(b / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`),
  zone: (z: string) => `${zoneAbbr(z)} (${z})`,
  zoneShort: zoneAbbr,
  /** Who did something, as recorded ('konsol:sari', 'cli', 'sistem'), for people. */
  actor: (who: string) =>
    who.startsWith('konsol:') ? `${who.slice(7)} (konsol)` : who === 'cli' ? 'operator (CLI)' : who === 'sistem' ? 'sistem' : who,
  hashedId: 'Identitas disamarkan (hash); teks asli tidak ditampilkan.',

  disabled: {
    title: 'Konsol belum aktif',
    body: 'Konsol web aktif setelah akun pertama dibuat. Di server Pandu, jalankan:',
    command: 'pandu konsol tambah-pengguna NAMA --peran kelola',
    after: 'Perintah itu mencetak sandi sekali pakai; masuk di /konsol/masuk lalu ganti sandinya.',
  },
  login: {
    title: 'Masuk ke Konsol Pandu',
    name: 'Nama pengguna',
    password: 'Sandi',
    submit: 'Masuk',
    wrong: 'Nama atau sandi salah.',
    throttled: (seconds: number) => `Terlalu banyak sandi salah. Coba lagi dalam ${seconds} detik.`,
    loggedOut: 'Anda sudah keluar.',
    expired: 'Sesi Anda berakhir. Silakan masuk lagi.',
  },
  password: {
    title: 'Ganti sandi',
    mustChange: 'Sandi Anda dibuat oleh operator. Pilih sandi Anda sendiri sebelum melanjutkan.',
    current: 'Sandi sekarang',
    next: 'Sandi baru',
    repeat: 'Ulangi sandi baru',
    submit: 'Simpan sandi',
    wrongCurrent: 'Sandi sekarang salah.',
    mismatch: 'Sandi baru dan ulangannya tidak sama.',
    tooShort: (min: number) => `Sandi baru minimal ${min} karakter.`,
    sameAsOld: 'Sandi baru harus berbeda dari sandi sekarang.',
  },
  errors: {
    notFoundTitle: 'Halaman tidak ditemukan',
    notFound: 'Alamat ini tidak ada di konsol.',
    forbiddenTitle: 'Tidak diizinkan',
    forbidden: 'Akun Anda berperan "lihat": dapat membaca semua halaman, tetapi tidak dapat mengubah apa pun. Minta akun berperan "kelola" kepada operator.',
    csrfTitle: 'Formulir tidak berlaku',
    csrf: 'Formulir ini tidak membawa token keamanan yang sah (mungkin sudah kedaluwarsa atau dikirim dari situs lain). Muat ulang halaman lalu coba lagi.',
    unauthenticatedTitle: 'Perlu masuk',
    unauthenticated: 'Sesi Anda tidak ada atau sudah berakhir. Silakan masuk lagi.',
    serverTitle: 'Terjadi kesalahan',
    server: 'Permintaan tidak dapat diproses. Kesalahan sudah dicatat; coba lagi sebentar lagi.',
    tooLargeTitle: 'Berkas terlalu besar',
    tooLarge: (limit: string) => `Berkas melebihi batas ${limit}.`,
    back: 'Kembali',
  },
  flash: {
    'tahap-selesai': 'Tahap ditandai selesai. Pengingat tahap ini berhenti dan /status di Telegram menampilkannya.',
    'tahap-sudah': 'Tahap ini sudah tercatat selesai; catatan sebelumnya dipertahankan.',
    'tahap-batal': 'Konfirmasi selesai dari sekretariat dibatalkan.',
    'pengingat-jeda': 'Pengingat untuk grup ini dijeda.',
    'pengingat-lanjut': 'Pengingat untuk grup ini dilanjutkan.',
    'grup-tidak-terikat': 'Grup ini tidak lagi terikat ke wilayah; tidak ada yang diubah.',
    'kirim-ulang': 'Pengingat dijadwalkan untuk dikirim ulang pada putaran pengiriman berikutnya (setiap menit).',
    'kirim-ulang-tidak': 'Pengingat itu tidak (lagi) berstatus gagal; tidak ada yang diubah.',
    'kirim-ulang-usang': 'Pengingat yang lebih baru untuk tahap ini sudah dikirim (atau sedang menunggu) ke grup itu; pengingat lama tidak dikirim ulang.',
    'dokumen-dihapus': 'Dokumen dihapus dari basis pengetahuan.',
    'sandi-diganti': 'Sandi Anda sudah diganti.',
  } as Record<string, string>,
  notes: {
    required: 'Catatan wajib diisi (mis. nomor berita acara atau alasan).',
    tooLong: 'Catatan paling banyak 500 karakter.',
  },
  cli: {
    group: 'Akun konsol web sekretariat (/konsol)',
    addUser: 'Buat akun konsol; tanpa --sandi-stdin, sandi sekali pakai dicetak',
    listUsers: 'Tampilkan akun konsol',
    resetPassword: 'Buat sandi baru sekali pakai untuk akun (sesi akun itu berakhir)',
    deleteUser: 'Hapus akun konsol beserta sesinya',
    nameArg: 'nama pengguna (3-40 huruf kecil, angka, titik, garis bawah atau tanda hubung)',
    roleOption: 'peran: lihat (hanya membaca) atau kelola (boleh mengubah)',
    stdinOption: 'baca sandi dari masukan standar, bukan membuat sandi sekali pakai',
    badRole: 'peran harus lihat atau kelola',
    badName: 'nama pengguna harus 3-40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka',
    nameTaken: (name: string) => `akun "${name}" sudah ada`,
    noAccount: (name: string) => `akun "${name}" tidak ada`,
    passwordTooShort: (min: number) => `sandi minimal ${min} karakter`,
    emptyStdin: 'masukan standar kosong: kirim sandi lewat pipa, mis. printf %s "$SANDI" | pandu konsol …',
    created: (name: string, role: string) => `Akun konsol "${name}" (${role}) dibuat.`,
    oneTimePassword: (password: string) =>
      `Sandi sekali pakai: ${password}\nSandi ini tidak disimpan dan tidak ditampilkan lagi; pengguna memilih sandinya sendiri saat pertama masuk di /konsol/masuk.`,
    passwordSet: (name: string) => `Sandi akun "${name}" diganti; sesi akun itu berakhir.`,
    deleted: (name: string) => `Akun konsol "${name}" dihapus.`,
    accountLine: (name: string, role: string, created: string, mustChange: boolean) =>
      `${name}\t${role}\tdibuat ${created}${mustChange ? '\tbelum mengganti sandi sekali pakai' : ''}`,
    noAccounts: 'Belum ada akun konsol. Buat dengan: pandu konsol tambah-pengguna NAMA --peran kelola',
  },
  privacy: {
    group: 'Perlindungan data pribadi (UU 27/2022)',
    delete: 'Hapus pertanyaan, umpan balik dan ingatan percakapan satu orang; mencetak jumlah baris yang dihapus',
    telegramOption: 'ID pengguna Telegram (angka)',
    slackOption: 'ID pengguna Slack (mis. U0123ABCD)',
    oneOf: 'sebutkan tepat satu dari --telegram-user atau --slack-user',
    badTelegramId: 'ID pengguna Telegram berupa angka',
    badSlackId: 'ID pengguna Slack berupa huruf besar dan angka, mis. U0123ABCD',
    done: (c: { questions: number; feedback: number; conversationTurns: number }) =>
      `Dihapus: ${c.questions} pertanyaan, ${c.feedback} umpan balik, ${c.conversationTurns} giliran ingatan percakapan.`,
  },
};

/** Titles and axis labels of the programme charts (the console and the Slack digest's PNG). */
export const chartMessages = {
  completionTitle: 'Penyelesaian tahap per angkatan',
  completionAxis: 'Wilayah yang menyelesaikan tahap (%)',
  overdueTitle: 'Wilayah terlambat per tahap',
  overdueAxis: 'Jumlah wilayah terlambat',
  stage: 'Tahap',
  cohort: 'Angkatan',
  completedOf: 'Selesai',
  overdue: 'Terlambat',
  noData: 'Belum ada angkatan aktif',
  cohortLabel: (year: number) => `Angkatan ${year}`,
};
