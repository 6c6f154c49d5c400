-- Conversations: the last turns of each chat or thread, so a follow-up such as
-- "kalau Bimtek III?" can be understood. A session is a conversation key chosen by the
-- adapter (Telegram private chat or group reply chain, Slack thread, console, CLI).
-- Turns are forgotten after a period of silence (30 minutes by default) and on /baru.
CREATE TABLE conversation_turns (
  id bigserial PRIMARY KEY,
  session_id text NOT NULL,
  at timestamptz NOT NULL,
  question text NOT NULL,                      -- as asked
  standalone text NOT NULL,                    -- as answered (the rewrite of a follow-up)
  entities jsonb NOT NULL DEFAULT '{}',        -- {stage, topic, dimension, cohort, region}: {value, mention, label}
  intent text,
  rewritten boolean NOT NULL DEFAULT false
);
CREATE INDEX conversation_turns_session_idx ON conversation_turns (session_id, at DESC);
CREATE INDEX conversation_turns_at_idx ON conversation_turns (at);

-- Pandu's own messages and the session that produced them: in a Telegram group, a reply
-- to one of Pandu's answers continues that answer's conversation.
CREATE TABLE conversation_links (
  platform text NOT NULL,
  chat_id text NOT NULL,
  message_id text NOT NULL,
  session_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (platform, chat_id, message_id)
);
CREATE INDEX conversation_links_at_idx ON conversation_links (at);
