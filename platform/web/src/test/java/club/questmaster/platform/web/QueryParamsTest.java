package club.questmaster.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void blankMeansAbsent() {
        assertNull(QueryParams.optionalLong("system_id", " "));
        assertNull(QueryParams.optionalInt("page", null));
        assertEquals(Optional.empty(), QueryParams.bool("banned", ""));
        assertEquals(Optional.empty(), QueryParams.text("q", "  ", 10));
        assertNull(QueryParams.optionalTime("from", "", new CommunityTime(() -> ZoneId.of("Europe/Paris"))));
    }

    @Test
    void badValuesAreA400NamingTheParameter() {
        assertField("page", () -> PageRequest.parse("abc", null));
        assertField("per_page", () -> PageRequest.parse("1", "99999999999"));
        assertField("banned", () -> QueryParams.bool("banned", "yes"));
        assertField("q", () -> QueryParams.text("q", "x".repeat(11), 10));
        assertField("from", () -> QueryParams.optionalTime("from", "yesterday",
                new CommunityTime(() -> ZoneId.of("Europe/Paris"))));
    }

    @Test
    void goodValuesAreRead() {
        assertEquals(new PageRequest(3, 100), PageRequest.parse(" 3 ", "500"));
        assertEquals(42L, QueryParams.optionalLong("system_id", "42"));
        assertEquals(Optional.of(false), QueryParams.bool("banned", "FALSE"));
        assertEquals(Optional.of("notsag"), QueryParams.text("q", " notsag ", 10));
    }

    private static void assertField(String field, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals(field, e.errors().get(0).field());
    }
}
