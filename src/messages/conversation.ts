import type { StageId } from '../programme/stage-ids.ts';

/** Conversations (follow-up questions): how Pandu names what it understood a follow-up to be about. */

const STAGE_LABELS: Readonly<Record<string, string | undefined>> = {
  assessment: 'Seleksi dan Assessment',
  mou: 'MoU',
  'pembentukan-tim': 'Pembentukan Dewan dan Tim Pelaksana',
  'bimtek-1': 'Bimtek I',
  'bimtek-2': 'Bimtek II',
  'bimtek-3': 'Bimtek III',
  'bimtek-4': 'Bimtek IV',
  finalisasi: 'Finalisasi dan Presentasi Masterplan',
  evaluasi: 'Monitoring dan Evaluasi Tahunan',
} satisfies Record<StageId, string>;

/** How a stage is written into a rewritten question: short, and read back as the same stage. */
const STAGE_MENTIONS: Readonly<Record<string, string | undefined>> = {
  assessment: 'assessment',
  mou: 'MoU',
  'pembentukan-tim': 'pembentukan tim',
  'bimtek-1': 'Bimtek I',
  'bimtek-2': 'Bimtek II',
  'bimtek-3': 'Bimtek III',
  'bimtek-4': 'Bimtek IV',
  finalisasi: 'finalisasi',
  evaluasi: 'evaluasi tahunan',
} satisfies Record<StageId, string>;

export const conversationMessages = {
  /** The line above an answer to a rewritten follow-up: what Pandu took it to be about. */
  understood: (what: string) => `Yang saya pahami: ${what}`,
  stageLabels: STAGE_LABELS,
  stageMentions: STAGE_MENTIONS,
  dimensionLabels: {
    governance: 'Smart Governance',
    branding: 'Smart Branding',
    economy: 'Smart Economy',
    living: 'Smart Living',
    society: 'Smart Society',
    environment: 'Smart Environment',
  } as Record<string, string>,
  topicLabels: {
    'quick-win': 'quick win',
    'f-01': 'F-01 Profil Daerah',
    'f-02': 'F-02 Surat Pernyataan Komitmen',
    'f-03': 'F-03 Lembar Komitmen Quick Win',
    'tim-pelaksana': 'Tim Pelaksana',
    dewan: 'Dewan Smart City',
    penetapan: 'penetapan masterplan',
    masterplan: 'masterplan',
    indeks: 'indeks capaian',
    rpjmd: 'RPJMD dan Renstra',
    spbe: 'SPBE dan Satu Data',
    pendanaan: 'pendanaan',
    mentor: 'mentor',
    swot: 'analisis SWOT',
    'peta-jalan': 'peta jalan',
    'rencana-aksi': 'rencana aksi',
    'program-inovasi': 'program inovasi',
    matriks: 'matriks pemetaan',
    pengingat: 'pengingat',
    'visi-misi': 'visi dan misi',
    sk: 'SK',
    portal: 'Portal G100SC',
    sekretariat: 'Sekretariat',
    'zona-waktu': 'zona waktu',
    dimensi: 'enam dimensi',
  } as Record<string, string>,
  cohortLabel: (year: number) => `angkatan ${year}`,
};
