package club.questmaster.trophies.awards;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The games whose archive already gave badges ({@code game_award}). */
@ApplicationScoped
public class GameAwardRepository {

    /** Records that this game's badges are being given, in the caller's transaction; false if they already were. */
    public Uni<Boolean> claim(String gameId, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO game_award (game_id, event_id) VALUES (:gameId, :eventId) ON CONFLICT DO NOTHING")
                .setParameter("gameId", gameId)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
