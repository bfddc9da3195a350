package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.games.Api.User;
import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live seat counts over Server-Sent Events (contract §7), fed from questmaster.game-events. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class LiveTest {

    @TestHTTPResource("/")
    URL root;

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aGameStreamStartsWithTheCurrentStateThenFollowsEveryChange() throws Exception {
        User gm = gm("livegm");
        Map<String, Object> body = gameBody(unique("En direct"), system());
        body.put("party_size", 2);
        JsonNode game = Api.publishedGame(gm, body);
        String slug = game.get("slug").asText();
        try (SseClient stream = SseClient.open(url("/api/v1/games/" + slug + "/live"), null);
                SseClient all = SseClient.open(url("/api/v1/live/games"), null)) {
            assertThat(stream.status()).isEqualTo(200);
            SseClient.Event now = stream.next(Duration.ofSeconds(10));
            assertThat(now.name()).isEqualTo("game");
            JsonNode state = Api.json(now.data());
            assertThat(state.get("slug").asText()).isEqualTo(slug);
            assertThat(state.get("status").asText()).isEqualTo("open");
            assertThat(state.get("seats_left").asInt()).isEqualTo(2);
            assertThat(state.get("waitlist_length").asInt()).isZero();

            player("liveplayer1").as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
            JsonNode afterOne = Api.json(stream.nextWith("\"seats_left\":1", Duration.ofSeconds(10)).data());
            assertThat(afterOne.get("status").asText()).isEqualTo("open");

            player("liveplayer2").as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
            // The last seat closes the game: the stream ends on closed with no seat left.
            JsonNode closed = Api.json(stream.nextWith("\"status\":\"closed\"", Duration.ofSeconds(10)).data());
            assertThat(closed.get("seats_left").asInt()).isZero();

            SseClient.Event everywhere = all.nextWith("\"slug\":\"" + slug + "\"", Duration.ofSeconds(10));
            assertThat(everywhere.name()).isEqualTo("game");
            assertThat(everywhere.id()).isNotBlank();
        }
    }

    @Test
    void aReconnectingClientGetsTheCurrentStateAtOnce() throws Exception {
        User gm = gm("livegm2");
        JsonNode game = Api.publishedGame(gm, gameBody(unique("Reconnexion"), system()));
        String slug = game.get("slug").asText();
        player("liveplayer3").as().post("/api/v1/games/" + slug + "/registrations").then().statusCode(201);
        try (SseClient stream = SseClient.open(url("/api/v1/games/" + slug + "/live"), null)) {
            JsonNode state = Api.json(stream.next(Duration.ofSeconds(10)).data());
            assertThat(state.get("seats_left").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aDraftIsStreamedOnlyToThoseWhoMaySeeIt() throws Exception {
        User gm = gm("livedraft");
        JsonNode draft = Api.createGame(gm, gameBody(unique("Brouillon en direct"), system()));
        String url = url("/api/v1/games/" + draft.get("slug").asText() + "/live");
        try (SseClient anonymous = SseClient.open(url, null)) {
            assertThat(anonymous.status()).isEqualTo(404);
        }
        try (SseClient owner = SseClient.open(url, gm.token())) {
            assertThat(owner.status()).isEqualTo(200);
            assertThat(Api.json(owner.next(Duration.ofSeconds(10)).data()).get("status").asText()).isEqualTo("draft");
        }
    }
}
