-- Idempotent consumers (platform-messaging): the id of every event whose effect is committed, written in the same
-- transaction as that effect, so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
