package club.questmaster.platform.web;

/**
 * {@code ?page=&per_page=}: page from 1, per_page clamped to 1..100 (contract §1), default 20. A page whose first row
 * lies beyond {@link #MAX_OFFSET} is the client's 400 naming {@code page} (contract §6): its offset would overflow
 * the page arithmetic ({@code (page - 1) * per_page}) before any query runs.
 */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;
    /** The largest first-row index a page may start at (what a query's int offset holds). */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    public static PageRequest of(Integer page, Integer perPage) {
        int p = page == null || page < 1 ? 1 : page;
        int size = perPage == null ? DEFAULT_PER_PAGE : Math.max(1, Math.min(MAX_PER_PAGE, perPage));
        if ((long) (p - 1) * size > MAX_OFFSET) {
            throw ApiException.invalid("page", "must be at most " + (MAX_OFFSET / size + 1) + " with per_page " + size);
        }
        return new PageRequest(p, size);
    }

    /** From the raw {@code page} and {@code per_page} query parameters; a non-number is a 400 naming the parameter. */
    public static PageRequest parse(String page, String perPage) {
        return of(QueryParams.optionalInt("page", page), QueryParams.optionalInt("per_page", perPage));
    }

    /** Zero-based index of the first row of this page. */
    public int offset() {
        return (page - 1) * perPage;
    }
}
