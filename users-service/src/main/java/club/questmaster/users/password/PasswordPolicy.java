package club.questmaster.users.password;

import club.questmaster.platform.web.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * api.md §2: at least 8 characters, not the username, not a common password. At most 72 bytes, bcrypt's limit:
 * longer input would be silently truncated. Pure: the common passwords are given (the service's list ships as the
 * resource {@code common-passwords.txt}, see {@link #fromClasspath()}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy(Collection<String> commonPasswords) {
        Set<String> lower = new HashSet<>();
        commonPasswords.forEach(p -> lower.add(p.toLowerCase(Locale.ROOT)));
        this.common = Set.copyOf(lower);
    }

    /** The policy with the list shipped in the service. */
    public static PasswordPolicy fromClasspath() {
        return new PasswordPolicy(load());
    }

    /** Throws a 400 naming {@code field} when {@code password} is not acceptable for {@code username}. */
    public void check(String field, String username, String password) {
        if (password == null) {
            throw ApiException.invalid(field, "is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.invalid(field, "must be at most " + MAX_BYTES + " bytes");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            throw ApiException.invalid(field, "must not be the username");
        }
        if (isCommon(password)) {
            throw ApiException.invalid(field, "is too common");
        }
    }

    public boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    set.add(value);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read common-passwords.txt", e);
        }
        return set;
    }
}
