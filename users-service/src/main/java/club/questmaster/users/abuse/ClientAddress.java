package club.questmaster.users.abuse;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The client address that limits and lockouts count against: the peer (or the trusted proxy's forwarded one). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String host = remote.hostAddress();
        return host == null || host.isBlank() ? "unknown" : host;
    }
}
