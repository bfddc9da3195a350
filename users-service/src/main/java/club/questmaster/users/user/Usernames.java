package club.questmaster.users.user;

/** The username rule of api.md §2. */
public final class Usernames {

    public static final String PATTERN = "^[A-Za-z0-9_.-]{2,20}$";
    public static final String RULE = "must be 2 to 20 characters among letters, digits, '_', '.' and '-'";

    private Usernames() {
    }

    public static boolean valid(String username) {
        return username != null && username.matches(PATTERN);
    }
}
