-- Transactional outbox (platform-messaging). A state change and its events are written in one transaction;
-- OutboxRelay publishes the rows in id order and marks them sent. Platform migrations use versions 0.x so that a
-- service's own migrations (1, 2, ...) always come after them.
CREATE TABLE outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    ce_type     TEXT        NOT NULL,
    ce_source   TEXT        NOT NULL,
    ce_subject  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    sent_at     TIMESTAMPTZ
);

CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay at commit time (notifications are delivered on commit, so it never sees uncommitted rows).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('questmaster_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
