import type { Child, FC } from 'hono/jsx';
import { consoleMessages as m } from '../../messages/index.ts';
import type { Session } from '../auth/sessions.ts';
import { BASE } from '../context.ts';
import { Csrf } from './parts.tsx';

export type NavKey = keyof typeof m.nav;

const NAV: readonly { key: NavKey; href: string }[] = [
  { key: 'summary', href: BASE },
  { key: 'regions', href: `${BASE}/wilayah` },
  { key: 'questions', href: `${BASE}/pertanyaan` },
  { key: 'documents', href: `${BASE}/dokumen` },
  { key: 'reminders', href: `${BASE}/pengingat` },
  { key: 'audit', href: `${BASE}/audit` },
];

export interface LayoutProps {
  readonly title: string;
  readonly session: Session | null;
  readonly active?: NavKey;
  /** A message after a change (chosen by key, never user input). */
  readonly flash?: string | null;
  readonly children?: Child;
}

/** Every console page: the header with navigation and the signed-in person, then the content. */
export const Layout: FC<LayoutProps> = (p) => (
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${p.title} · ${m.appName}`}</title>
      <link rel="stylesheet" href={`${BASE}/gaya.css`} />
    </head>
    <body>
      <header class="top">
        <a class="brand" href={BASE}>
          {m.appName}
          <small>{m.tagline}</small>
        </a>
        {p.session && !p.session.mustChangePassword ? (
          <nav aria-label="Navigasi utama">
            {NAV.map((n) => (
              <a href={n.href} class={n.key === p.active ? 'active' : undefined} aria-current={n.key === p.active ? 'page' : undefined}>
                {m.nav[n.key]}
              </a>
            ))}
          </nav>
        ) : null}
        {p.session ? (
          <div class="who">
            <span>{m.signedInAs(p.session.name, p.session.role)}</span>
            <a href={`${BASE}/sandi`}>{m.changePassword}</a>
            <form method="post" action={`${BASE}/keluar`} class="inline">
              <Csrf token={p.session.csrf} />
              <button type="submit" class="link">
                {m.logout}
              </button>
            </form>
          </div>
        ) : null}
      </header>
      <main>
        {p.flash ? (
          <p class="flash" role="status">
            {p.flash}
          </p>
        ) : null}
        {p.children}
      </main>
    </body>
  </html>
);
