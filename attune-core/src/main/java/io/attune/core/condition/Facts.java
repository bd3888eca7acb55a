package io.attune.core.condition;

import java.util.List;
import java.util.Map;

/**
 * The variables a rule condition sees, each a map (empty when there is nothing to say):
 * <ul>
 *   <li>{@code event}: {@code kind} ("track", "page"…), {@code name} and, for pages, {@code category};
 *   <li>{@code props}: the event's properties (track, page, screen) or traits (identify, group);
 *   <li>{@code page}: the page in view: {@code context.page} overlaid with a page event's properties
 *       ({@code path}, {@code url}, {@code title}, {@code referrer}, {@code search});
 *   <li>{@code context}: the event's context ({@code campaign}, {@code referrer}, {@code userAgent}…);
 *   <li>{@code lead}: the lead's traits so far, with {@code emailDomain} added;
 *   <li>{@code account}: the lead's account traits, with {@code domain} added;
 *   <li>{@code seen}: for each engagement rule id, how many times it scored for this lead before
 *       this event.
 * </ul>
 */
public interface Facts {
    List<String> VARIABLES = List.of("event", "props", "page", "context", "lead", "account", "seen");

    /** The named variable's map; never {@code null} for a declared variable. */
    Map<String, Object> variable(String name);
}
