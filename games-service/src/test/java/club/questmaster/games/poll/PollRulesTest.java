package club.questmaster.games.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.questmaster.games.poll.PollRequests.Span;
import club.questmaster.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Span span(int day, int hours) {
        OffsetDateTime start = NOW.plusDays(day);
        return new Span(start, start.plusHours(hours));
    }

    @Test
    void aProposalHoldsTwoToTwentyValidDistinctCandidates() {
        PollRules.checkProposal(List.of(span(1, 3), span(2, 3)), null, NOW);
        assertThatThrownBy(() -> PollRules.checkProposal(List.of(span(1, 3)), null, NOW))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PollRules.checkProposal(List.of(span(1, 3), span(2, 25)), null, NOW))
                .isInstanceOf(ApiException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> PollRules.checkProposal(List.of(span(1, 3), span(1, 3)), null, NOW))
                .isInstanceOf(ApiException.class).hasMessageContaining("twice");
    }

    @Test
    void aPollClosesAtItsClosingTime() {
        Poll poll = new Poll();
        poll.status = "open";
        poll.closesAt = NOW.plusHours(1);
        assertThat(PollRules.status(poll, NOW)).isEqualTo("open");
        assertThat(PollRules.status(poll, NOW.plusHours(1))).isEqualTo("closed");
        assertThatThrownBy(() -> PollRules.checkOpen(poll, NOW.plusHours(2))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PollRules.checkProposal(List.of(span(1, 3), span(2, 3)), NOW, NOW))
                .isInstanceOf(ApiException.class).hasMessageContaining("future");
    }

    @Test
    void answersAreYesMaybeOrNoToTheOptionsOfThePoll() {
        assertThat(PollRules.answers(Map.of("12", "yes", "13", "maybe"), Set.of(12L, 13L)))
                .containsEntry(12L, "yes").containsEntry(13L, "maybe");
        assertThatThrownBy(() -> PollRules.answers(Map.of("12", "perhaps"), Set.of(12L)))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PollRules.answers(Map.of("14", "yes"), Set.of(12L)))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PollRules.answers(Map.of("1e3", "yes"), Set.of(12L)))
                .isInstanceOf(ApiException.class);
    }
}
