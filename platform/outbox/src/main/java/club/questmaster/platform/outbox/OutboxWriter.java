package club.questmaster.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Appends events to the outbox inside the caller's current transaction: the event exists if and only if the change
 * it reports was committed. The only way services emit events.
 *
 * <p>Two ways in, one row format: inside a Hibernate Reactive transaction ({@link #append(OutgoingEvent)}), or on the
 * transaction's own Vert.x connection ({@link #append(SqlConnection, OutgoingEvent)}) for a path that runs on the
 * reactive pool with no Hibernate session (games-service's registration, docs/performance.md P1). Both write the
 * same columns from the same values; only the placeholder syntax differs (named for Hibernate, {@code $n} for the
 * PostgreSQL client).
 */
@ApplicationScoped
public class OutboxWriter {

    private static final List<String> COLUMNS = List.of("event_id", "topic", "record_key", "ce_type", "ce_source",
            "ce_subject", "occurred_at", "payload");
    /** Hibernate's native query: {@code :p1 … :p8}. */
    private static final String INSERT_NAMED = insert(i -> ":p" + i);
    /** The PostgreSQL client's prepared statement: {@code $1 … $8}. */
    private static final String INSERT_NUMBERED = insert(i -> "$" + i);

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Must run inside a transaction ({@code @WithTransaction} on the calling service method). */
    public Uni<Void> append(OutgoingEvent event) {
        Object[] values;
        try {
            values = values(event);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT_NAMED);
            for (int i = 0; i < values.length; i++) {
                insert.setParameter("p" + (i + 1), values[i]);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * The same row on {@code connection}, which must be inside a transaction (e.g. {@code Pool#withTransaction}): the
     * row commits or rolls back with the change it reports.
     */
    public Uni<Void> append(SqlConnection connection, OutgoingEvent event) {
        Object[] values;
        try {
            values = values(event);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return connection.preparedQuery(INSERT_NUMBERED).execute(Tuple.wrap(values)).replaceWithVoid();
    }

    /** The row's values in {@link #COLUMNS}' order; the record key is the subject (one subject, one partition). */
    private Object[] values(OutgoingEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable", e);
        }
        return new Object[] {event.eventId(), event.topic(), event.subject(), event.type(), event.source(),
                event.subject(), event.occurredAt(), payload};
    }

    private static String insert(IntFunction<String> placeholder) {
        return "INSERT INTO outbox_event (" + String.join(", ", COLUMNS) + ") VALUES ("
                + IntStream.rangeClosed(1, COLUMNS.size()).mapToObj(placeholder).collect(Collectors.joining(", "))
                + ")";
    }
}
