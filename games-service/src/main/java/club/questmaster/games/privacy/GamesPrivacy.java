package club.questmaster.games.privacy;

import club.questmaster.games.game.GameRepository;
import club.questmaster.games.seat.Seating;
import club.questmaster.platform.privacy.PrivacyParticipant;
import club.questmaster.platform.privacy.PrivacySql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * games-service's part of api.md §8. Export: the games the user runs or ran, their registrations, the alerts they
 * reported, their poll answers, their places in waitlists. Erasure: their registrations, alerts, poll answers and waitlist
 * entries go (a seat or an offer they held goes to the next in line); the games they ran stay, with their sessions and their
 * players (someone else's data), under the erased user's id, which every users projection now names
 * "Utilisateur·rice supprimé·e".
 */
@ApplicationScoped
public class GamesPrivacy implements PrivacyParticipant {

    static final String SECTION = """
            json_build_object(
              'games_run', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'slug', g.slug, 'name', g.name,
                  'type', g.type, 'status', g.status, 'date', g.date, 'created_at', g.created_at) ORDER BY g.id),
                  '[]'::json) FROM game g WHERE g.gm_id = :user_id),
              'registrations', (SELECT coalesce(json_agg(json_build_object('game_id', g.id, 'slug', g.slug,
                  'name', g.name, 'status', g.status, 'registered_at', p.registered_at) ORDER BY g.id), '[]'::json)
                  FROM game_player p JOIN game g ON g.id = p.game_id WHERE p.player_id = :user_id),
              'alerts', (SELECT coalesce(json_agg(json_build_object('game_id', g.id, 'slug', g.slug,
                  'message', a.message, 'created_at', a.created_at) ORDER BY a.id), '[]'::json)
                  FROM game_alert a JOIN game g ON g.id = a.game_id WHERE a.reporter_id = :user_id),
              'poll_answers', (SELECT coalesce(json_agg(json_build_object('game_id', g.id, 'slug', g.slug,
                  'poll_id', pa.poll_id, 'option_id', pa.option_id, 'starts_at', o.starts_at, 'ends_at', o.ends_at,
                  'answer', pa.answer) ORDER BY pa.poll_id, o.starts_at), '[]'::json)
                  FROM game_poll_answer pa JOIN game_poll_option o ON o.id = pa.option_id
                  JOIN game_poll p ON p.id = pa.poll_id JOIN game g ON g.id = p.game_id
                  WHERE pa.user_id = :user_id),
              'waitlists', (SELECT coalesce(json_agg(json_build_object('game_id', g.id, 'slug', g.slug,
                  'status', w.status, 'joined_at', w.joined_at, 'offered_until', w.offered_until) ORDER BY g.id),
                  '[]'::json) FROM waitlist_entry w JOIN game g ON g.id = w.game_id WHERE w.player_id = :user_id))""";

    static final String[] ERASE = {
        "DELETE FROM game_player WHERE player_id = :user_id",
        "DELETE FROM game_alert WHERE reporter_id = :user_id",
        "DELETE FROM game_poll_answer WHERE user_id = :user_id",
        "DELETE FROM waitlist_entry WHERE player_id = :user_id",
    };

    private final PrivacySql sql;
    private final GameRepository games;
    private final Seating seating;

    public GamesPrivacy(PrivacySql sql, GameRepository games, Seating seating) {
        this.sql = sql;
        this.games = games;
        this.seating = seating;
    }

    @Override
    public Uni<Object> export(String userId) {
        return sql.section(SECTION, userId);
    }

    /**
     * The seats and offers the user held in open or closed games are freed as any seat is (the game locked first, then
     * offered to the next in line, or the game reopened), but without an event about the erased user: the next
     * events of those games just no longer list them.
     */
    @Override
    public Uni<Void> erase(String userId) {
        return games.lockGamesHeldBy(userId)
                .chain(held -> sql.apply(userId, ERASE).chain(() -> settle(held)));
    }

    private Uni<Void> settle(List<Long> gameIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long id : gameIds) {
            chain = chain.chain(() -> games.findById(id).chain(seating::of).chain(seating::settle).replaceWithVoid());
        }
        return chain;
    }
}
