package io.attune.server.http;

import io.attune.core.query.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a listing: its items and the cursor of the next page, {@code null} on the last page. */
public record PageBody<T>(List<T> items, String next) {
    public PageBody {
        items = List.copyOf(items);
    }

    public static <S, T> PageBody<T> of(Page<S> page, Function<S, T> view) {
        return new PageBody<>(page.items().stream().map(view).toList(), page.next().orElse(null));
    }
}
