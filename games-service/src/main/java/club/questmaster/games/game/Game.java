package club.questmaster.games.game;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A game announcement (the original's {@code Game}); never leaves the service layer. */
@Entity
@Table(name = "game")
public class Game {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    public String type;
    public String length;
    @Column(name = "gm_id")
    public String gmId;
    @Column(name = "system_id")
    public Long systemId;
    @Column(name = "vtt_id")
    public Long vttId;
    public String description;
    public String restriction;
    @Column(name = "restriction_tags")
    public String restrictionTags;
    @Column(name = "party_size")
    public int partySize;
    @Column(name = "party_selection")
    public boolean partySelection;
    public String xp;
    public OffsetDateTime date;
    @Column(name = "session_length", precision = 3, scale = 1)
    public BigDecimal sessionLength;
    public String frequency;
    public String characters;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Integer> classification;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] ambience;
    public String complement;
    public String img;
    public String status;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "special_event_id")
    public Long specialEventId;
    @Column(name = "registration_opens_at")
    public OffsetDateTime registrationOpensAt;
    @Column(name = "waitlist_enabled")
    public boolean waitlistEnabled = true;
    @Column(name = "waitlist_offer_hours")
    public int waitlistOfferHours = 24;
    @Column(name = "min_players")
    public Integer minPlayers;
    @Column(name = "go_no_go_at")
    public OffsetDateTime goNoGoAt;
    @Column(name = "go_no_go_decided")
    public boolean goNoGoDecided;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public GameStatus status() {
        return GameStatus.of(status);
    }

    public void status(GameStatus next, ClosedReason reason) {
        this.status = next.value();
        this.closedReason = next == GameStatus.CLOSED ? reason.value() : null;
    }

    public boolean autoClosed() {
        return status() == GameStatus.CLOSED && ClosedReason.AUTO.value().equals(closedReason);
    }
}
