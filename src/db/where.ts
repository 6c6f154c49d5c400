/** A WHERE clause built from optional filters, with numbered parameters ($1, $2 …). */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition (joined with AND). */
  and(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  /** 'WHERE a AND b', or '' without conditions. */
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** The next placeholder after these parameters (for LIMIT/OFFSET or a keyset). */
  next(offset = 1): string {
    return `$${this.params.length + offset}`;
  }
}
