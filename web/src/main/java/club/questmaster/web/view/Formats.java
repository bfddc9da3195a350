package club.questmaster.web.view;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the pages show dates and the original's enum values, in French (questmaster.md §1): "sam. 10/09 - 20h30" in
 * the community's zone, "Tout public", "ouverte", …
 */
@TemplateExtension
public final class Formats {

    private static final Locale FR = Locale.FRANCE;
    /** The original's HUMAN_TIMEFORMAT "%a %d/%m - %Hh%M" under fr_FR. */
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEE dd/MM - HH'h'mm", FR);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", FR);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static volatile ZoneId zone;

    private Formats() {
    }

    public static ZoneId zone() {
        ZoneId z = zone;
        if (z == null) {
            z = ZoneId.of(ConfigProvider.getConfig().getOptionalValue("questmaster.timezone", String.class)
                    .orElse("Europe/Paris"));
            zone = z;
        }
        return z;
    }

    static String human(OffsetDateTime time) {
        return time == null ? "" : HUMAN.format(time.atZoneSameInstant(zone()));
    }

    static String longDate(OffsetDateTime time) {
        return time == null ? "" : LONG.format(time.atZoneSameInstant(zone()));
    }

    /** "20h30". */
    static String time(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofPattern("HH'h'mm", FR).format(time.atZoneSameInstant(zone()));
    }

    /** The value of a {@code datetime-local} input, in the community's zone. */
    static String inputValue(OffsetDateTime time) {
        return time == null ? "" : INPUT.format(time.atZoneSameInstant(zone()));
    }

    /** ISO-8601 with offset, for {@code <time datetime>}. */
    static String iso(OffsetDateTime time) {
        return time == null ? "" : time.toString();
    }

    @TemplateExtension(namespace = "fr")
    static String status(String status) {
        return switch (status == null ? "" : status) {
            case "draft" -> "brouillon";
            case "open" -> "ouverte";
            case "closed" -> "fermée";
            case "archived" -> "archivée";
            case "cancelled" -> "annulée";
            default -> status;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String type(String type) {
        return switch (type == null ? "" : type) {
            case "oneshot" -> "One shot";
            case "campaign" -> "Campagne";
            default -> type;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String restriction(String restriction) {
        return switch (restriction == null ? "" : restriction) {
            case "all" -> "Tout public";
            case "16+" -> "16 ans et +";
            case "18+" -> "18 ans et +";
            default -> restriction;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String xp(String xp) {
        return switch (xp == null ? "" : xp) {
            case "all" -> "Tous niveaux";
            case "beginners" -> "Débutant·es";
            case "seasoned" -> "Joueur·euses expérimenté·es";
            default -> xp;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String characters(String characters) {
        return switch (characters == null ? "" : characters) {
            case "with_gm" -> "Avec le MJ";
            case "self" -> "À faire soi-même";
            case "pregen" -> "Prétirés";
            case "choice" -> "Au choix";
            default -> characters;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String frequency(String frequency) {
        return switch (frequency == null ? "" : frequency) {
            case "weekly" -> "Hebdomadaire";
            case "bi-weekly" -> "Toutes les deux semaines";
            case "monthly" -> "Mensuelle";
            case "other" -> "Autre";
            default -> frequency;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String ambience(String ambience) {
        return switch (ambience == null ? "" : ambience) {
            case "chill" -> "Détendue";
            case "serious" -> "Sérieuse";
            case "comic" -> "Comique";
            case "epic" -> "Épique";
            default -> ambience;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String level(Integer level) {
        if (level == null) {
            return "Absent";
        }
        return switch (level) {
            case 1 -> "Mineur";
            case 2 -> "Majeur";
            default -> "Absent";
        };
    }

    @TemplateExtension(namespace = "fr")
    static String action(String action) {
        return switch (action == null ? "" : action) {
            case "create" -> "Création";
            case "edit" -> "Édition";
            case "delete" -> "Suppression";
            case "create-session" -> "Session ajoutée";
            case "edit-session" -> "Session modifiée";
            case "delete-session" -> "Session supprimée";
            case "register" -> "Inscription";
            case "unregister" -> "Désinscription";
            case "alert" -> "Alerte";
            default -> action;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String role(String role) {
        return switch (role == null ? "" : role) {
            case "player" -> "Joueur·euse";
            case "gm" -> "MJ";
            case "admin" -> "Admin";
            case "superuser" -> "Superutilisateur·rice";
            default -> role;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String answer(String answer) {
        return switch (answer == null ? "" : answer) {
            case "yes" -> "Oui";
            case "maybe" -> "Peut-être";
            case "no" -> "Non";
            default -> answer;
        };
    }

    @TemplateExtension(namespace = "fr")
    static String seats(int left) {
        return left == 0 ? "complet" : left == 1 ? "1 place restante" : left + " places restantes";
    }
}
