package club.questmaster.devstack;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the local stack listens (contract §6 "Local stack"): 127.0.0.1 only, unless {@code QM_BIND_ADDRESS} says
 * otherwise (e.g. {@code 0.0.0.0} to reach the stack from another machine of a trusted network). The services read
 * the same variable through {@code quarkus.http.host} (platform-web defaults), so one variable opens everything.
 */
final class BindAddress {

    static final String VARIABLE = "QM_BIND_ADDRESS";
    static final String LOOPBACK = "127.0.0.1";

    private BindAddress() {
    }

    /** The address PostgreSQL and the Kafka broker listen on. */
    static String listen() {
        String value = System.getenv(VARIABLE);
        return value == null || value.isBlank() ? LOOPBACK : value.trim();
    }

    /**
     * The host Kafka tells its clients to connect to: the bind address itself, or for a wildcard this machine's name
     * ({@code QM_ADVERTISED_HOST} overrides it), since a client elsewhere cannot reach "0.0.0.0".
     */
    static String advertised() {
        String listen = listen();
        if (!listen.equals("0.0.0.0") && !listen.equals("::") && !listen.equals("*")) {
            return listen;
        }
        String advertised = System.getenv("QM_ADVERTISED_HOST");
        if (advertised != null && !advertised.isBlank()) {
            return advertised.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return LOOPBACK;
        }
    }
}
