package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Field rules Bean Validation cannot express, as the original's model validators had them. */
final class GameRules {

    /** CLASSIFICATION_SCHEMA: exactly these four keys, each 0..2; null or empty is accepted. */
    static final Set<String> CLASSIFICATION_KEYS = Set.of("action", "investigation", "interaction", "horror");

    private GameRules() {
    }

    static void check(GameInput input) {
        Map<String, Integer> classification = input.classification();
        if (classification != null && !classification.isEmpty()) {
            boolean valid = classification.keySet().equals(CLASSIFICATION_KEYS)
                    && classification.values().stream().allMatch(v -> v != null && v >= 0 && v <= 2);
            if (!valid) {
                throw ApiException.invalid("classification", "Invalid classification format.");
            }
        }
        if (input.img() != null && !input.img().isBlank() && !isHttpUrl(input.img())) {
            throw ApiException.invalid("img", "must be an http(s) URL");
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Blank becomes null, as the original did for restriction_tags. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String[] ambience(List<String> values) {
        return values == null || values.isEmpty() ? null : new LinkedHashSet<>(values).toArray(String[]::new);
    }
}
