import type { OcrOptions } from './ocr.ts';

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Bounds on what a zip-based document (DOCX) may unpack to before any parser sees it. */
export interface ZipLimits {
  /** Largest uncompressed entry, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest total of the uncompressed entries, in bytes. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxEntries: 5_000 };

/** Most characters of text taken from one file (about 2,500 pages): beyond it the file is refused. */
export const MAX_TEXT_CHARS = 5_000_000;

/** Most scanned pages read with OCR in one file (at up to 90 s a page). */
export const MAX_OCR_PAGES = 200;

/** Limits and tools for parsing one untrusted file. */
export interface ParseLimits {
  readonly maxChars: number;
  readonly maxOcrPages: number;
  readonly zip: ZipLimits;
  /** OCR for scanned PDF pages; false turns it off. */
  readonly ocr: OcrOptions | false;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxChars: MAX_TEXT_CHARS, maxOcrPages: MAX_OCR_PAGES, zip: DEFAULT_ZIP_LIMITS, ocr: {} };

