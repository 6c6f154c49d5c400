-- Reminder outbox, v2: the due date joins the unique key, and delivery is recorded.
-- A reminder is one row per (deadline, chat, offset): the deadline is the region's stage
-- *on its due date*, so the due date joins the unique key. When the calendar moves a
-- deadline, pending rows of the old date are cancelled and the new date gets its own
-- rows (H-14 and H-7 of a postponed deadline are sent again, for the new date), while
-- rows already sent stay as the record of what the group was told.
DO $$
DECLARE c text;
BEGIN
  FOR c IN
    SELECT conname FROM pg_constraint
     WHERE conrelid = 'reminder_outbox'::regclass AND contype = 'u'
  LOOP
    EXECUTE format('ALTER TABLE reminder_outbox DROP CONSTRAINT %I', c);
  END LOOP;
END $$;

ALTER TABLE reminder_outbox
  ADD CONSTRAINT reminder_outbox_deadline_chat_offset_key UNIQUE (region_code, stage_id, due_on, chat_id, offset_days);

-- The platform's id of the delivered message (Telegram message_id, Slack ts): proof of delivery.
ALTER TABLE reminder_outbox ADD COLUMN message_id text;

-- Claiming due rows, and finding rows of one chat (catch-up, deactivation).
CREATE INDEX reminder_outbox_retry_idx ON reminder_outbox (status, next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX reminder_outbox_chat_idx ON reminder_outbox (chat_id, region_code, stage_id);
