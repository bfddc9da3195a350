package club.questmaster.audit.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who runs a game, as the latest of its events says (projection kept by the game-events consumer). */
@Entity
@Table(name = "game_owner")
public class GameOwner {

    @Id
    @Column(name = "game_id")
    public Long gameId;

    @Column(name = "gm_id", nullable = false)
    public String gmId;

    @Column(name = "game_slug", nullable = false)
    public String gameSlug;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
