-- /tunda <hari>: a chat's admin pauses one stage's reminders for 1–30 days. The planner
-- plans no slot before `until`, and slots inside the pause are not caught up on afterwards.
CREATE TABLE reminder_pauses (
  chat_ref integer NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  stage_id text NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
  until timestamptz NOT NULL,
  paused_by text NOT NULL,
  paused_at timestamptz NOT NULL,
  PRIMARY KEY (chat_ref, stage_id)
);
CREATE INDEX reminder_pauses_until_idx ON reminder_pauses (until);
