-- Send windows shared by every replica on one PostgreSQL database: one row per bot
-- (its overall window) and one per chat that has a window of its own (a Telegram
-- group), holding the release times (epoch ms) of the last sends and a pause
-- (429 retry_after). A reservation locks the rows it reads, so two processes never
-- hand out the same slot and a bot's limits are not doubled by running two replicas.
CREATE TABLE IF NOT EXISTS pace_windows (
  key text PRIMARY KEY,
  stamps double precision[] NOT NULL DEFAULT '{}',
  paused_until double precision NOT NULL DEFAULT '-infinity',
  updated_at timestamptz NOT NULL DEFAULT now()
);
