package io.attune.core.model;

/** The models a workspace scores with: one active model per segment, and the segment of a lead that names none. */
public interface ModelCatalog {
    ScoringModel active(Segment segment);

    Segment defaultSegment();
}
