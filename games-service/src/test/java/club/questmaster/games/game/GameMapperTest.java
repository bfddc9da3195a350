package club.questmaster.games.game;

import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.platform.web.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How a PATCH body is read before it is merged over the game. */
class GameMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExplicitNullForAFieldEveryGameHasIsRefusedNamingTheField() throws Exception {
        ObjectNode patch = (ObjectNode) JSON.readTree("{\"gm_id\": null, \"party_size\": null, \"name\": \"x\"}");
        assertThat(GameMapper.explicitNulls(patch)).extracting(Problem.FieldError::field)
                .containsExactly("gm_id", "party_size");
    }

    @Test
    void anExplicitNullClearsAnOptionalField() throws Exception {
        ObjectNode patch = (ObjectNode) JSON.readTree("{\"vtt_id\": null, \"img\": null, \"length\": null}");
        assertThat(GameMapper.explicitNulls(patch)).isEmpty();
    }
}
