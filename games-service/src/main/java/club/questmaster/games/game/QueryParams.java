package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;

/**
 * Numeric query parameters read by hand: a JAX-RS conversion failure on a query parameter answers 404, while a bad
 * value is the client's 400.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a number");
        }
    }

    public static Integer optionalInt(String name, String value) {
        Long parsed = optionalLong(name, value);
        if (parsed != null && (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE)) {
            throw ApiException.invalid(name, "out of range");
        }
        return parsed == null ? null : parsed.intValue();
    }
}
