package club.questmaster.web.errors;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means a service did not answer (the 503 page) rather than a bug of ours (the 500 page). The REST
 * client reports a refused connection as the raw {@link ConnectException} (netty's), a read timeout as a
 * {@link ProcessingException} or a {@link TimeoutException}, wrapped at any depth.
 */
final class Unreachable {

    private static final int MAX_DEPTH = 10;

    private Unreachable() {
    }

    static boolean is(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof ProcessingException || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof ClosedChannelException
                    || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }
}
