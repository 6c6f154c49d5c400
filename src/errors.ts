/** Stable error codes; adapters map them to Indonesian text in messages.ts. */
export type PanduErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_UNREACHABLE'
  | 'DB_BUSY'
  | 'REGION_UNKNOWN'
  | 'DOC_UNREADABLE'
  | 'CALENDAR_INVALID'
  | 'CHECKLIST_INVALID'
  | 'QUESTION_TOO_LONG'
  | 'USAGE'
  | 'DATA_DIR_UNUSABLE'
  | 'LISTEN_FAILED';

export class PanduError extends Error {
  constructor(
    readonly code: PanduErrorCode,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`, options);
    this.name = 'PanduError';
  }

  static isInstance(err: unknown, code?: PanduErrorCode): err is PanduError {
    return err instanceof Error && err.name === 'PanduError' && (code === undefined || (err as PanduError).code === code);
  }
}
