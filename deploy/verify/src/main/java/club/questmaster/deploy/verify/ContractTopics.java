package club.questmaster.deploy.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topic names of the event contract (shared/contract/events.md: table "Topics", and the topics later versions add),
 * read from the document itself.
 */
public final class ContractTopics {

    private static final Pattern TOPIC_ROW = Pattern.compile("^\\|\\s*`(questmaster\\.[a-z0-9.-]+)`\\s*\\|");
    /** A later version's addition: "New topic `questmaster.privacy-exports` (...)" (events.md v1.1). */
    private static final Pattern NEW_TOPIC = Pattern.compile("New topic `(questmaster\\.[a-z0-9.-]+)`");
    private static final Pattern DLQ_ROW = Pattern.compile("^\\|\\s*`<topic>(\\.[a-z]+)`\\s*\\|");

    private ContractTopics() {
    }

    /** Each source topic of the table, plus `<topic>.dlq` for each when the table has that row. */
    public static Set<String> read(Path eventsMd) {
        try {
            Set<String> sources = new LinkedHashSet<>();
            String dlqSuffix = null;
            for (String line : Files.readAllLines(eventsMd)) {
                Matcher topic = TOPIC_ROW.matcher(line);
                if (topic.find()) {
                    sources.add(topic.group(1));
                }
                Matcher added = NEW_TOPIC.matcher(line);
                while (added.find()) {
                    sources.add(added.group(1));
                }
                Matcher dlq = DLQ_ROW.matcher(line);
                if (dlq.find()) {
                    dlqSuffix = dlq.group(1);
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("No topic rows found in " + eventsMd);
            }
            Set<String> all = new LinkedHashSet<>(sources);
            if (dlqSuffix != null) {
                for (String source : sources) {
                    all.add(source + dlqSuffix);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
