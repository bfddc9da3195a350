-- Accounts. The id is a 17-21 digit decimal string: the Discord snowflake for Discord users (at most 19 digits),
-- 20 digits for local accounts, so the two can never collide.
CREATE TABLE app_user (
    id               VARCHAR(21)  PRIMARY KEY CHECK (id ~ '^[0-9]{17,21}$'),
    username         VARCHAR(20)  NOT NULL CHECK (username ~ '^[A-Za-z0-9_.-]{2,20}$'),
    name             VARCHAR(100) NOT NULL,
    avatar           VARCHAR(500),
    -- Role names in rank order, comma-separated ("player,gm"): a plain column keeps HQL filters simple.
    roles            VARCHAR(64)  NOT NULL DEFAULT '',
    provider         VARCHAR(10)  NOT NULL CHECK (provider IN ('local', 'discord')),
    password_hash    VARCHAR(100),
    not_player_as_of TIMESTAMPTZ,
    banned           BOOLEAN      NOT NULL DEFAULT FALSE,
    ban_reason       VARCHAR(500),
    banned_at        TIMESTAMPTZ,
    failed_logins    INTEGER      NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    last_login_at    TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    -- Soft delete: the row (and its id) stays so that games, trophies and audit rows keep pointing at someone.
    deleted_at       TIMESTAMPTZ
);

-- Usernames are unique case-insensitively among live accounts (a deleted account frees its name).
CREATE UNIQUE INDEX app_user_username_live ON app_user (lower(username)) WHERE deleted_at IS NULL;
CREATE INDEX app_user_banned ON app_user (id) WHERE banned;

-- Refresh tokens: only a SHA-256 of the opaque value is stored. Tokens of one login share a family; presenting a
-- rotated (or revoked) token again revokes the whole family.
CREATE TABLE refresh_token (
    id          UUID         PRIMARY KEY,
    token_hash  VARCHAR(64)    NOT NULL UNIQUE,
    user_id     VARCHAR(21)  NOT NULL REFERENCES app_user (id),
    family_id   UUID         NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    rotated_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX refresh_token_user ON refresh_token (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_family ON refresh_token (family_id);
