package club.questmaster.web.errors;

import org.eclipse.microprofile.config.ConfigProvider;

/** Which service an unreachable address belongs to, from the REST clients' configured URLs. */
final class ServiceNames {

    private static final String[] SERVICES = {"users-service", "games-service", "trophies-service", "audit-service"};

    private ServiceNames() {
    }

    static String of(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null && messages.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(' ').append(t.getMessage());
        }
        for (String service : SERVICES) {
            String url = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.rest-client." + service + ".url", String.class).orElse(null);
            if (url != null && messages.indexOf(hostPort(url)) >= 0) {
                return service;
            }
        }
        return "service inconnu";
    }

    private static String hostPort(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }
}
