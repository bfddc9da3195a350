-- Failed logins counted per account AND client address (contract §6 "Abuse"): five failures in a row from one
-- address lock the account for that address only, so a stranger cannot keep its owner out. (app_user's
-- failed_logins/locked_until are no longer written by login.)
CREATE TABLE login_failure (
    user_id        VARCHAR(21)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    client_address VARCHAR(64)  NOT NULL,
    failures       INTEGER      NOT NULL,
    locked_until   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, client_address)
);
-- The hourly purge of stale rows.
CREATE INDEX login_failure_updated ON login_failure (updated_at);
