package club.questmaster.web.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class UnreachableTest {

    @Test
    void aRefusedConnectionIsAServiceDownEvenUnwrapped() {
        // What the REST client throws when the service's port is closed (netty's subclass of ConnectException).
        assertTrue(Unreachable.is(new ConnectException("Connection refused: /127.0.0.1:8083")));
        assertTrue(Unreachable.is(new CompletionException(new ConnectException("Connection refused"))));
    }

    @Test
    void aTimeoutOrAProcessingExceptionAnywhereInTheChainIsAServiceDown() {
        assertTrue(Unreachable.is(new ProcessingException("read timed out")));
        assertTrue(Unreachable.is(new RuntimeException(new IllegalStateException(new TimeoutException()))));
    }

    @Test
    void anyOtherFailureIsOurBugNotAServiceDown() {
        assertFalse(Unreachable.is(new IllegalStateException("a template key is missing")));
        assertFalse(Unreachable.is(new RuntimeException(new NullPointerException())));
    }
}
