package club.questmaster.platform.security;

import java.util.List;

/**
 * The scopes of bot tokens (contract §8): a JWT with a {@code scope} claim may call only operations annotated with
 * {@link RequiresScope} naming one of its scopes; every other operation answers 403 {@code INSUFFICIENT_SCOPE}.
 */
public final class Scopes {

    public static final String GAMES_READ = "games:read";
    public static final String GAMES_WRITE = "games:write";
    public static final String REGISTRATIONS_WRITE = "registrations:write";
    public static final String CALENDAR_READ = "calendar:read";

    public static final List<String> ALL = List.of(GAMES_READ, GAMES_WRITE, REGISTRATIONS_WRITE, CALENDAR_READ);

    private Scopes() {
    }
}
