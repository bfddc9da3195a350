package club.questmaster.games.calendar;

import club.questmaster.games.calendar.CalendarRepository.SessionRow;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT
 * values escaped, times in UTC (so no VTIMEZONE is needed), one VEVENT per session with a stable UID. Each event is
 * named as the original's add-to-calendar button did (docs/original-rules.md#calendar): "{game} par {gm} #{n}",
 * described "{type} - {gm}".
 */
final class ICalendar {

    static final String SITE = "https://questmaster.club-jdr.fr";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private ICalendar() {
    }

    static String write(List<SessionRow> sessions, Map<String, String> gmNames, OffsetDateTime now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Club JDR//QuestMaster games-service//FR");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:QuestMaster");
        String stamp = utc(now);
        long currentGame = -1;
        int n = 0;
        for (SessionRow s : sessions) {
            n = s.gameId() == currentGame ? n + 1 : 1;
            currentGame = s.gameId();
            String gm = gmNames.getOrDefault(s.gmId(), s.gmId());
            line(out, "BEGIN:VEVENT");
            line(out, "UID:session-" + s.id() + "@questmaster.club-jdr.fr");
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART:" + utc(s.start()));
            line(out, "DTEND:" + utc(s.end()));
            line(out, "SUMMARY:" + text(s.name() + " par " + gm + " #" + n));
            line(out, "DESCRIPTION:" + text(("oneshot".equals(s.type()) ? "One-shot" : "Campagne") + " - " + gm));
            line(out, "URL:" + SITE + "/annonces/" + s.slug() + "/");
            if ("cancelled".equals(s.status())) {
                line(out, "STATUS:CANCELLED"); // RFC 5545 §3.8.1.11: the game was called off (contract §7)
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    private static String utc(OffsetDateTime time) {
        return UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** RFC 5545 §3.1: content lines longer than 75 octets are folded with CRLF and one space. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int limit = 75;
        int start = 0;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // do not cut a multi-byte character
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space of a continuation line counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
