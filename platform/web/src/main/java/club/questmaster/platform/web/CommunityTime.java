package club.questmaster.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The community's time zone (config {@code questmaster.timezone}): a date-time a client sends without an offset is
 * read in it, and every date-time we answer with carries its offset.
 */
@ApplicationScoped
public class CommunityTime {

    @ConfigMapping(prefix = "questmaster")
    public interface Config {
        @WithDefault("Europe/Paris")
        ZoneId timezone();
    }

    private final ZoneId zone;

    public CommunityTime(Config config) {
        this.zone = config.timezone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** ISO-8601 with or without an offset (a bare date is its midnight). */
    public OffsetDateTime parse(String text) {
        String value = text.trim();
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt;
            }
            return ((LocalDateTime) parsed).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time", e);
            }
        }
    }

    /** The same instant at the community's offset, as answers carry it. */
    public OffsetDateTime local(OffsetDateTime value) {
        return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
