-- Users projection (platform-security): this service's copy of the public state of users, kept from
-- questmaster.user-events. Each event carries a full snapshot; an older snapshot never overwrites a newer one.
CREATE TABLE known_user (
    id               VARCHAR(21)  PRIMARY KEY,
    name             VARCHAR(100),
    username         VARCHAR(100),
    roles            TEXT[]       NOT NULL DEFAULT '{}',
    banned           BOOLEAN      NOT NULL DEFAULT FALSE,
    deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    not_player_as_of TIMESTAMPTZ,
    last_event_at    TIMESTAMPTZ  NOT NULL,
    last_event_id    UUID         NOT NULL
);

CREATE INDEX known_user_banned ON known_user (id) WHERE banned;
