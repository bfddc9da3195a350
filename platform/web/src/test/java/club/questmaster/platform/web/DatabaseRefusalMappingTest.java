package club.questmaster.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A refusal of the database that no check foresaw is still the client's 4xx, whichever shape the driver gives it:
 * the Vert.x client's {@link PgException}, or the {@link SQLException} Hibernate Reactive wraps some of them in
 * (the fuzz suite met both), however deep in the cause chain.
 */
class DatabaseRefusalMappingTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static String code(Response r) {
        return ((Problem) r.getEntity()).code();
    }

    @Test
    void textTheDatabaseCannotStoreIsA400WhetherAPgExceptionOrAnSqlException() {
        Response pg = mappers.unexpected(new CompletionException(new PgException("invalid byte sequence", "ERROR",
                "22021", null)));
        Response sql = mappers.unexpected(new IllegalStateException(new SQLException("invalid byte sequence",
                "22021")));
        assertEquals(400, pg.getStatus());
        assertEquals("VALIDATION_ERROR", code(pg));
        assertEquals(400, sql.getStatus());
        assertEquals("VALIDATION_ERROR", code(sql));
    }

    @Test
    void aValueOutOfAColumnsRangeIsA400AndADuplicateA409() {
        assertEquals(400, mappers.unexpected(new SQLException("out of range", "22003")).getStatus());
        Response duplicate = mappers.unexpected(new SQLException("duplicate key", "23505"));
        assertEquals(409, duplicate.getStatus());
        assertEquals("CONFLICT", code(duplicate));
    }

    @Test
    void aDatabaseFailureThatIsNotTheClientsIsStillA500() {
        assertEquals(500, mappers.unexpected(new SQLException("connection lost", "08006")).getStatus());
    }
}
