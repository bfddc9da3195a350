package club.questmaster.games.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One candidate session of a poll. */
@Entity
@Table(name = "game_poll_option")
public class PollOption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "poll_id")
    public Long pollId;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    public PollOption() {
    }

    PollOption(long pollId, OffsetDateTime start, OffsetDateTime end) {
        this.pollId = pollId;
        this.startsAt = start;
        this.endsAt = end;
    }
}
