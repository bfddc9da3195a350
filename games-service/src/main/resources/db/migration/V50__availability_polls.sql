-- Availability polls (contract §7): a gm proposes 2-20 candidate sessions, registered players answer yes/maybe/no,
-- the gm picks one and it becomes a session. A poll is 'open' until picked or closed by the gm; past closes_at it
-- reads as 'closed' (PollRules.status) and takes no answers.
CREATE TABLE game_poll (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    game_id    BIGINT      NOT NULL REFERENCES game (id) ON DELETE CASCADE,
    status     VARCHAR(10) NOT NULL CHECK (status IN ('open', 'picked', 'closed')),
    closes_at  TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    picked_option_id BIGINT,
    session_id BIGINT
);

-- One open poll per game, enforced by the database too (two gms' tabs racing each other).
CREATE UNIQUE INDEX game_poll_one_open ON game_poll (game_id) WHERE status = 'open';

CREATE TABLE game_poll_option (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id   BIGINT      NOT NULL REFERENCES game_poll (id) ON DELETE CASCADE,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);

CREATE INDEX game_poll_option_poll ON game_poll_option (poll_id, starts_at, id);

CREATE TABLE game_poll_answer (
    option_id BIGINT      NOT NULL REFERENCES game_poll_option (id) ON DELETE CASCADE,
    poll_id   BIGINT      NOT NULL REFERENCES game_poll (id) ON DELETE CASCADE,
    user_id   VARCHAR(21) NOT NULL,
    answer    VARCHAR(5)  NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    PRIMARY KEY (option_id, user_id)
);

CREATE INDEX game_poll_answer_poll ON game_poll_answer (poll_id, user_id);
-- Erasure and export find a user's answers by user.
CREATE INDEX game_poll_answer_user ON game_poll_answer (user_id);
