package club.questmaster.platform.web;

/**
 * What PostgreSQL refuses in text, checked at the edge so that it is the client's 400 naming the field and never a
 * database error: the NUL character (U+0000), which neither {@code text} nor {@code jsonb} can store.
 */
public final class TextRules {

    public static final String NUL_MESSAGE = "must not contain NUL characters";

    private TextRules() {
    }

    /** Why the database would refuse this text, or null when it stores it as sent. */
    public static String refusal(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\u0000') {
                return NUL_MESSAGE;
            }
        }
        return null;
    }
}
