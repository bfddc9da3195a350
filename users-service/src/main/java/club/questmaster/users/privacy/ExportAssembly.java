package club.questmaster.users.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an export is put together (api.md §8), pure: which services must answer, under which section each answer
 * goes, and how long a request stays open.
 */
public final class ExportAssembly {

    /** The section of each answering service; users-service writes its own section, {@code users}, itself. */
    public static final Map<String, String> SECTIONS = Map.of(
            "games-service", "games",
            "trophies-service", "trophies",
            "audit-service", "audit");
    public static final List<String> SECTION_ORDER = List.of("users", "games", "trophies", "audit");
    /** A request nobody completed within this is abandoned; the next call starts a new one. */
    public static final Duration OPEN_FOR = Duration.ofMinutes(10);
    /** What 202 answers tell the client to wait before asking again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private ExportAssembly() {
    }

    public static Optional<String> sectionOf(String service) {
        return Optional.ofNullable(SECTIONS.get(service));
    }

    public static boolean complete(Iterable<String> answeredServices) {
        java.util.Set<String> answered = new java.util.HashSet<>();
        answeredServices.forEach(answered::add);
        return answered.containsAll(SECTIONS.keySet());
    }

    /** The sections in contract order, {@code users} first. */
    public static Map<String, Object> sections(Object users, Map<String, Object> answersByService) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("users", users);
        SECTION_ORDER.stream().skip(1).forEach(section -> SECTIONS.forEach((service, name) -> {
            if (name.equals(section)) {
                sections.put(section, answersByService.get(service));
            }
        }));
        return sections;
    }
}
