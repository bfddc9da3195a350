package club.questmaster.platform.web;

/** The stable error codes of the contract (api.md §1), each with its HTTP status and a short English title. */
public enum ErrorCode {
    VALIDATION_ERROR(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    ACCOUNT_BANNED(403, "Account banned"),
    INSUFFICIENT_SCOPE(403, "Insufficient scope"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GAME_FULL(409, "Game full"),
    GAME_CLOSED(409, "Game closed"),
    DUPLICATE_REGISTRATION(409, "Already registered"),
    NOT_REGISTERED(409, "Not registered"),
    SESSION_CONFLICT(409, "Session overlaps"),
    PAST_DATE(409, "Date in the past"),
    INVALID_TRANSITION(409, "Invalid status transition"),
    ALREADY_PUBLISHED(409, "Already published"),
    NAME_TAKEN(409, "Name taken"),
    IN_USE(409, "Still in use"),
    POLL_ALREADY_OPEN(409, "A poll is already open"),
    POLL_CLOSED(409, "Poll closed"),
    LIMIT_REACHED(409, "Limit reached"),
    REGISTRATION_NOT_OPEN(409, "Registration not open yet"),
    WAITLIST_NOT_NEEDED(409, "Seats are still free"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    ACCOUNT_LOCKED(429, "Account locked"),
    RATE_LIMITED(429, "Too many requests"),
    BAD_GATEWAY(502, "Upstream service error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_ERROR;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
        };
    }
}
