-- Parked outbox rows (platform-outbox OutboxRelay): a row the broker can never accept (too large, refused as invalid)
-- is set aside with the reason instead of blocking every game behind it. Later rows of the same key wait behind it,
-- so one game's order is never broken; an operator fixes the cause and sets parked_at back to NULL (retry), or
-- deletes the row (give it up). See docs/consumers.md "The outbox relay".
ALTER TABLE outbox_event
    ADD COLUMN parked_at   TIMESTAMPTZ,
    ADD COLUMN park_reason TEXT;

CREATE INDEX outbox_event_parked ON outbox_event (topic, record_key) WHERE parked_at IS NOT NULL AND sent_at IS NULL;
