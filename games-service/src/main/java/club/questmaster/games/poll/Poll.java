package club.questmaster.games.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An availability poll of a game: candidate sessions the registered players answer (contract §7). */
@Entity
@Table(name = "game_poll")
public class Poll {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "game_id")
    public Long gameId;

    /** As stored: {@code open}, {@code picked} or {@code closed}; {@link PollRules#status} says what it reads as. */
    public String status;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "picked_option_id")
    public Long pickedOptionId;

    /** The session the picked option became. */
    @Column(name = "session_id")
    public Long sessionId;
}
