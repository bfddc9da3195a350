package club.questmaster.e2e;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The body of a valid one-shot (contract §3), five days ahead at 20:00 Paris time, for the end-to-end tests. */
final class OneShots {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private OneShots() {
    }

    static Map<String, Object> body(String name, String description, long systemId, int partySize) {
        Map<String, Object> game = new HashMap<>();
        game.put("name", name);
        game.put("type", "oneshot");
        game.put("length", "1 session");
        game.put("system_id", systemId);
        game.put("description", description);
        game.put("restriction", "all");
        game.put("party_size", partySize);
        game.put("party_selection", false);
        game.put("xp", "all");
        game.put("date", OffsetDateTime.now(PARIS).plusDays(5).withHour(20).truncatedTo(ChronoUnit.HOURS).toString());
        game.put("session_length", 3);
        game.put("frequency", "other");
        game.put("characters", "pregen");
        game.put("ambience", List.of("epic"));
        return game;
    }
}
