package io.attune.learn.threshold;

/** What the team can handle or wants: the two ways to ask for a threshold. */
public sealed interface ThresholdGoal permits ThresholdGoal.Capacity, ThresholdGoal.TargetPrecision {
    /** Sales can work {@code mqlsPerWeek} of the {@code leadsPerWeek} leads that arrive. */
    record Capacity(int mqlsPerWeek, int leadsPerWeek) implements ThresholdGoal {
        public Capacity {
            if (mqlsPerWeek < 1 || leadsPerWeek < mqlsPerWeek) {
                throw new IllegalArgumentException("capacity must be at least 1 MQL a week and at most the leads a week");
            }
        }
    }

    /** At least this share of MQLs should convert (the MQL→SQL rate sales would accept). */
    record TargetPrecision(double precision) implements ThresholdGoal {
        public TargetPrecision {
            if (!(precision > 0 && precision < 1)) {
                throw new IllegalArgumentException("the target precision must be between 0 and 1");
            }
        }
    }
}
