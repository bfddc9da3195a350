package club.questmaster.users.apitoken;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An API token for a bot (api.md §8), by the SHA-256 of its secret (the secret itself is never stored). */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public String userId;

    public String name;

    /** Space-separated, as in the JWT {@code scope} claim. */
    @Column(name = "scopes")
    public String scopeList;

    @Column(name = "token_hash")
    public String tokenHash;

    /** The {@code sid} of the JWTs this token is exchanged for. */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public List<String> scopes() {
        return scopeList == null || scopeList.isBlank() ? List.of() : Arrays.asList(scopeList.split(" "));
    }

    public boolean liveAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
