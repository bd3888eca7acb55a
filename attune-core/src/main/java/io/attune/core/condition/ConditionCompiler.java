package io.attune.core.condition;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles CEL rule conditions once, at model load. Every expression is parsed and type-checked
 * against the {@link Facts} variables and must yield a bool. Expressions of the common shapes
 * (field comparisons, {@code in} lists, string tests, regexes, {@code has}, and/or/not) become
 * direct Java evaluators with CEL's semantics; anything else runs as a CEL program.
 */
public final class ConditionCompiler {
    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public ConditionCompiler() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .enableRegexPartialMatch(true)
                .build();
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (String variable : Facts.VARIABLES) {
            builder.addVar(variable, MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    public Condition compile(String expression) throws InvalidConditionException {
        if (expression == null || expression.isBlank()) {
            throw new InvalidConditionException(List.of(new ConditionProblem(1, 1, "the condition is empty")));
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            throw new InvalidConditionException(problems(result.getErrors()));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            List<ConditionProblem> patterns = invalidPatterns(ast);
            if (!patterns.isEmpty()) {
                throw new InvalidConditionException(patterns);
            }
            CelRuntime.Program program = runtime.createProgram(ast);
            return FastConditions.translate(expression, ast.getExpr())
                    .orElseGet(() -> new CelProgramCondition(expression, program));
        } catch (CelValidationException e) {
            throw new InvalidConditionException(problems(e.getErrors()));
        } catch (CelEvaluationException e) {
            throw new InvalidConditionException(List.of(new ConditionProblem(1, 1, e.getMessage())));
        }
    }

    /** The same expression as a plain CEL program, without the fast path; for tests and benchmarks. */
    Condition compileWithoutFastPath(String expression) throws InvalidConditionException {
        CelValidationResult result = compiler.compile(expression);
        try {
            return new CelProgramCondition(expression, runtime.createProgram(result.getAst()));
        } catch (CelValidationException e) {
            throw new InvalidConditionException(problems(e.getErrors()));
        } catch (CelEvaluationException e) {
            throw new InvalidConditionException(List.of(new ConditionProblem(1, 1, e.getMessage())));
        }
    }

    /**
     * CEL compiles a {@code matches} pattern only when it first runs, so a pattern RE2 refuses (a
     * look-ahead, an unclosed group) would fail on every event; it must stop the model loading instead.
     */
    private static List<ConditionProblem> invalidPatterns(CelAbstractSyntaxTree ast) {
        List<ConditionProblem> problems = new ArrayList<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr)
                .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("matches")
                        && !expr.call().args().isEmpty())
                .map(expr -> expr.call().args().get(expr.call().args().size() - 1))
                .filter(pattern -> pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE)
                .forEach(pattern -> {
                    try {
                        Pattern.compile(pattern.constant().stringValue());
                    } catch (PatternSyntaxException e) {
                        CelSourceLocation at = Optional.ofNullable(ast.getSource().getPositionsMap().get(pattern.id()))
                                .flatMap(offset -> ast.getSource().getOffsetLocation(offset))
                                .orElse(CelSourceLocation.NONE);
                        problems.add(new ConditionProblem(Math.max(1, at.getLine()), Math.max(1, at.getColumn() + 1),
                                "invalid regular expression: " + e.getMessage()));
                    }
                });
        return problems;
    }

    private static List<ConditionProblem> problems(List<CelIssue> issues) {
        List<ConditionProblem> problems = new ArrayList<>();
        for (CelIssue issue : issues) {
            int line = Math.max(1, issue.getSourceLocation().getLine());
            int column = Math.max(1, issue.getSourceLocation().getColumn() + 1);
            problems.add(new ConditionProblem(line, column, issue.getMessage()));
        }
        return problems;
    }
}
