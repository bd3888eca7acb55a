package io.attune.server.drift;

import java.time.LocalDate;

/**
 * One lead as drift sees it.
 *
 * @param week the Monday (UTC) of the week the lead was first seen
 * @param score fit plus engagement a week after it was first seen (or now, if that is later than now)
 * @param converted whether sales reported it reached SQL or beyond
 */
public record LeadSample(LocalDate week, double score, boolean converted) {
}
