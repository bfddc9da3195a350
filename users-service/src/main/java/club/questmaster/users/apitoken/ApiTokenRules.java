package club.questmaster.users.apitoken;

import club.questmaster.platform.security.Scopes;
import club.questmaster.platform.web.ApiException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The rules of API tokens (api.md §8), pure: the scopes a token may hold, its lifetime, how many a user may keep,
 * and the shape of the secret ({@code qmp_} + 256 random bits, base64url).
 */
public final class ApiTokenRules {

    public static final String PREFIX = "qmp_";
    /** The platform's scopes (the ones {@code @RequiresScope} names). */
    public static final List<String> SCOPES = Scopes.ALL;
    public static final int MAX_LIVE_PER_USER = 10;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;
    /** {@code qmp_} + 43 base64url characters. */
    static final int SECRET_LENGTH = PREFIX.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenRules() {
    }

    /** Known scopes only, at least one; distinct, in name order. */
    public static List<String> scopes(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.invalid("scopes", "at least one of " + String.join(", ", SCOPES));
        }
        for (String scope : requested) {
            if (scope == null || !SCOPES.contains(scope)) {
                throw ApiException.invalid("scopes", "unknown scope '" + scope + "' (" + String.join(", ", SCOPES) + ")");
            }
        }
        return List.copyOf(new TreeSet<>(requested));
    }

    public static int expiresInDays(Integer days) {
        if (days == null) {
            throw ApiException.invalid("expires_in_days", "is required");
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw ApiException.invalid("expires_in_days", "must be between " + MIN_DAYS + " and " + MAX_DAYS);
        }
        return days;
    }

    public static boolean mayCreateAnother(long liveTokens) {
        return liveTokens < MAX_LIVE_PER_USER;
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a presented value can be one of our secrets at all (saves a lookup, never reveals anything). */
    public static boolean wellFormed(String value) {
        return value != null && value.length() == SECRET_LENGTH && value.startsWith(PREFIX)
                && value.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
