package club.questmaster.games.poll;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the poll endpoints. */
public final class PollRequests {

    private PollRequests() {
    }

    /** A candidate session. */
    public record Span(@NotNull @Schema(examples = "2026-12-12T20:30:00+01:00") OffsetDateTime start,
            @NotNull @Schema(examples = "2026-12-12T23:30:00+01:00") OffsetDateTime end) {
    }

    public record PollCreate(
            @NotNull @Size(min = PollRules.MIN_OPTIONS, max = PollRules.MAX_OPTIONS) List<@Valid @NotNull Span> options,
            @Schema(examples = "2026-12-10T20:00:00+01:00") OffsetDateTime closesAt) {
    }

    /** The caller's answers, by option id; options left out are unanswered. */
    public record AnswersPut(
            @NotNull @Size(max = PollRules.MAX_OPTIONS)
            @Schema(examples = "{\"12\": \"yes\", \"13\": \"maybe\"}") Map<String, String> answers) {
    }

    public record Pick(@NotNull @Schema(examples = "12") Long optionId) {
    }
}
