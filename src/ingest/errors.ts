import { PanduError } from '../errors.ts';
import { ingestMessages } from '../messages/index.ts';

/** Why a file could not be ingested; the CLI and bots turn the reason into Indonesian text. */
export type LoadReason =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'not_utf8'
  | 'unsupported'
  | 'pdf_encrypted'
  | 'pdf_corrupt'
  | 'pdf_no_text'
  | 'pdf_scan_no_ocr'
  | 'ocr_failed'
  | 'ocr_timeout'
  | 'ocr_too_many_pages'
  | 'docx_corrupt'
  | 'archive_too_large'
  | 'text_too_large'
  | 'parse_memory'
  | 'parse_timeout'
  | 'parse_crashed'
  | 'front_matter_invalid'
  | 'no_text'
  | 'calendar_invalid'
  | 'checklist_invalid';

/** The error a loader throws for a file it refuses (a PanduError with code LOAD_REFUSED). */
export function loadRefused(reason: LoadReason, detail?: string, options?: { cause?: unknown }): PanduError<'LOAD_REFUSED'> {
  return new PanduError('LOAD_REFUSED', detail === undefined ? { reason } : { reason, detail }, options);
}

/** Why a file failed, as the operator reads it: the refusal in Indonesian, else the error's own message. */
export function failureReason(err: unknown): string {
  if (PanduError.isInstance(err, 'LOAD_REFUSED')) return ingestMessages.reason(err.details.reason, err.details.detail);
  if (PanduError.isInstance(err, 'USAGE')) return err.details.detail;
  return err instanceof Error ? err.message : String(err);
}
