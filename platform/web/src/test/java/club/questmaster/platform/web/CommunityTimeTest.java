package club.questmaster.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CommunityTimeTest {

    private final CommunityTime paris = new CommunityTime(() -> ZoneId.of("Europe/Paris"));

    @Test
    void aTimeWithoutOffsetIsReadInTheCommunityZone() {
        assertEquals(OffsetDateTime.of(2026, 1, 10, 20, 30, 0, 0, ZoneOffset.ofHours(1)),
                paris.parse("2026-01-10T20:30"));
        // Summer time: +02:00.
        assertEquals(ZoneOffset.ofHours(2), paris.parse("2026-07-10T20:30:00").getOffset());
    }

    @Test
    void anExplicitOffsetIsKept() {
        assertEquals(OffsetDateTime.of(2026, 1, 10, 20, 30, 0, 0, ZoneOffset.UTC), paris.parse("2026-01-10T20:30:00Z"));
    }

    @Test
    void aBareDateIsItsMidnight() {
        assertEquals(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)), paris.parse("2026-03-01"));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> paris.parse("next tuesday"));
        assertThrows(IllegalArgumentException.class, () -> paris.parse("2026-13-45T99:00"));
    }

    @Test
    void answersCarryTheCommunityOffset() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 7, 1, 18, 0, 0, 0, ZoneOffset.UTC);
        assertEquals("2026-07-01T20:00+02:00", paris.local(utc).toString());
    }
}
