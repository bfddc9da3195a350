package club.questmaster.users.password;

import club.questmaster.platform.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * api.md §2: at least 8 characters, not the username, not a common password (the list ships as the resource
 * {@code common-passwords.txt}). At most 72 bytes, bcrypt's limit: longer input would be silently truncated.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
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
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    set.add(value.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read common-passwords.txt", e);
        }
        return Set.copyOf(set);
    }
}
