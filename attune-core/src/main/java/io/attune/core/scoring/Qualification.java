package io.attune.core.scoring;

import io.attune.core.lead.LeadState;
import io.attune.core.model.GradeMatrix;
import io.attune.core.model.ScoringModel;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a score qualifies under a model at an instant: fit ≥ {@code fitMin} and fit + engagement
 * + learned ≥ {@code threshold}, or the lead's grade × score cell is a qualifying one, and no rule
 * disqualified the lead. The learned term ({@link LearnedValue}, 0 without one) is evidence drawn
 * from the lead's fit and engagement rules together, so in a grade matrix it sits on the score
 * axis with engagement; the fit grade stays the fit rules' alone.
 */
public record Qualification(boolean qualified, double fit, double engagement, double learned, Optional<String> cell,
        String because) {

    public double total() {
        return fit + engagement + learned;
    }

    public static Qualification of(ScoringModel model, LeadScore score, Instant at) {
        return of(model, score, 0, LearnedValue.pointsOf(LearnedValue.of(model, score, at.toEpochMilli())), at);
    }

    /**
     * Whether a lead qualifies: its score less what a recycle took off (see
     * {@link io.attune.core.lead.SalesRecord}), with no learned term while its scoring is withheld.
     */
    public static Qualification of(ScoringModel model, LeadState lead, Instant at) {
        return of(model, lead.score(), lead.sales().discountAt(at.toEpochMilli(), model.decay()),
                LearnedValue.pointsOf(LearnedValue.of(model, lead, at.toEpochMilli())), at);
    }

    /**
     * The score the lead list's {@code minScore}/{@code maxScore} compare: fit + engagement now (a
     * recycle's discount not taken off) + the learned term.
     */
    public static double listedScore(ScoringModel model, LeadState lead, Instant at) {
        return lead.score().fit() + lead.score().engagementAt(at.toEpochMilli(), model.decay())
                + LearnedValue.pointsOf(LearnedValue.of(model, lead, at.toEpochMilli()));
    }

    private static Qualification of(ScoringModel model, LeadScore score, double discount, double learned,
            Instant at) {
        double fit = score.fit();
        double engagement = Math.max(0, score.engagementAt(at.toEpochMilli(), model.decay()) - discount);
        Optional<Disqualification> out = score.disqualification();
        Optional<String> cell = model.grades().map(grades -> grades.cell(fit, engagement + learned));
        if (out.isPresent()) {
            return new Qualification(false, fit, engagement, learned, cell,
                    "disqualified by " + out.get().rule() + ": " + out.get().reason());
        }
        if (model.grades().isPresent()) {
            GradeMatrix grades = model.grades().get();
            boolean qualified = grades.qualifies(fit, engagement + learned);
            return new Qualification(qualified, fit, engagement, learned, cell,
                    "cell " + cell.get() + (qualified ? " qualifies" : " does not qualify"));
        }
        if (fit < model.fitMin()) {
            return new Qualification(false, fit, engagement, learned, cell,
                    "fit " + round(fit) + " is below fitMin " + round(model.fitMin()));
        }
        double total = fit + engagement + learned;
        boolean qualified = total >= model.threshold();
        return new Qualification(qualified, fit, engagement, learned, cell, "score " + round(total)
                + (qualified ? " reached" : " is below") + " threshold " + round(model.threshold()));
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }
}
