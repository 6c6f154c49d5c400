-- The rest of a long chat answer, kept for its "Selengkapnya" button: stored, so the button
-- still works after a restart; expires (the button then says so politely).
CREATE TABLE answer_remainders (
  id bigserial PRIMARY KEY,
  platform text NOT NULL,
  chat_id text NOT NULL,
  question_id integer,                         -- questions.id (no foreign key: retention deletes by id)
  answer jsonb NOT NULL,                       -- {answer, more, citations, understood}
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX answer_remainders_expires_idx ON answer_remainders (expires_at);

-- The prompt Pandu sends after a 👎 reason: a reply to it is the optional one-line comment.
CREATE TABLE feedback_prompts (
  platform text NOT NULL,
  chat_id text NOT NULL,
  message_id bigint NOT NULL,
  question_id integer NOT NULL,                -- questions.id
  user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (platform, chat_id, message_id)
);
