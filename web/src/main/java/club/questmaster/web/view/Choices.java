package club.questmaster.web.view;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The original's enum values (questmaster.md §1), offered by the filters and the game form in this order. */
@TemplateGlobal
public final class Choices {

    /** Board filters: the statuses a visitor may ask for (drafts only reach their gm and admins). */
    public static final List<String> statuses = List.of("open", "closed", "archived", "draft");
    public static final List<String> gameTypes = List.of("oneshot", "campaign");
    public static final List<String> restrictions = List.of("all", "16+", "18+");
    public static final List<String> lengths = List.of("1 session", "2 sessions", "3 sessions", "~5 sessions",
            "~10 sessions", "10+ sessions", "20+ sessions");
    public static final List<String> frequencies = List.of("weekly", "bi-weekly", "monthly", "other");
    public static final List<String> xps = List.of("all", "beginners", "seasoned");
    public static final List<String> characterChoices = List.of("with_gm", "self", "pregen", "choice");
    public static final List<String> ambiences = List.of("chill", "serious", "comic", "epic");
    public static final List<String> classificationKeys = List.of("action", "investigation", "interaction", "horror");
    public static final List<String> levels = List.of("0", "1", "2");
    /** The rows of the new-poll form (GamePage.POLL_ROWS). */
    public static final List<Integer> pollRows = List.of(1, 2, 3, 4);
    public static final List<String> pollAnswers = List.of("yes", "maybe", "no");

    private Choices() {
    }
}
