package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Between the API's game fields and the entity: defaults on create, a PATCH merged over the current values. */
@ApplicationScoped
public class GameMapper {

    /** The JSON fields of {@link GameInput} that every game has a value for. */
    static final Set<String> NON_NULLABLE = Set.of("name", "type", "gm_id", "system_id", "description", "restriction",
            "party_size", "party_selection", "xp", "date", "session_length", "waitlist_enabled",
            "waitlist_offer_hours");

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
        List<Problem.FieldError> nulls = explicitNulls(patch);
        if (!nulls.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.VALIDATION_ERROR,
                    "These fields cannot be null: " + String.join(", ", nulls.stream().map(Problem.FieldError::field)
                            .toList()) + ".", nulls, null));
        }
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

    /**
     * An explicit {@code null} in a PATCH clears an optional field; for a field every game has (its gm, its size…)
     * it is refused, naming the field, instead of silently falling back to a default.
     */
    static List<Problem.FieldError> explicitNulls(ObjectNode patch) {
        List<Problem.FieldError> errors = new ArrayList<>();
        patch.properties().forEach(field -> {
            if (field.getValue().isNull() && NON_NULLABLE.contains(field.getKey())) {
                errors.add(new Problem.FieldError(field.getKey(), "must not be null"));
            }
        });
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    static GameInput toInput(Game g) {
        return new GameInput(g.name, g.type, g.length, g.gmId, g.systemId, g.vttId, g.description, g.restriction,
                g.restrictionTags, g.partySize, g.partySelection, g.xp, g.date, g.sessionLength, g.frequency,
                g.characters, g.classification, g.ambience == null ? null : List.of(g.ambience), g.complement, g.img,
                g.specialEventId, g.registrationOpensAt, g.waitlistEnabled, g.waitlistOfferHours, g.minPlayers,
                g.goNoGoAt);
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
        game.registrationOpensAt = in.registrationOpensAt();
        game.waitlistEnabled = in.waitlistEnabled() == null || in.waitlistEnabled();
        game.waitlistOfferHours = in.waitlistOfferHours() == null ? 24 : in.waitlistOfferHours();
        if (!Objects.equals(game.minPlayers, in.minPlayers()) || !sameInstant(game.goNoGoAt, in.goNoGoAt())) {
            game.goNoGoDecided = false; // a new go/no-go question: the scheduler decides again
        }
        game.minPlayers = in.minPlayers();
        game.goNoGoAt = in.goNoGoAt();
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }
}
