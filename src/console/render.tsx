import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { consoleMessages as m } from '../messages/index.ts';
import type { ConsoleContext } from './context.ts';
import { Layout, type NavKey } from './views/layout.tsx';

/** Sends a rendered page with the doctype. */
export async function render(c: ConsoleContext, page: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${String(await Promise.resolve(page))}`, status);
}

/** A page inside the console's layout, with the flash message the query names (if any). */
export function page(c: ConsoleContext, o: { title: string; active?: NavKey; status?: ContentfulStatusCode; body: Child }): Promise<Response> {
  const key = c.req.query('ok');
  const flash = key ? (m.flash[key] ?? null) : null;
  return render(
    c,
    <Layout title={o.title} session={c.get('session')} active={o.active} flash={flash}>
      {o.body}
    </Layout>,
    o.status,
  );
}

/** A short error page (403, 404, 401…) with a way back. */
export function errorPage(c: ConsoleContext, status: ContentfulStatusCode, title: string, text: string): Promise<Response> {
  return page(c, {
    title,
    status,
    body: (
      <section class="card narrow">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/konsol">{m.errors.back}</a>
        </p>
      </section>
    ),
  });
}

/** Page number from ?halaman= (1 when missing or odd), and the SQL offset for it. */
export function paging(c: ConsoleContext, perPage: number): { page: number; limit: number; offset: number } {
  const raw = Number(c.req.query('halaman') ?? '1');
  const pageNo = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
  return { page: pageNo, limit: perPage, offset: (pageNo - 1) * perPage };
}

export const pagesOf = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));
