package club.questmaster.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.web.api.Dtos.Game;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GameFormTest {

    private static Map<String, List<String>> typed(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    @Test
    void theCreateBodyUsesTheApiNamesAndLeavesEmptyOptionalFieldsOut() {
        GameForm form = GameForm.submitted(typed("name", " La Tour ", "type", "campaign", "system_id", "3", "vtt_id", "",
                "description", "Onirique", "party_size", "2", "date", "2026-12-11T20:00", "session_length", "3,5",
                "ambience", "chill", "ambience", "epic", "img", ""));
        Map<String, Object> body = form.createBody();
        assertFalse(form.hasErrors());
        assertEquals("La Tour", body.get("name"));
        assertEquals(3L, body.get("system_id"));
        assertEquals(2, body.get("party_size"));
        assertEquals(new BigDecimal("3.5"), body.get("session_length"));
        assertEquals("2026-12-11T20:00", body.get("date"), "sent without offset: read in the community's zone");
        assertEquals(List.of("chill", "epic"), body.get("ambience"));
        assertFalse(body.containsKey("vtt_id"));
        assertFalse(body.containsKey("img"));
        assertFalse(body.containsKey("classification"), "all four levels Absent: no classification");
    }

    @Test
    void aNumberThatIsNotOneIsAFieldErrorAndIsKeptAsTyped() {
        GameForm form = GameForm.submitted(typed("name", "X", "party_size", "deux"));
        form.createBody();
        assertEquals("Un nombre est attendu.", form.error("party_size"));
        assertEquals("deux", form.value("party_size"));
    }

    @Test
    void theClassificationIsSentWithItsFourKeysOnceOneIsSet() {
        GameForm form = GameForm.submitted(typed("class-horror", "2", "class-action", "nonsense"));
        assertEquals(Map.of("action", 0, "investigation", 0, "interaction", 0, "horror", 2),
                form.createBody().get("classification"));
    }

    @Test
    void anEditSendsOnlyWhatChangedAndNeverTheDraftOnlyFieldsOfAPublishedGame() {
        Game published = game("open");
        GameForm form = GameForm.of(published);
        Map<String, List<String>> typed = typed("name", "Autre nom", "type", "oneshot", "system_id", "1",
                "description", "Nouvelle description", "party_size", "4", "date", "2026-12-11T20:00",
                "session_length", "4", "restriction", "all", "xp", "all", "characters", "with_gm", "length", "1 session",
                "complement", "Un complément");
        assertEquals("2026-12-11T20:00", form.value("date"), "shown in the community's zone");
        Map<String, Object> patch = GameForm.submitted(typed).patchBody(published);
        assertEquals(Map.of("description", "Nouvelle description"), patch);

        Map<String, Object> draftPatch = GameForm.submitted(typed).patchBody(game("draft"));
        assertEquals("Autre nom", draftPatch.get("name"));
        assertEquals("oneshot", draftPatch.get("type"));
    }

    @Test
    void aFieldTheFormDidNotSendIsLeftAsItIs() {
        Map<String, Object> patch = GameForm.submitted(typed("description", "Nouvelle")).patchBody(game("open"));
        assertEquals(Map.of("description", "Nouvelle"), patch);
    }

    @Test
    void anEmptiedOptionalFieldIsSentAsNullToClearIt() {
        Game game = game("open");
        Map<String, List<String>> typed = typed("name", "La Tour", "type", "campaign", "system_id", "1",
                "description", "Onirique", "party_size", "4", "date", "2026-12-11T20:00", "session_length", "4",
                "restriction", "all", "xp", "all", "characters", "with_gm", "length", "1 session", "complement", "");
        Map<String, Object> patch = GameForm.submitted(typed).patchBody(game);
        assertTrue(patch.containsKey("complement"));
        assertNull(patch.get("complement"));
        assertEquals(1, patch.size(), patch.toString());
    }

    private static Game game(String status) {
        return new Game(1, "la-tour", "La Tour", "campaign", "1 session", "10000000000000000001", 1L, null, "Onirique",
                "all", null, 4, false, "all", OffsetDateTime.parse("2026-12-11T20:00+01:00"), new BigDecimal("4.0"),
                null, "with_gm", null, null, "Un complément", null, status, null, List.of(), List.of(), null, null, null,
                null, null);
    }
}
