package club.questmaster.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SQL for {@link PrivacyParticipant}s, on the session of the current transaction (no second connection): a section
 * built by PostgreSQL itself as one JSON value ({@code json_build_object}, {@code json_agg}), and the statements of an
 * erasure. Every statement takes the user id as its only parameter, {@code :user_id}.
 */
@ApplicationScoped
public class PrivacySql {

    private final ObjectMapper json;

    public PrivacySql(ObjectMapper json) {
        this.json = json;
    }

    /** {@code sql} selects one row with one JSON (or text) column: the section. */
    public Uni<Object> section(String sql, String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT (" + sql + ")::text",
                String.class).setParameter("user_id", userId).getSingleResult()).map(this::tree);
    }

    /** Runs the statements in order; returns the number of rows they changed. */
    public Uni<Integer> apply(String userId, String... statements) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String statement : statements) {
            chain = chain.chain(total -> Panache.getSession().chain(session -> session.createNativeQuery(statement)
                    .setParameter("user_id", userId).executeUpdate()).map(n -> total + n));
        }
        return chain;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a privacy section is not JSON", e);
        }
    }
}
