package club.questmaster.platform.web;

import java.util.List;
import java.util.function.Function;

/** The pagination envelope of the contract: {@code {items,total,page,per_page,pages}}. */
public record PageResult<T>(List<T> items, long total, int page, int perPage, int pages) {

    public static <T> PageResult<T> of(List<T> items, long total, PageRequest request) {
        int pages = (int) ((total + request.perPage() - 1) / request.perPage());
        return new PageResult<>(items, total, request.page(), request.perPage(), pages);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, perPage, pages);
    }
}
