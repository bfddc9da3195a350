package club.questmaster.users.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One refresh token, by the SHA-256 of its value (the value itself is never stored). */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Set when exchanged for a new pair: presenting it again is reuse. */
    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    boolean dead() {
        return rotatedAt != null || revokedAt != null;
    }
}
