package io.attune.server.drift;

import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Checks a segment's active model for drift over the last complete weeks. The current week is left
 * out: it is not over, and its leads are younger than the age they are scored at.
 */
public final class DriftCheck {
    public static final int DEFAULT_WEEKS = 8;
    public static final int MAX_WEEKS = 104;

    private final DriftSampler sampler;
    private final ModelRegistry models;

    public DriftCheck(DriftSampler sampler, ModelRegistry models) {
        this.sampler = sampler;
        this.models = models;
    }

    /** The segment when none is named: the workspace's default. */
    public Segment defaultSegment(WorkspaceId workspace) {
        return models.catalog(workspace).defaultSegment();
    }

    /**
     * @param weeks how many complete weeks, the latest included (at least 2: the latest and a baseline)
     */
    public Drift check(WorkspaceId workspace, Segment segment, int weeks, DriftBounds bounds, Instant now) {
        if (weeks < 2 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be from 2 to " + MAX_WEEKS);
        }
        ScoringModel model = models.catalog(workspace).active(segment);
        LocalDate current = DriftSampler.weekOf(now);
        LocalDate latest = current.minusWeeks(1);
        LocalDate from = current.minusWeeks(weeks);
        return DriftAnalysis.of(segment, model.version(), from, latest,
                sampler.sample(workspace, model, from, current, now), bounds);
    }
}
