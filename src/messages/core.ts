/**
 * Every user-facing text of Pandu, in Bahasa Indonesia. Code elsewhere passes data
 * here and never writes user text itself.
 */

const MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const ZONE_ABBR: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** '2026-12-04' → 'Jumat, 4 Desember 2026'. */
export function formatDate(isoDate: string, withDay = true): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${withDay ? `${day}, ` : ''}${d} ${MONTHS[m - 1]} ${y}`;
}

/** An instant in a zone: 'Selasa, 31 Maret 2026 pukul 09.00 WIB'. */
export function formatInstant(at: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)} pukul ${parts.hour}.${parts.minute} ${zoneAbbr(zone)}`;
}

export function zoneAbbr(zone: string): string {
  return ZONE_ABBR[zone] ?? zone;
}

/** 5 → 'H-5', 0 → 'H-0 (hari ini)', -2 → 'terlambat 2 hari'. */
export function relativeDay(daysLeft: number): string {
  if (daysLeft > 0) return `H-${daysLeft}`;
  if (daysLeft === 0) return 'H-0 (hari ini)';
  return `terlambat ${-daysLeft} hari`;
}

export const messages = {
  cli: {
    description: 'Pandu — asisten program Gerakan Menuju 100 Smart City',
    configInvalid: (problems: readonly string[]) => `Konfigurasi tidak valid: ${problems.join('; ')}`,
    dbUnreachable: (target: string, reason: string) =>
      `Tidak dapat terhubung ke basis data ${target}: ${reason}. Periksa DATABASE_URL.`,
    dbBusy: (pid: number) =>
      `Basis data tertanam sedang dipakai oleh Pandu lain (PID ${pid}) yang belum siap menerima perintah; coba lagi sebentar lagi atau hentikan proses itu.`,
    viaServer: (pid: number) => `(dijalankan melalui Pandu yang sedang berjalan, PID ${pid})`,
    regionUnknown: (q: string) => `Wilayah "${q}" tidak dikenal. Lihat kode wilayah dengan: pandu regions list`,
    inviteCreated: (code: string, regionName: string, expires: string) =>
      `Kode undangan untuk ${regionName}: ${code}\nBerlaku sampai ${expires}. Di grup Telegram wilayah itu, admin grup mengetik: /daftar ${code}`,
    noRegions: 'Tidak ada wilayah yang cocok.',
    serverListening: (url: string) => `Pandu berjalan di ${url} (cek: ${url}/healthz)`,
    stopping: 'Menghentikan Pandu…',
    usageError: (detail: string) => `Perintah tidak valid: ${detail}. Lihat: pandu --help`,
    failed: (detail: string) => `Gagal: ${detail}`,
  },
  console: {
    welcome: (regionHint: string) =>
      `Selamat datang di Pandu, asisten program Gerakan Menuju 100 Smart City.\n` +
      `Ketik pertanyaan Anda dalam Bahasa Indonesia, misalnya "Apa saja keluaran Bimtek I?".\n` +
      `${regionHint}Ketik /keluar untuk berhenti.`,
    regionHint: 'Untuk pertanyaan tenggat wilayah tertentu, ketik /wilayah KODE (contoh: /wilayah 33.14).\n',
    regionSet: (name: string) => `Wilayah diatur ke ${name}.`,
    prompt: 'Anda> ',
    loading: 'Basis pengetahuan sedang dimuat dari folder corpus/… Mohon tunggu sebentar lalu tanyakan lagi.',
    bye: 'Sampai jumpa.',
  },
  errors: {
    internal: 'Maaf, terjadi kesalahan di sisi Pandu. Silakan coba lagi beberapa saat lagi.',
    questionTooLong: (max: number) => `Pertanyaan terlalu panjang (maksimal ${max} karakter). Mohon persingkat pertanyaan Anda.`,
    emptyQuestion: 'Silakan tulis pertanyaan Anda.',
  },
} as const;

/** How a stage counts as done, said the same way on every surface. */
export function completedHow(via: 'kalender' | 'checklist' | 'sekretariat' | null | undefined): string {
  if (via === 'checklist') return 'semua butir wajib checklist dicentang';
  if (via === 'sekretariat') return 'dikonfirmasi Sekretariat';
  if (via === 'kalender') return 'ditandai selesai di kalender program';
  return 'tercatat selesai';
}
