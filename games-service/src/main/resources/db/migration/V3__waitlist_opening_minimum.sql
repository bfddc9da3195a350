-- Contract v1.1 §7: sign-up opening, the waitlist with timed offers, minimum players with go/no-go, and the new
-- terminal status 'cancelled'.

ALTER TABLE game DROP CONSTRAINT game_status_check;
ALTER TABLE game ADD CONSTRAINT game_status_check
    CHECK (status IN ('draft', 'open', 'closed', 'archived', 'cancelled'));

ALTER TABLE game
    ADD COLUMN registration_opens_at TIMESTAMPTZ,
    ADD COLUMN waitlist_enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN waitlist_offer_hours  INTEGER NOT NULL DEFAULT 24 CHECK (waitlist_offer_hours BETWEEN 0 AND 168),
    ADD COLUMN min_players           INTEGER,
    ADD COLUMN go_no_go_at           TIMESTAMPTZ,
    -- Set once the go/no-go decision was taken (the game had enough players, or was cancelled); reset when the gm
    -- moves go_no_go_at or changes min_players, so the scheduler looks at each game once per decision.
    ADD COLUMN go_no_go_decided      BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN cancel_reason         TEXT,
    ADD CONSTRAINT game_min_players CHECK (min_players IS NULL OR min_players BETWEEN 1 AND party_size),
    ADD CONSTRAINT game_go_no_go_needs_min CHECK (go_no_go_at IS NULL OR min_players IS NOT NULL),
    ADD CONSTRAINT game_go_no_go_before_date CHECK (go_no_go_at IS NULL OR go_no_go_at < date);

-- The go/no-go scheduler's scan: games still to decide, by instant.
CREATE INDEX game_go_no_go_due ON game (go_no_go_at) WHERE go_no_go_at IS NOT NULL AND NOT go_no_go_decided;

-- The queue of a full game. position = rank by seq among the game's entries (no stored position to renumber);
-- seq is taken under the game's row lock, so it follows commit order. An entry leaves the table when the player
-- leaves the queue, accepts, declines, lets the offer expire, or is registered by the gm.
CREATE TABLE waitlist_entry (
    game_id       BIGINT      NOT NULL REFERENCES game (id) ON DELETE CASCADE,
    player_id     VARCHAR(21) NOT NULL,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    joined_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    status        TEXT        NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered')),
    offered_until TIMESTAMPTZ,
    PRIMARY KEY (game_id, player_id),
    CHECK ((status = 'offered') = (offered_until IS NOT NULL))
);
CREATE UNIQUE INDEX waitlist_entry_order ON waitlist_entry (game_id, seq);
CREATE INDEX waitlist_entry_player ON waitlist_entry (player_id);
-- The expiry scheduler's scan: offers by deadline.
CREATE INDEX waitlist_offer_due ON waitlist_entry (offered_until) WHERE status = 'offered';
