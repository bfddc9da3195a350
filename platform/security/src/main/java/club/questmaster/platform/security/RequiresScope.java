package club.questmaster.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens an operation (a resource method, or every method of a resource class) to scoped bot tokens holding any one
 * of these scopes ({@link Scopes}). Scoped tokens are refused everywhere else (default deny, 403 INSUFFICIENT_SCOPE).
 * It restricts bots only: it grants nothing, and an unscoped user token is unaffected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    String[] value();
}
