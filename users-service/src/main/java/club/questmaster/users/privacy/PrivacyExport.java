package club.questmaster.users.privacy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One export request (api.md §8); the sections of the other services arrive in {@code privacy_export_part}. */
@Entity
@Table(name = "privacy_export")
public class PrivacyExport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    /** Set when the complete export was answered; the next request starts a new one. */
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
