package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Between the API's game fields and the entity: defaults on create, a PATCH merged over the current values. */
@ApplicationScoped
public class GameMapper {

    private final ObjectMapper json;
    private final Validator validator;

    public GameMapper(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The game's fields with the PATCH body laid over them, validated like a creation. A body Jackson cannot bind
     * fails with its {@link JsonProcessingException}, which the platform answers with a 400 naming the field.
     */
    public Uni<GameInput> merge(Game game, ObjectNode patch) {
        ObjectNode current = json.valueToTree(toInput(game));
        current.setAll(patch);
        GameInput merged;
        try {
            merged = json.treeToValue(current, GameInput.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Set<ConstraintViolation<GameInput>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new ConstraintViolationException(violations));
        }
        if (merged.gmId() == null) {
            // Optional on creation (the caller), but a game always has a gm: an explicit null is not "no change".
            return Uni.createFrom().failure(ApiException.invalid("gm_id", "must not be null"));
        }
        return Uni.createFrom().item(merged);
    }

    static GameInput toInput(Game g) {
        return new GameInput(g.name, g.type, g.length, g.gmId, g.systemId, g.vttId, g.description, g.restriction,
                g.restrictionTags, g.partySize, g.partySelection, g.xp, g.date, g.sessionLength, g.frequency,
                g.characters, g.classification, g.ambience == null ? null : List.of(g.ambience), g.complement, g.img,
                g.specialEventId);
    }

    /** Copies the writable fields (not the gm, the slug or the status) with the original's defaults. */
    static void apply(Game game, GameInput in) {
        game.name = in.name().trim();
        game.type = in.type();
        game.length = GameRules.blankToNull(in.length());
        game.systemId = in.systemId();
        game.vttId = in.vttId();
        game.description = in.description();
        game.restriction = in.restriction() == null ? "all" : in.restriction();
        game.restrictionTags = GameRules.blankToNull(in.restrictionTags());
        game.partySize = in.partySize() == null ? 4 : in.partySize();
        game.partySelection = Boolean.TRUE.equals(in.partySelection());
        game.xp = in.xp() == null ? "all" : in.xp();
        game.date = in.date();
        game.sessionLength = in.sessionLength();
        game.frequency = in.frequency();
        game.characters = in.characters();
        game.classification = in.classification() == null || in.classification().isEmpty() ? null
                : Map.copyOf(in.classification());
        game.ambience = GameRules.ambience(in.ambience());
        game.complement = GameRules.blankToNull(in.complement());
        game.img = GameRules.blankToNull(in.img());
        game.specialEventId = in.specialEventId();
    }
}
