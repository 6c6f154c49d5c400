import type { Child, FC } from 'hono/jsx';
import { consoleMessages as m } from '../../messages/index.ts';

/** The hidden CSRF field every form carries. */
export const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name="csrf" value={token} />;

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A labelled select whose first option means "any". */
export const Select: FC<{ name: string; label: string; value: string; options: readonly Option[]; any?: string }> = (p) => (
  <label>
    {p.label}
    <select name={p.name}>
      {p.any !== undefined ? <option value="">{p.any}</option> : null}
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
);

export const Field: FC<{ name: string; label: string; value: string; type?: string; placeholder?: string }> = (p) => (
  <label>
    {p.label}
    <input type={p.type ?? 'text'} name={p.name} value={p.value} placeholder={p.placeholder} />
  </label>
);

/** A GET filter form: fields, then Saring and a link that clears them. */
export const FilterForm: FC<{ action: string; children?: Child }> = (p) => (
  <form method="get" action={p.action} class="filters">
    {p.children}
    <div class="actions">
      <button type="submit">{m.filter}</button>
      <a href={p.action}>{m.reset}</a>
    </div>
  </form>
);

/** Previous/next links keeping the current query. */
export const Pager: FC<{ base: string; query: URLSearchParams; page: number; pages: number; total: number; noun: string }> = (p) => {
  const link = (to: number) => {
    const q = new URLSearchParams(p.query);
    q.set('halaman', String(to));
    return `${p.base}?${q.toString()}`;
  };
  return (
    <nav class="pager" aria-label="Halaman">
      {p.page > 1 ? <a href={link(p.page - 1)}>{m.previous}</a> : <span />}
      <span>{m.page(p.page, p.pages, p.total, p.noun)}</span>
      {p.page < p.pages ? <a href={link(p.page + 1)}>{m.next}</a> : <span />}
    </nav>
  );
};

export const Empty: FC<{ children?: Child }> = (p) => <p class="empty">{p.children}</p>;

/** A status word with its own colour. */
export const Badge: FC<{ tone: 'ok' | 'warn' | 'bad' | 'muted'; children?: Child }> = (p) => <span class={`badge ${p.tone}`}>{p.children}</span>;
