-- The number of games per (status, type, restriction), kept by triggers in the same transaction as the change, so
-- GET /api/v1/games reads an exact total from a few dozen small rows instead of counting every matching game
-- (count(*) over the 30 000 open games of a 100 000-game catalogue cost more than the page itself).
--
-- A change adds +1/-1 deltas to its backend's own slot (pg_backend_pid() % 16) rather than to one row per key, so
-- concurrent writers (two games auto-closing at the same time) rarely wait on each other's counter row; the total of
-- a key is the sum over its slots. Each statement touches its counter rows in key order (no deadlock between two
-- writers), and a statement that changes none of the three columns (most UPDATEs: Hibernate rewrites every column)
-- nets to zero and writes nothing.
CREATE TABLE game_count (
    status      TEXT     NOT NULL,
    type        TEXT     NOT NULL,
    restriction TEXT     NOT NULL,
    slot        SMALLINT NOT NULL,
    n           BIGINT   NOT NULL,
    PRIMARY KEY (status, type, restriction, slot)
);

INSERT INTO game_count (status, type, restriction, slot, n)
SELECT status, type, restriction, 0, count(*) FROM game GROUP BY status, type, restriction;

CREATE FUNCTION game_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO game_count AS c (status, type, restriction, slot, n)
        SELECT status, type, restriction, pg_backend_pid() % 16, count(*) FROM new_rows
        GROUP BY status, type, restriction ORDER BY status, type, restriction
        ON CONFLICT (status, type, restriction, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO game_count AS c (status, type, restriction, slot, n)
        SELECT status, type, restriction, pg_backend_pid() % 16, -count(*) FROM old_rows
        GROUP BY status, type, restriction ORDER BY status, type, restriction
        ON CONFLICT (status, type, restriction, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSE
        INSERT INTO game_count AS c (status, type, restriction, slot, n)
        SELECT status, type, restriction, pg_backend_pid() % 16, sum(d) FROM (
            SELECT status, type, restriction, 1 AS d FROM new_rows
            UNION ALL
            SELECT status, type, restriction, -1 AS d FROM old_rows) delta
        GROUP BY status, type, restriction HAVING sum(d) <> 0 ORDER BY status, type, restriction
        ON CONFLICT (status, type, restriction, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER game_count_insert AFTER INSERT ON game REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION game_count_apply();
CREATE TRIGGER game_count_update AFTER UPDATE ON game REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION game_count_apply();
CREATE TRIGGER game_count_delete AFTER DELETE ON game REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION game_count_apply();
