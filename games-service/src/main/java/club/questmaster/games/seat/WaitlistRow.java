package club.questmaster.games.seat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;

/**
 * The mapping of {@code waitlist_entry} for typed reads (always as scalar projections, never as managed entities, so
 * a read after one of {@link WaitlistRepository}'s SQL writes in the same transaction sees that write).
 */
@Entity
@Immutable
@Table(name = "waitlist_entry")
public class WaitlistRow {

    @Id
    public Long seq;
    @Column(name = "game_id")
    public Long gameId;
    @Column(name = "player_id")
    public String playerId;
    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;
    @Column(name = "offered_until")
    public OffsetDateTime offeredUntil;
}
