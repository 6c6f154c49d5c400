-- Slack threads Pandu has answered in: every later human message in such a thread is a
-- follow-up, answered without a new mention. Kept across restarts; pruned after a while.
CREATE TABLE slack_threads (
  channel text NOT NULL,
  thread_ts text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, thread_ts)
);
CREATE INDEX slack_threads_joined_at ON slack_threads (joined_at);
