package club.questmaster.platform.privacy;

import io.smallrye.mutiny.Uni;

/**
 * What a service holds about users, for the export and the erasure of api.md §8. Each service that keeps user data
 * (games-, trophies-, audit-service) provides exactly one bean; {@link PrivacyRequestsConsumer} calls it for each
 * {@code questmaster.user.export.requested} and {@code questmaster.user.erased} event, inside a transaction.
 */
public interface PrivacyParticipant {

    /** Everything this service holds about the user, as JSON-serialisable data (its section of the export). */
    Uni<Object> export(String userId);

    /**
     * Removes or anonymises what this service holds about the user, as §8 says for this service, without breaking
     * anyone else's data. Must be idempotent: a replay of the user-events topic applies it again.
     */
    Uni<Void> erase(String userId);
}
