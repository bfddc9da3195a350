-- Authority from the projection (platform-security, contract §6 "Authority" and §8): delegated permissions, erased
-- users (nothing kept but the id, so their tokens are still refused) and revoked sessions (tokens with that sid are
-- refused). Permissions are absent from v1 events: a v1 snapshot keeps the stored ones.
ALTER TABLE known_user
    ADD COLUMN permissions TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN erased      BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per revoked session, kept longer than any access token of it can live, then purged.
CREATE TABLE revoked_session (
    user_id    VARCHAR(21)  NOT NULL,
    session_id VARCHAR(100) NOT NULL,
    revoked_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, session_id)
);

CREATE INDEX revoked_session_revoked_at ON revoked_session (revoked_at);
