package club.questmaster.users.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A login session: one refresh-token family (api.md §8). Its id is the family id and the {@code sid} claim of its
 * access tokens.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    public static final int USER_AGENT_MAX = 255;

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean liveAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** The User-Agent header as stored: trimmed to the column, control characters dropped. */
    public static String userAgent(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String clean = header.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > USER_AGENT_MAX ? clean.substring(0, USER_AGENT_MAX) : clean;
    }
}
