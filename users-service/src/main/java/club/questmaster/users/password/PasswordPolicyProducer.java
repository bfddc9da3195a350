package club.questmaster.users.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's {@link PasswordPolicy}: the contract's rules with the shipped list of common passwords. */
@ApplicationScoped
public class PasswordPolicyProducer {

    @Produces
    @Singleton
    PasswordPolicy policy() {
        return PasswordPolicy.fromClasspath();
    }
}
