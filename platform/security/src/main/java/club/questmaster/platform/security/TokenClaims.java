package club.questmaster.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a verified access token says about its bearer (contract §1 and §8): {@code sub}, {@code preferred_username},
 * {@code name}, {@code groups}, {@code permissions} (array), {@code scope} (space-separated, bot tokens only) and
 * {@code sid}. It proves who the caller is; what they may do is decided with the service's {@link Authority}.
 *
 * @param scope the {@code scope} claim as sent, or null for a user token (unlimited by scope)
 */
public record TokenClaims(String userId, String username, String name, Set<String> groups, List<String> permissions,
        String scope, String sessionId) {

    public TokenClaims {
        groups = Set.copyOf(groups);
        permissions = List.copyOf(permissions);
    }

    public static TokenClaims of(JsonWebToken jwt, Set<String> groups) {
        Object scope = jwt.getClaim("scope");
        return new TokenClaims(jwt.getSubject(), jwt.getClaim("preferred_username"), jwt.getClaim("name"), groups,
                strings(jwt.getClaim("permissions")), scope == null ? null : text(scope), jwt.getClaim("sid"));
    }

    /** The scopes of a bot token; empty for a user token. */
    public Set<String> scopes() {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(scope.strip().split("\\s+")));
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString string) {
                    values.add(string.getString());
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(text(value)));
        } else if (claim != null) {
            values.add(text(claim));
        }
        return values;
    }

    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
