package club.questmaster.platform.web;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Query parameters are declared as {@code String} and read here: JAX-RS answers a failed conversion of a typed
 * {@code @QueryParam} with 404, while a bad value is the client's 400 naming the parameter. Blank means absent.
 */
public final class QueryParams {

    /** Contract §6: a search ({@code q}, {@code name}) is at most this many characters. */
    public static final int MAX_SEARCH_LENGTH = 100;
    /** Contract §6: an {@code ids=} list names at most this many ids. */
    public static final int MAX_IDS = 100;

    private QueryParams() {
    }

    public static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
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

    public static Optional<Boolean> bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    public static Optional<String> text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > max) {
            throw ApiException.invalid(name, "must be at most " + max + " characters");
        }
        return Optional.of(value.strip());
    }

    /** ISO-8601, offset optional (read in the community's zone). */
    public static OffsetDateTime optionalTime(String name, String value, CommunityTime time) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return time.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 date-time (offset optional)");
        }
    }
}
