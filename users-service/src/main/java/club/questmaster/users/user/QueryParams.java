package club.questmaster.users.user;

import club.questmaster.platform.web.ApiException;
import java.util.Optional;

/**
 * Query parameters arrive as strings and are parsed here: JAX-RS would answer a bad {@code ?page=abc} with 404,
 * the contract wants 400.
 */
final class QueryParams {

    private QueryParams() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer");
        }
    }

    static Optional<Boolean> bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    static Optional<String> text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > max) {
            throw ApiException.invalid(name, "must be at most " + max + " characters");
        }
        return Optional.of(value.strip());
    }
}
