package club.questmaster.users.privacy;

import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.PrivacyExportData;
import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores each service's answer to an export request ({@code questmaster.privacy-exports}). Idempotent: one answer
 * per export and service (a redelivery changes nothing); answers to an unknown, delivered or foreign export (the
 * user_id must match) are dropped. The platform's consumer recipe (docs/consumers.md): a transient failure is retried,
 * holding the partition; only an unreadable answer goes to {@code questmaster.privacy-exports.dlq}.
 */
@ApplicationScoped
public class PrivacyExportsConsumer {

    /** {@code $3::text}: a String bound to a jsonb parameter would be stored as a JSON string, not parsed. */
    private static final String STORE = "INSERT INTO privacy_export_part (export_id, service, data)"
            + " SELECT $1, $2, $3::text::jsonb WHERE EXISTS (SELECT 1 FROM privacy_export"
            + " WHERE id = $1 AND user_id = $4 AND delivered_at IS NULL)"
            + " ON CONFLICT (export_id, service) DO NOTHING";

    private final Pool pool;
    private final ObjectMapper json;
    private final ContractConsumer<PrivacyExportData> recipe;

    public PrivacyExportsConsumer(Pool pool, ObjectMapper json, ContractConsumers consumers) {
        this.pool = pool;
        this.json = json;
        // ON CONFLICT DO NOTHING: a redelivery raises no unique violation.
        this.recipe = consumers.create("privacy-exports", "privacy-exports", record -> read(record.value()), Set.of());
    }

    @Incoming("privacy-exports")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return recipe.consume(record, this::store);
    }

    private Uni<Void> store(PrivacyExportData answer) {
        if (ExportAssembly.sectionOf(answer.service()).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(STORE)
                .execute(Tuple.of(UUID.fromString(answer.exportId()), answer.service(), answer.data().toString(),
                        answer.userId()))
                .replaceWithVoid();
    }

    private PrivacyExportData read(byte[] value) {
        if (value == null) {
            throw new PoisonRecordException("empty value");
        }
        PrivacyExportData answer;
        try {
            answer = json.readValue(value, PrivacyExportData.class);
        } catch (IOException e) {
            throw new PoisonRecordException("value is not a privacy export answer: " + e.getMessage());
        }
        if (answer.exportId() == null || answer.userId() == null || answer.service() == null || answer.data() == null) {
            throw new PoisonRecordException("export_id, user_id, service and data are required");
        }
        try {
            UUID.fromString(answer.exportId());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("export_id is not a UUID");
        }
        return answer;
    }
}
