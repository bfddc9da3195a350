-- api.md §8 erasure in audit-service: the user's rows keep their action and time, lose the user id, and the user's
-- name and username (3 characters or more) are replaced in their descriptions.
--
-- Two consumers of questmaster.user.erased act on it in their own order: the privacy consumer (AuditPrivacy) and the
-- users projection (platform/security UserDirectory.erase), which forgets the name and username. When the projection
-- came first, the privacy step had no names left to replace and they stayed in the timeline. So the one rule lives
-- here, and runs from both: AuditPrivacy calls it, and the projection's erasure calls it through the trigger below,
-- before the names are forgotten. Whichever comes second finds nothing left to change.
CREATE PROCEDURE erase_from_timeline(p_user_id text)
LANGUAGE plpgsql AS $$
DECLARE
    erased_name CONSTANT text := 'Utilisateur·rice supprimé·e';
    known RECORD;
BEGIN
    -- Called from a BEFORE UPDATE trigger too: the projection's row still holds the names then.
    SELECT k.name, k.username INTO known FROM known_user k WHERE k.id = p_user_id;
    IF length(known.username) >= 3 THEN
        UPDATE game_event SET description = replace(description, known.username, erased_name)
        WHERE user_id = p_user_id;
    END IF;
    IF length(known.name) >= 3 THEN
        UPDATE game_event SET description = replace(description, known.name, erased_name)
        WHERE user_id = p_user_id;
    END IF;
    UPDATE game_event SET user_id = NULL WHERE user_id = p_user_id;
END $$;

CREATE FUNCTION known_user_erasure_reaches_timeline() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.erased AND NOT OLD.erased THEN
        CALL erase_from_timeline(OLD.id);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER known_user_erasure_reaches_timeline BEFORE UPDATE OF erased ON known_user
    FOR EACH ROW EXECUTE FUNCTION known_user_erasure_reaches_timeline();
