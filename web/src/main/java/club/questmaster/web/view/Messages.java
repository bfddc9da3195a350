package club.questmaster.web.view;

import club.questmaster.web.api.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' problem codes and validation messages in the original's French (questmaster.md §3, §4). A code or a
 * message we do not know yet is shown as the service wrote it: never hidden.
 */
public final class Messages {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("GAME_FULL", "La partie est complète."),
            Map.entry("GAME_CLOSED", "La partie est fermée aux inscriptions."),
            Map.entry("DUPLICATE_REGISTRATION", "Vous êtes déjà inscrit·e à cette partie."),
            Map.entry("NOT_REGISTERED", "Vous n'êtes pas inscrit·e à cette partie."),
            Map.entry("SESSION_CONFLICT", "Cette session chevauche une session existante."),
            Map.entry("PAST_DATE", "La date de la partie est passée : confirmez pour publier quand même."),
            Map.entry("INVALID_TRANSITION", "Cette action n'est pas possible dans l'état actuel de l'annonce."),
            Map.entry("ALREADY_PUBLISHED", "L'annonce est déjà publiée."),
            Map.entry("NAME_TAKEN", "Ce nom est déjà pris."),
            Map.entry("ACCOUNT_BANNED", "Ce compte est banni."),
            Map.entry("ACCOUNT_LOCKED", "Trop d'essais : ce compte est verrouillé pendant 15 minutes."),
            Map.entry("RATE_LIMITED", "Trop de tentatives : réessayez dans quelques instants."),
            Map.entry("UNAUTHENTICATED", "Identifiant ou mot de passe incorrect."),
            Map.entry("FORBIDDEN", "Vous n'êtes pas autorisé·e à faire cette action."),
            Map.entry("NOT_FOUND", "Cette page n'existe pas (ou plus)."),
            Map.entry("REGISTRATION_NOT_OPEN", "Les inscriptions ne sont pas encore ouvertes."),
            Map.entry("WAITLIST_NOT_NEEDED", "Il reste des places : inscrivez-vous directement."),
            Map.entry("LIMIT_REACHED", "La limite est atteinte."),
            Map.entry("IN_USE", "Cet élément est utilisé par une annonce : il ne peut pas être supprimé."),
            Map.entry("VALIDATION_ERROR", "Certains champs sont invalides."));

    /** Bean Validation's English defaults and the services' own phrases, as the original's form would say them. */
    private static final Map<String, String> FIELD_MESSAGES = Map.ofEntries(
            Map.entry("must not be blank", "Ce champ est obligatoire."),
            Map.entry("must not be null", "Ce champ est obligatoire."),
            Map.entry("must not be empty", "Ce champ est obligatoire."),
            Map.entry("must be at least 1", "Au moins 1."),
            Map.entry("must be at least 0.5 hour", "Au moins une demi-heure."),
            Map.entry("must be at most 24 hours", "Au plus 24 heures."),
            Map.entry("must be an http(s) URL", "Une adresse http(s) est attendue."));

    private Messages() {
    }

    /** One sentence for the page: the French text of the code, else the service's detail. */
    public static String of(ApiProblem problem) {
        if (problem.is("REGISTRATION_NOT_OPEN") && problem.detail() != null) {
            // The detail gives the opening time.
            return "Les inscriptions ne sont pas encore ouvertes (" + problem.detail() + ").";
        }
        String known = CODES.get(problem.code());
        if (known != null) {
            return known;
        }
        if (problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        return "La demande a été refusée (" + problem.status() + ").";
    }

    public static String field(String message) {
        if (message == null) {
            return "Valeur invalide.";
        }
        String known = FIELD_MESSAGES.get(message);
        if (known != null) {
            return known;
        }
        if (message.startsWith("size must be between")) {
            return "Longueur invalide (" + message.substring("size must be between".length()).trim() + ").";
        }
        return message;
    }

    /** The problem's field errors in French, keyed by the API field names (which are the form's field names). */
    public static Map<String, String> fields(ApiProblem problem) {
        Map<String, String> out = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> out.put(field, field(message)));
        return out;
    }
}
