-- api.md §8: sessions, API tokens for bots, delegated permissions, privacy export and erasure.

-- Delegated permissions (manage_reference_data, manage_trophies, view_audit, moderate_games), comma-separated in
-- name order like roles. erased_at marks an account whose personal data was erased (it is also soft-deleted).
ALTER TABLE app_user ADD COLUMN permissions VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN erased_at TIMESTAMPTZ;

-- One session per refresh-token family: its id is the family id, and the access tokens of the session carry it as
-- their sid claim. Live while not revoked and not expired (expires_at follows the newest refresh token).
CREATE TABLE user_session (
    id           UUID         PRIMARY KEY,
    user_id      VARCHAR(21)  NOT NULL REFERENCES app_user (id),
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    user_agent   VARCHAR(255),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX user_session_user ON user_session (user_id, created_at) WHERE revoked_at IS NULL;
CREATE INDEX user_session_expiry ON user_session (expires_at);

-- The families that exist already become sessions (no user agent was recorded for them).
INSERT INTO user_session (id, user_id, created_at, last_used_at, expires_at, revoked_at)
SELECT family_id, min(user_id), min(issued_at), max(issued_at), max(expires_at),
       CASE WHEN bool_or(revoked_at IS NULL AND rotated_at IS NULL) THEN NULL
            ELSE max(coalesce(revoked_at, rotated_at)) END
FROM refresh_token GROUP BY family_id;

ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_session
    FOREIGN KEY (family_id) REFERENCES user_session (id) ON DELETE CASCADE;

-- API tokens: the secret (qmp_...) is shown once; only its SHA-256 is stored. session_id is the sid of the JWTs
-- the token is exchanged for, so revoking the token refuses them everywhere.
CREATE TABLE api_token (
    id           BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      VARCHAR(21)  NOT NULL REFERENCES app_user (id),
    name         VARCHAR(100) NOT NULL,
    -- space-separated, as in the JWT scope claim
    scopes       VARCHAR(200) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    session_id   UUID         NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id, created_at) WHERE revoked_at IS NULL;

-- Privacy exports: one row per request; each service's section arrives on questmaster.privacy-exports.
CREATE TABLE privacy_export (
    id           UUID         PRIMARY KEY,
    user_id      VARCHAR(21)  NOT NULL REFERENCES app_user (id),
    requested_at TIMESTAMPTZ  NOT NULL,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX privacy_export_user ON privacy_export (user_id, requested_at);

CREATE TABLE privacy_export_part (
    export_id   UUID         NOT NULL REFERENCES privacy_export (id) ON DELETE CASCADE,
    service     VARCHAR(40)  NOT NULL,
    data        JSONB        NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (export_id, service)
);
