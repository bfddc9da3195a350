package club.questmaster.platform.security;

import java.util.regex.Pattern;

/**
 * The contract's user ids (api.md §1): decimal strings of 17 to 21 digits (Discord snowflakes, or generated in the
 * same form for local accounts). The one definition of the rule, for code ({@link #valid}) and for Bean Validation
 * ({@code @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE)}).
 */
public final class UserIds {

    public static final String REGEX = "[0-9]{17,21}";
    public static final String MESSAGE = "must be a user id (17 to 21 digits)";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private UserIds() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
