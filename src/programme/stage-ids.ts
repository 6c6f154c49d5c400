/**
 * The programme's stages in calendar order, as the calendar file and the stages table name
 * them. Code that recognises or words a particular stage (mention patterns, labels, the
 * mentions written into rewritten questions) is keyed by these, so a renamed or added stage
 * is a compile error in each of them rather than a silent miss.
 */
export const STAGE_IDS = ['assessment', 'mou', 'pembentukan-tim', 'bimtek-1', 'bimtek-2', 'bimtek-3', 'bimtek-4', 'finalisasi', 'evaluasi'] as const;
export type StageId = (typeof STAGE_IDS)[number];
