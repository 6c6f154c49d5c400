import type { OwnerInfo } from './db/owner.ts';
import type { LoadReason } from './ingest/errors.ts';

/** One problem in a calendar or checklist file, by line. */
export interface FileIssue {
  readonly line: number;
  readonly reason: string;
}

/**
 * Stable error codes and the details each carries (as grammY's GrammyError carries typed
 * fields): adapters map them to Indonesian text in src/messages without casts.
 */
export interface PanduErrorDetails {
  /** Every bad environment variable, each named in one Indonesian sentence (never its value). */
  readonly CONFIG_INVALID: { readonly problems: readonly string[] };
  /** A file the ingest pipeline refuses; `detail` is shown to the operator after the reason. */
  readonly LOAD_REFUSED: { readonly reason: LoadReason; readonly detail?: string };
  readonly DB_UNREACHABLE: { readonly target: string; readonly reason: string };
  readonly DB_BUSY: { readonly owner: OwnerInfo };
  readonly REGION_UNKNOWN: { readonly query: string };
  readonly CALENDAR_INVALID: { readonly issues: readonly FileIssue[] };
  readonly CHECKLIST_INVALID: { readonly issues: readonly FileIssue[] };
  /** A usage mistake, explained in one Indonesian sentence. */
  readonly USAGE: { readonly detail: string };
  readonly DATA_DIR_UNUSABLE: { readonly dir: string; readonly reason: string };
  readonly LISTEN_FAILED: { readonly address: string; readonly reason: string };
}
export type PanduErrorCode = keyof PanduErrorDetails;

export class PanduError<C extends PanduErrorCode = PanduErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly details: PanduErrorDetails[C],
    /** `message`: the error's text where a person reads it as is (a configuration problem in a log or a stack). */
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? `${code} ${JSON.stringify(details)}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PanduError';
  }

  static isInstance<C extends PanduErrorCode>(err: unknown, code?: C): err is PanduError<C> {
    return err instanceof Error && err.name === 'PanduError' && (code === undefined || (err as PanduError).code === code);
  }
}
