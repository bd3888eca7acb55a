package io.attune.core.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Optional;

/** A condition evaluated by the CEL interpreter, for the shapes the fast path does not cover. */
final class CelProgramCondition implements Condition {
    private final String source;
    private final CelRuntime.Program program;

    CelProgramCondition(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    @Override
    public boolean test(Facts facts) {
        Object result;
        try {
            result = program.eval(name -> Optional.ofNullable(facts.variable(name)));
        } catch (CelEvaluationException e) {
            throw new ConditionFailure(e.getMessage());
        }
        if (result instanceof Boolean verdict) {
            return verdict;
        }
        throw new ConditionFailure("the condition yielded a " + result.getClass().getSimpleName() + ", not a bool");
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "cel(" + source + ")";
    }
}
