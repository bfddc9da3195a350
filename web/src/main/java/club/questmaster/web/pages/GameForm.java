package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.view.Formats;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The create/edit form of a game: its fields are named as the API's (snake_case), so a problem+json field error lands
 * next to its input as is. Holds what was typed (shown again on an error, nothing lost), turns it into the API body,
 * and catches what cannot even be sent (a number that is not one) with the same kind of field error.
 */
public final class GameForm {

    /** The four classification keys of the original, each 0 (Absent), 1 (Mineur) or 2 (Majeur). */
    public static final List<String> CLASSIFICATION = List.of("action", "investigation", "interaction", "horror");
    static final List<String> TEXT = List.of("name", "type", "length", "description", "restriction",
            "restriction_tags", "xp", "frequency", "characters", "complement", "img");
    static final List<String> IDS = List.of("system_id", "vtt_id", "special_event_id");
    /** Only while draft (contract §3): never sent for a published game. */
    static final List<String> DRAFT_ONLY = List.of("name", "type", "special_event_id");

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private GameForm(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A blank form with the original's defaults. */
    public static GameForm blank() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("type", List.of("oneshot"));
        v.put("restriction", List.of("all"));
        v.put("party_size", List.of("4"));
        v.put("xp", List.of("all"));
        v.put("characters", List.of("with_gm"));
        v.put("session_length", List.of("4"));
        v.put("length", List.of("1 session"));
        return new GameForm(v);
    }

    public static GameForm submitted(Map<String, List<String>> form) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        form.forEach((k, list) -> v.put(k, list == null ? List.of() : List.copyOf(list)));
        return new GameForm(v);
    }

    /** The form as the game is now, for the edit page and to send only what changed. */
    public static GameForm of(Game game) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        put(v, "name", game.name());
        put(v, "type", game.type());
        put(v, "length", game.length());
        put(v, "description", game.description());
        put(v, "restriction", game.restriction());
        put(v, "restriction_tags", game.restrictionTags());
        put(v, "xp", game.xp());
        put(v, "frequency", game.frequency());
        put(v, "characters", game.characters());
        put(v, "complement", game.complement());
        put(v, "img", game.img());
        put(v, "system_id", game.systemId() == null ? null : game.systemId().toString());
        put(v, "vtt_id", game.vttId() == null ? null : game.vttId().toString());
        put(v, "special_event_id", game.specialEventId() == null ? null : game.specialEventId().toString());
        put(v, "party_size", Integer.toString(game.partySize()));
        if (game.partySelection()) {
            v.put("party_selection", List.of("on"));
        }
        put(v, "date", game.date() == null ? null : Formats.zone() == null ? null
                : game.date().atZoneSameInstant(Formats.zone()).toLocalDateTime().withSecond(0).withNano(0).toString());
        put(v, "session_length", game.sessionLength() == null ? null : game.sessionLength().stripTrailingZeros().toPlainString());
        if (game.ambience() != null) {
            v.put("ambience", List.copyOf(game.ambience()));
        }
        if (game.classification() != null) {
            game.classification().forEach((k, n) -> put(v, "class-" + k, String.valueOf(n)));
        }
        return new GameForm(v);
    }

    private static void put(Map<String, List<String>> v, String name, String value) {
        if (value != null) {
            v.put(name, List.of(value));
        }
    }

    public String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    /** For selects, radios and checkboxes: is {@code option} chosen? */
    public boolean has(String name, Object option) {
        List<String> list = values.get(name);
        return list != null && option != null && list.contains(option.toString());
    }

    /** Is {@code level} chosen for classification key {@code key} (field {@code class-<key>}, as the original)? */
    public boolean level(String key, String level) {
        return has("class-" + key, level);
    }

    public boolean checked(String name) {
        return !value(name).isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void addErrors(Map<String, String> byField) {
        byField.forEach(errors::putIfAbsent);
    }

    /** The body of {@code POST /api/v1/games}: every field given, the empty optional ones left out. */
    public Map<String, Object> createBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        parsed().forEach((k, v) -> {
            if (v != null) {
                body.put(k, v);
            }
        });
        return body;
    }

    /**
     * The body of {@code PATCH /api/v1/games/{slug}}: only what differs from {@code current} (a field emptied is sent
     * as null), and never the draft-only fields of a published game.
     */
    public Map<String, Object> patchBody(Game current) {
        Map<String, Object> before = GameForm.of(current).parsed();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean draft = "draft".equals(current.status());
        parsed().forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v) && (draft || !DRAFT_ONLY.contains(k)) && submitted(k)) {
                body.put(k, v);
            }
        });
        return body;
    }

    /**
     * Whether the form sent this field at all: a disabled input is not sent and stays as it is. Checkboxes are the
     * exception: an unticked box is not sent either, and means "no".
     */
    private boolean submitted(String field) {
        return switch (field) {
            case "party_selection", "ambience", "classification" -> true;
            default -> values.containsKey(field);
        };
    }

    /** Field → API value (null when empty); records a field error for what cannot be parsed. */
    Map<String, Object> parsed() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : TEXT) {
            String v = value(field).strip();
            out.put(field, v.isEmpty() ? null : v);
        }
        for (String field : IDS) {
            out.put(field, number(field, Long::valueOf));
        }
        out.put("party_size", number("party_size", Integer::valueOf));
        out.put("party_selection", checked("party_selection"));
        out.put("session_length", number("session_length", s -> new BigDecimal(s.replace(',', '.'))));
        String date = value("date").strip();
        if (date.isEmpty()) {
            out.put("date", null);
        } else {
            try {
                // Sent without an offset: the API reads it in the community's zone (contract §1 "Time").
                out.put("date", LocalDateTime.parse(date).toString());
            } catch (DateTimeParseException e) {
                errors.putIfAbsent("date", "Date invalide (attendu : jj/mm/aaaa hh:mm).");
                out.put("date", null);
            }
        }
        List<String> ambience = new ArrayList<>(values.getOrDefault("ambience", List.of()));
        out.put("ambience", ambience.isEmpty() ? null : ambience);
        Map<String, Integer> classification = new LinkedHashMap<>();
        for (String key : CLASSIFICATION) {
            String v = value("class-" + key);
            int level = switch (v) {
                case "1" -> 1;
                case "2" -> 2;
                default -> 0; // the original: a non-integer input becomes 0
            };
            classification.put(key, level);
        }
        out.put("classification", classification.values().stream().allMatch(n -> n == 0) ? null : classification);
        return out;
    }

    private <T> T number(String field, java.util.function.Function<String, T> parse) {
        String v = value(field).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, "Un nombre est attendu.");
            return null;
        }
    }
}
