package club.questmaster.audit.privacy;

import club.questmaster.platform.privacy.PrivacyParticipant;
import club.questmaster.platform.privacy.PrivacySql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * audit-service's part of api.md §8. Export: the timeline rows the user is the author (or the player) of, and the
 * games whose timeline they own as gm. Erasure: those rows keep their action and time, lose the user id, and the
 * user's name and username (as this service's users projection still knows them, 3 characters or more) are
 * replaced in their descriptions; the games keep their timeline for their other readers.
 */
@ApplicationScoped
public class AuditPrivacy implements PrivacyParticipant {

    static final String SECTION = """
            json_build_object(
              'events', (SELECT coalesce(json_agg(json_build_object('timestamp', e.timestamp, 'action', e.action,
                  'game_id', e.game_id, 'game_slug', e.game_slug, 'description', e.description)
                  ORDER BY e.timestamp, e.id), '[]'::json) FROM game_event e WHERE e.user_id = :user_id),
              'games_owned', (SELECT coalesce(json_agg(json_build_object('game_id', o.game_id,
                  'game_slug', o.game_slug) ORDER BY o.game_id), '[]'::json)
                  FROM game_owner o WHERE o.gm_id = :user_id))""";

    /**
     * The rule is one database procedure (migration V4), which the users projection's own erasure also runs: the two
     * consumers of the erasure event come in either order, and the names must be replaced before the projection
     * forgets them.
     */
    static final String[] ERASE = {"CALL erase_from_timeline(:user_id)"};

    private final PrivacySql sql;

    public AuditPrivacy(PrivacySql sql) {
        this.sql = sql;
    }

    @Override
    public Uni<Object> export(String userId) {
        return sql.section(SECTION, userId);
    }

    @Override
    public Uni<Void> erase(String userId) {
        return sql.apply(userId, ERASE).replaceWithVoid();
    }
}
