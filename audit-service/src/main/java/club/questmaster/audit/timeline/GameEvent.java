package club.questmaster.audit.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored game event (the original's GameEvent, docs/original-rules.md#game-model, plus event_id and game_slug).
 * Read-only for Hibernate: rows are written in batches by {@link club.questmaster.audit.ingest.GameEventStore}.
 */
@Entity
@Table(name = "game_event")
public class GameEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "timestamp", nullable = false)
    public OffsetDateTime timestamp;

    @Column(nullable = false)
    public String action;

    @Column(name = "game_id", nullable = false)
    public Long gameId;

    @Column(name = "game_slug", nullable = false)
    public String gameSlug;

    public String description;

    @Column(name = "user_id")
    public String userId;
}
