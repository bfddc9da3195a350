package club.questmaster.games.game;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The original's slug rule (docs/original-rules.md#slugs): slugify(name + "-par-" + gm username) like python-slugify
 * (ASCII transliteration, lowercase, hyphens), at most {@value #MAX_LENGTH} characters, then "-2", "-3"... on
 * collision. The cap holds for the suffixed slug too, so "PJ_" + slug always fits Discord's 100 characters.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 90;

    private static final Map<String, String> LIGATURES = Map.ofEntries(
            Map.entry("ß", "ss"), Map.entry("æ", "ae"), Map.entry("Æ", "AE"), Map.entry("œ", "oe"),
            Map.entry("Œ", "OE"), Map.entry("ø", "o"), Map.entry("Ø", "O"), Map.entry("đ", "d"), Map.entry("Đ", "D"),
            Map.entry("ł", "l"), Map.entry("Ł", "L"), Map.entry("þ", "th"), Map.entry("Þ", "TH"), Map.entry("ð", "d"),
            Map.entry("Ð", "D"), Map.entry("ı", "i"), Map.entry("’", "'"));

    private Slugs() {
    }

    /** The slug before collision handling. */
    public static String base(String name, String gmUsername) {
        return truncate(slugify(name + "-par-" + gmUsername), MAX_LENGTH);
    }

    public static String slugify(String text) {
        String value = text;
        for (Map.Entry<String, String> e : LIGATURES.entrySet()) {
            value = value.replace(e.getKey(), e.getValue());
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        value = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return stripHyphens(value);
    }

    /** The first free slug: {@code base}, else base-2, base-3... each capped at the maximum length. */
    public static String firstFree(String base, Collection<String> taken) {
        Set<String> used = Set.copyOf(taken);
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String candidate = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The prefix every candidate of {@link #firstFree} starts with (to fetch the taken ones in one query). */
    public static String stem(String base) {
        return truncate(base, MAX_LENGTH - 8);
    }

    private static String truncate(String slug, int max) {
        return slug.length() <= max ? slug : stripHyphens(slug.substring(0, max));
    }

    private static String stripHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
