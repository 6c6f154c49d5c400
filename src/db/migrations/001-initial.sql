-- Pandu schema v1: the same SQL on embedded PGlite and on PostgreSQL 15+ with pgvector.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE regions (
  code text PRIMARY KEY,                       -- Kemendagri/BPS code, e.g. '33.14'
  name text NOT NULL,                          -- 'Kabupaten Sragen'
  kind text NOT NULL CHECK (kind IN ('kabupaten', 'kota')),
  province_code text NOT NULL,
  province text NOT NULL,
  timezone text NOT NULL CHECK (timezone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  cohort integer,                              -- from the calendar files
  current_stage text
);
CREATE INDEX regions_province_idx ON regions (province);

CREATE TABLE documents (
  id serial PRIMARY KEY,
  path text NOT NULL UNIQUE,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('panduan', 'checklist', 'kalender', 'masterplan', 'faq', 'lainnya')),
  region_code text REFERENCES regions (code),
  content_hash text NOT NULL,
  page_count integer,
  bytes bigint NOT NULL DEFAULT 0,
  ingested_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chunks (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  heading text NOT NULL DEFAULT '',            -- heading path, ' > ' separated
  page integer,
  text text NOT NULL,
  tsv tsvector,
  embedding vector,                            -- typed vector(N) once the embedder is known
  UNIQUE (document_id, ordinal)
);
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);

CREATE TABLE chats (
  id serial PRIMARY KEY,
  platform text NOT NULL CHECK (platform IN ('telegram', 'slack', 'console')),
  chat_id text NOT NULL,
  title text,
  region_code text REFERENCES regions (code),
  active boolean NOT NULL DEFAULT true,
  reminders_enabled boolean NOT NULL DEFAULT true,
  bound_by text,
  bound_at timestamptz,
  deactivated_at timestamptz,
  deactivated_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform, chat_id)
);

CREATE TABLE invites (
  code text PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text,
  used_chat integer REFERENCES chats (id)
);

CREATE TABLE stages (
  id text PRIMARY KEY,                         -- 'bimtek-1'
  name text NOT NULL,
  ordinal integer NOT NULL
);

CREATE TABLE deadlines (
  id serial PRIMARY KEY,
  cohort integer NOT NULL,
  stage_id text NOT NULL REFERENCES stages (id),
  region_code text REFERENCES regions (code), -- NULL: the whole cohort; else a per-region override
  starts_on date,
  due_on date NOT NULL,
  description text,
  reason text,
  source text NOT NULL
);
CREATE UNIQUE INDEX deadlines_cohort_stage_idx ON deadlines (cohort, stage_id) WHERE region_code IS NULL;
CREATE UNIQUE INDEX deadlines_override_idx ON deadlines (cohort, stage_id, region_code) WHERE region_code IS NOT NULL;

CREATE TABLE calendar_events (
  id serial PRIMARY KEY,
  cohort integer NOT NULL,
  stage_id text NOT NULL REFERENCES stages (id),
  event_on date NOT NULL,
  title text NOT NULL
);

CREATE TABLE stage_completions (
  region_code text NOT NULL REFERENCES regions (code),
  stage_id text NOT NULL REFERENCES stages (id),
  completed_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,                        -- 'kalender' or 'checklist'
  PRIMARY KEY (region_code, stage_id)
);

CREATE TABLE checklist_items (
  id text PRIMARY KEY,                         -- 'BT1-01', stable
  stage_id text NOT NULL REFERENCES stages (id),
  ordinal integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  output text NOT NULL,
  required boolean NOT NULL DEFAULT true,
  retired boolean NOT NULL DEFAULT false       -- removed from the file; progress kept
);

CREATE TABLE checklist_progress (
  region_code text NOT NULL REFERENCES regions (code),
  item_id text NOT NULL REFERENCES checklist_items (id),
  done boolean NOT NULL,
  updated_by text,
  updated_by_name text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, item_id)
);

CREATE TABLE reminder_outbox (
  id serial PRIMARY KEY,
  chat_id integer NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  region_code text NOT NULL REFERENCES regions (code),
  stage_id text NOT NULL REFERENCES stages (id),
  due_on date NOT NULL,
  offset_days integer NOT NULL,               -- 14, 7, 3, 1, 0 before; negative when overdue
  send_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  claimed_by text,
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, stage_id, chat_id, offset_days)
);
CREATE INDEX reminder_outbox_due_idx ON reminder_outbox (status, send_at);

CREATE TABLE questions (
  id serial PRIMARY KEY,
  asked_at timestamptz NOT NULL DEFAULT now(),
  platform text NOT NULL,
  chat_id text,
  user_id text,
  region_code text REFERENCES regions (code),
  question text NOT NULL,
  intent text NOT NULL,
  refused boolean NOT NULL,
  answer text,
  citations jsonb NOT NULL DEFAULT '[]',
  latency_ms integer,
  feedback smallint CHECK (feedback IN (-1, 1)),
  feedback_by text,
  feedback_at timestamptz
);
CREATE INDEX questions_asked_at_idx ON questions (asked_at);

-- Inbound de-duplication: Telegram update ids, Slack event ids and retries.
CREATE TABLE inbound_seen (
  source text NOT NULL,
  key text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, key)
);

CREATE TABLE digests (
  period text PRIMARY KEY,                     -- e.g. '2026-W48'
  channel text NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  message_ts text
);
