package io.attune.core.condition;

import com.google.re2j.Pattern;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates checked CEL expressions of the common shapes into Java evaluators that follow CEL's
 * semantics (missing keys and wrong types are errors; {@code &&} and {@code ||} absorb an error
 * when the other side decides). A plain CEL program costs about a microsecond per condition;
 * these cost tens of nanoseconds, which is what makes a million events a second possible.
 */
final class FastConditions {
    private FastConditions() {
    }

    static Optional<Condition> translate(String source, CelExpr expr) {
        Node node = node(expr);
        return node == null ? Optional.empty() : Optional.of(new FastCondition(source, node));
    }

    /** An evaluator of one sub-expression; returns a CEL value or throws {@link ConditionFailure}. */
    interface Node {
        Object eval(Facts facts);
    }

    private static Node node(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr.constant()).map(value -> (Node) facts -> value).orElse(null);
            case IDENT -> variable(expr.ident().name());
            case SELECT -> select(expr.select());
            case CALL -> call(expr.call());
            default -> null;
        };
    }

    private static Node variable(String name) {
        if (!Facts.VARIABLES.contains(name)) {
            return null;
        }
        return facts -> facts.variable(name);
    }

    private static Node select(CelExpr.CelSelect select) {
        Node operand = node(select.operand());
        if (operand == null) {
            return null;
        }
        String field = select.field();
        if (select.testOnly()) {
            return facts -> asMap(operand.eval(facts), field).containsKey(field);
        }
        return facts -> {
            Map<?, ?> map = asMap(operand.eval(facts), field);
            Object value = map.get(field);
            if (value == null) {
                throw new ConditionFailure("no such key: " + field);
            }
            return value;
        };
    }

    private static Map<?, ?> asMap(Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ConditionFailure("cannot select '" + field + "' from a " + typeName(value));
    }

    private static Node call(CelExpr.CelCall call) {
        List<CelExpr> args = call.args();
        if (call.target().isPresent()) {
            return receiverCall(call.function(), call.target().get(), args);
        }
        return switch (call.function()) {
            case "_&&_" -> args.size() == 2 ? and(node(args.get(0)), node(args.get(1))) : null;
            case "_||_" -> args.size() == 2 ? or(node(args.get(0)), node(args.get(1))) : null;
            case "!_" -> args.size() == 1 ? not(node(args.get(0))) : null;
            case "_==_" -> binary(args, (l, r) -> CelValues.equal(l, r));
            case "_!=_" -> binary(args, (l, r) -> !CelValues.equal(l, r));
            case "_<_" -> binary(args, (l, r) -> CelValues.compare(l, r) < 0);
            case "_<=_" -> binary(args, (l, r) -> CelValues.compare(l, r) <= 0);
            case "_>_" -> binary(args, (l, r) -> CelValues.compare(l, r) > 0);
            case "_>=_" -> binary(args, (l, r) -> CelValues.compare(l, r) >= 0);
            case "@in" -> in(args);
            case "matches" -> args.size() == 2 ? matches(node(args.get(0)), args.get(1)) : null;
            default -> null;
        };
    }

    private static Node receiverCall(String function, CelExpr target, List<CelExpr> args) {
        if (args.size() != 1) {
            return null;
        }
        Node receiver = node(target);
        if (receiver == null) {
            return null;
        }
        if (function.equals("matches")) {
            return matches(receiver, args.get(0));
        }
        Optional<Object> literal = args.get(0).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                ? constant(args.get(0).constant()) : Optional.empty();
        if (literal.isEmpty() || !(literal.get() instanceof String text)) {
            return null;
        }
        return switch (function) {
            case "startsWith" -> facts -> text(receiver.eval(facts), function).startsWith(text);
            case "endsWith" -> facts -> text(receiver.eval(facts), function).endsWith(text);
            case "contains" -> facts -> text(receiver.eval(facts), function).contains(text);
            default -> null;
        };
    }

    private static Node matches(Node receiver, CelExpr regex) {
        if (receiver == null || regex.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return null;
        }
        Optional<Object> literal = constant(regex.constant());
        if (literal.isEmpty() || !(literal.get() instanceof String text)) {
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(text);
        } catch (RuntimeException e) {
            return null; // let the CEL program report the bad pattern the way CEL does
        }
        RegexMemo memo = new RegexMemo(pattern);
        Optional<AnchoredAlternatives> plain = AnchoredAlternatives.parse(text);
        if (plain.isPresent()) {
            AnchoredAlternatives alternatives = plain.get();
            return facts -> {
                String subject = text(receiver.eval(facts), "matches");
                return alternatives.test(subject).orElseGet(() -> memo.test(subject));
            };
        }
        return facts -> memo.test(text(receiver.eval(facts), "matches"));
    }

    private static String text(Object value, String function) {
        if (value instanceof String s) {
            return s;
        }
        throw new ConditionFailure("no matching overload for '" + function + "' on a " + typeName(value));
    }

    private interface Comparison {
        boolean test(Object left, Object right);
    }

    private static Node binary(List<CelExpr> args, Comparison comparison) {
        if (args.size() != 2) {
            return null;
        }
        Node left = node(args.get(0));
        Node right = node(args.get(1));
        if (left == null || right == null) {
            return null;
        }
        return facts -> comparison.test(left.eval(facts), right.eval(facts));
    }

    private static Node in(List<CelExpr> args) {
        if (args.size() != 2 || args.get(1).getKind() != CelExpr.ExprKind.Kind.LIST) {
            return null;
        }
        Node element = node(args.get(0));
        if (element == null) {
            return null;
        }
        List<Object> members = new ArrayList<>();
        for (CelExpr member : args.get(1).list().elements()) {
            if (member.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                return null;
            }
            Optional<Object> value = constant(member.constant());
            if (value.isEmpty()) {
                return null;
            }
            members.add(value.get());
        }
        boolean allStrings = members.stream().allMatch(String.class::isInstance);
        if (allStrings) {
            Set<Object> strings = new HashSet<>(members);
            return facts -> {
                Object value = element.eval(facts);
                return value instanceof String ? strings.contains(value) : containsEqual(members, value);
            };
        }
        return facts -> containsEqual(members, element.eval(facts));
    }

    private static boolean containsEqual(List<Object> members, Object value) {
        for (Object member : members) {
            if (CelValues.equal(value, member)) {
                return true;
            }
        }
        return false;
    }

    private static Node and(Node left, Node right) {
        return logical(left, right, Boolean.FALSE, "&&");
    }

    private static Node or(Node left, Node right) {
        return logical(left, right, Boolean.TRUE, "||");
    }

    /**
     * {@code &&} (decided by false) and {@code ||} (decided by true) as CEL has them: a side that
     * fails is absorbed when the other side decides; a side that yields a value other than a bool is
     * an error CEL does not absorb. Failures are kept in locals, not objects, on this hot path.
     */
    private static Node logical(Node left, Node right, Boolean deciding, String operator) {
        if (left == null || right == null) {
            return null;
        }
        return facts -> {
            Object l;
            ConditionFailure leftFailure = null;
            try {
                l = left.eval(facts);
            } catch (ConditionFailure failure) {
                l = null;
                leftFailure = failure;
            }
            requireBoolOrFailed(l, operator);
            if (deciding.equals(l)) {
                return deciding;
            }
            Object r;
            ConditionFailure rightFailure = null;
            try {
                r = right.eval(facts);
            } catch (ConditionFailure failure) {
                r = null;
                rightFailure = failure;
            }
            requireBoolOrFailed(r, operator);
            if (deciding.equals(r)) {
                return deciding;
            }
            if (leftFailure != null) {
                throw leftFailure;
            }
            if (rightFailure != null) {
                throw rightFailure;
            }
            return !deciding;
        };
    }

    private static void requireBoolOrFailed(Object value, String operator) {
        if (value != null && !(value instanceof Boolean)) {
            throw new ConditionFailure("no matching overload for '" + operator + "' on a " + typeName(value));
        }
    }

    private static Node not(Node operand) {
        if (operand == null) {
            return null;
        }
        return facts -> {
            Object value = operand.eval(facts);
            if (value instanceof Boolean b) {
                return !b;
            }
            throw new ConditionFailure("no matching overload for '!' on a " + typeName(value));
        };
    }

    private static Optional<Object> constant(CelConstant constant) {
        return switch (constant.getKind()) {
            case BOOLEAN_VALUE -> Optional.of(constant.booleanValue());
            case INT64_VALUE -> Optional.of(constant.int64Value());
            case DOUBLE_VALUE -> Optional.of(constant.doubleValue());
            case STRING_VALUE -> Optional.of(constant.stringValue());
            default -> Optional.empty();
        };
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "double";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "map";
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static final class FastCondition implements Condition {
        private final String source;
        private final Node root;

        FastCondition(String source, Node root) {
            this.source = source;
            this.root = root;
        }

        @Override
        public boolean test(Facts facts) {
            Object value = root.eval(facts);
            if (value instanceof Boolean verdict) {
                return verdict;
            }
            throw new ConditionFailure("the condition yielded a " + typeName(value) + ", not a bool");
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public String toString() {
            return "fast(" + source + ")";
        }
    }
}
