-- One invite per request that created it (a Slack slash command's trigger_id): a replayed
-- or retried command gets the same invite back instead of a new code each time.
ALTER TABLE invites ADD COLUMN request_key text;
CREATE UNIQUE INDEX invites_request_key ON invites (request_key);
