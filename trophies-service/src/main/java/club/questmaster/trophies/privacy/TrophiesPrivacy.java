package club.questmaster.trophies.privacy;

import club.questmaster.platform.privacy.PrivacyParticipant;
import club.questmaster.platform.privacy.PrivacySql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * trophies-service's part of api.md §8. Export: the badges the user holds, with their quantities. Erasure: they are
 * deleted, which takes the user off every leaderboard (boards are read from the same rows), and none is awarded to
 * them again.
 */
@ApplicationScoped
public class TrophiesPrivacy implements PrivacyParticipant {

    static final String SECTION = """
            json_build_object(
              'trophies', (SELECT coalesce(json_agg(json_build_object('trophy_id', t.id, 'name', t.name,
                  'quantity', ut.quantity) ORDER BY t.id), '[]'::json)
                  FROM user_trophy ut JOIN trophy t ON t.id = ut.trophy_id WHERE ut.user_id = :user_id))""";

    /** Remembered first: the trigger of V30 then refuses any later award to them (a replay, an archive). */
    static final String[] ERASE = {
        "INSERT INTO erased_user (id) VALUES (:user_id) ON CONFLICT DO NOTHING",
        "DELETE FROM user_trophy WHERE user_id = :user_id",
    };

    private final PrivacySql sql;

    public TrophiesPrivacy(PrivacySql sql) {
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
