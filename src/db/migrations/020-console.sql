-- The secretariat's web console (/konsol): accounts, sessions, login throttling and the
-- audit trail, plus what its pages show that was not stored before.

CREATE TABLE console_accounts (
  id serial PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('lihat', 'kelola')),
  password_hash text NOT NULL,                 -- 'scrypt$N$r$p$salt$hash' (base64url)
  must_change_password boolean NOT NULL DEFAULT false,  -- a generated password is changed at first login
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);
CREATE UNIQUE INDEX console_accounts_name_idx ON console_accounts (lower(name));

-- A session is stored by the SHA-256 of its cookie token: a database backup holds no usable cookie.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  account_id integer NOT NULL REFERENCES console_accounts (id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_expires_idx ON console_sessions (expires_at);

-- Wrong passwords per login name and per client address; past a limit, attempts wait.
CREATE TABLE console_login_throttle (
  key text PRIMARY KEY,                        -- 'nama:sari' or 'ip:127.0.0.1'
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);

-- Every change made through the console or the operator commands: who, what, when.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,                         -- 'konsol:sari', 'cli', 'sistem'
  action text NOT NULL,                        -- 'stage.complete', 'invite.create', …
  target text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

-- Questions: why an answer got 👎 (filled by the Telegram feedback flow), the passages
-- retrieved for it, and the retention job's mark once its texts are deleted.
ALTER TABLE questions ADD COLUMN feedback_reason text CHECK (feedback_reason IN ('salah', 'kurang_lengkap', 'tidak_relevan'));
ALTER TABLE questions ADD COLUMN feedback_comment text;
ALTER TABLE questions ADD COLUMN retrieved jsonb;      -- [{document, title, heading, page, snippet, score}]
ALTER TABLE questions ADD COLUMN text_deleted_at timestamptz;
ALTER TABLE questions ALTER COLUMN question DROP NOT NULL;
CREATE INDEX questions_search_idx ON questions USING gin (to_tsvector('indonesian', COALESCE(question, '')));
CREATE INDEX questions_user_idx ON questions (platform, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX questions_feedback_by_idx ON questions (feedback_by) WHERE feedback_by IS NOT NULL;
CREATE INDEX questions_retention_idx ON questions (asked_at) WHERE text_deleted_at IS NULL;

-- A stage the secretariat confirmed done (source 'sekretariat'): by whom, with what note.
ALTER TABLE stage_completions ADD COLUMN completed_by text;
ALTER TABLE stage_completions ADD COLUMN note text;

-- Conversation memory per person, so one person's memory can be deleted on request.
ALTER TABLE conversation_turns ADD COLUMN user_key text;   -- 'telegram:501', 'slack:U123'
CREATE INDEX conversation_turns_user_idx ON conversation_turns (user_key) WHERE user_key IS NOT NULL;

-- Documents: who added one; the original bytes of uploaded files (a database backup
-- then holds every source); the last ingest runs with their failures.
ALTER TABLE documents ADD COLUMN added_by text;
CREATE TABLE document_files (
  path text PRIMARY KEY,                       -- the document's path, e.g. 'unggahan/panduan/se-01.pdf'
  name text NOT NULL,
  data bytea NOT NULL,
  sha256 text NOT NULL,
  size bigint NOT NULL,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL
);
CREATE TABLE ingest_runs (
  id serial PRIMARY KEY,
  finished_at timestamptz NOT NULL,
  actor text,
  counts jsonb NOT NULL,                       -- {new, changed, unchanged, failed, skipped, chunks, pages, seconds}
  failures jsonb NOT NULL DEFAULT '[]'         -- [{path, reason}]
);

-- The console's region page lists a region's last reminders.
CREATE INDEX reminder_outbox_region_idx ON reminder_outbox (region_code, send_at DESC);
