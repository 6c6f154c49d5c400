import type { FC } from 'hono/jsx';
import { consoleMessages as m } from '../../messages/index.ts';
import { BASE } from '../context.ts';
import { Csrf } from './parts.tsx';
import { Layout } from './layout.tsx';

/** A required password input under its label; `autocomplete` tells password managers which one it is. */
const PasswordField: FC<{ label: string; name: string; autocomplete: 'current-password' | 'new-password' }> = (p) => (
  <label>
    {p.label}
    <input type="password" name={p.name} autocomplete={p.autocomplete} required />
  </label>
);

const ErrorAlert: FC<{ error?: string | null }> = (p) =>
  p.error ? (
    <p class="error" role="alert">
      {p.error}
    </p>
  ) : null;

export const DisabledPage: FC = () => (
  <Layout title={m.disabled.title} session={null}>
    <section class="card narrow">
      <h1>{m.disabled.title}</h1>
      <p>{m.disabled.body}</p>
      <pre>{m.disabled.command}</pre>
      <p>{m.disabled.after}</p>
    </section>
  </Layout>
);

export const LoginPage: FC<{ csrf: string; name: string; next: string; error?: string | null; notice?: string | null }> = (p) => (
  <Layout title={m.login.title} session={null}>
    <section class="card narrow">
      <h1>{m.login.title}</h1>
      {p.notice ? <p class="flash">{p.notice}</p> : null}
      <ErrorAlert error={p.error} />
      <form method="post" action={`${BASE}/masuk`} class="stack">
        <Csrf token={p.csrf} />
        <input type="hidden" name="lanjut" value={p.next} />
        <label>
          {m.login.name}
          <input type="text" name="nama" value={p.name} autocomplete="username" required autofocus />
        </label>
        <PasswordField label={m.login.password} name="sandi" autocomplete="current-password" />
        <button type="submit">{m.login.submit}</button>
      </form>
    </section>
  </Layout>
);

export const PasswordForm: FC<{ csrf: string; mustChange: boolean; error?: string | null }> = (p) => (
  <section class="card narrow">
    <h1>{m.password.title}</h1>
    {p.mustChange ? <p class="flash">{m.password.mustChange}</p> : null}
    <ErrorAlert error={p.error} />
    <form method="post" action={`${BASE}/sandi`} class="stack">
      <Csrf token={p.csrf} />
      <PasswordField label={m.password.current} name="sandi_lama" autocomplete="current-password" />
      <PasswordField label={m.password.next} name="sandi_baru" autocomplete="new-password" />
      <PasswordField label={m.password.repeat} name="ulangi" autocomplete="new-password" />
      <button type="submit">{m.password.submit}</button>
    </form>
  </section>
);
