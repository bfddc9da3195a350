package club.questmaster.audit.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A game event read from Kafka and checked, ready to be stored: its timeline row plus the owner it names. */
record ReceivedEvent(UUID eventId, OffsetDateTime timestamp, String action, long gameId, String gameSlug,
        String description, String userId, String gmId) {
}
