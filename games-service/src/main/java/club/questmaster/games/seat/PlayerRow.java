package club.questmaster.games.seat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * The mapping of {@code game_player} for typed reads in HQL (always as scalar projections, never as managed entities;
 * the roster is written by SQL in {@code GameRepository}). It exists so that the seat read needs no native select:
 * Hibernate Reactive never reuses a native select's plan (see SeatRepository).
 */
@Entity
@Immutable
@Table(name = "game_player")
@IdClass(PlayerRow.Key.class)
public class PlayerRow {

    @Id
    @Column(name = "game_id")
    public Long gameId;
    @Id
    @Column(name = "player_id")
    public String playerId;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    /** The primary key: (game, player). */
    public static class Key implements Serializable {

        public Long gameId;
        public String playerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(gameId, other.gameId)
                    && Objects.equals(playerId, other.playerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(gameId, playerId);
        }
    }
}
