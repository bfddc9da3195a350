package club.questmaster.trophies.holding;

import java.util.regex.Pattern;

/** The contract's user ids: decimal strings of 17 to 21 digits (Discord snowflakes or generated alike). */
public final class UserIds {

    public static final String REGEX = "\\d{17,21}";
    public static final String MESSAGE = "must be a user id (17 to 21 digits)";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private UserIds() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
