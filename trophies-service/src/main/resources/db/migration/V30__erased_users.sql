-- api.md §8 erasure (privacy package): the ids of erased users. An erased user's badges are deleted, and a badge
-- awarded later (the archive of a game they ran, a replay) must not bring one back: inserts for them are skipped.
CREATE TABLE erased_user (
    id        VARCHAR(21) PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION user_trophy_skip_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM erased_user WHERE id = NEW.user_id) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER user_trophy_skip_erased BEFORE INSERT ON user_trophy
    FOR EACH ROW EXECUTE FUNCTION user_trophy_skip_erased();
