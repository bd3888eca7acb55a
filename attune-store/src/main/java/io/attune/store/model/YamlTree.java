package io.attune.store.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.attune.store.model.YamlNode.Entry;
import io.attune.store.model.YamlNode.Mapping;
import io.attune.store.model.YamlNode.Scalar;
import io.attune.store.model.YamlNode.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a YAML document into {@link YamlNode}s that remember the file line of every key and
 * value. Jackson's own tree model drops locations, and error messages must name lines, so the
 * tree is built from the streaming parser's tokens.
 */
final class YamlTree {
    private static final Pattern NON_FINITE = Pattern.compile(
            "^\\s*(?:- )?([^\\s:#{]+)\\s*:\\s*[-+]?\\.(?:nan|NaN|NAN|inf|Inf|INF)\\s*(?:#.*)?$");

    private YamlTree() {
    }

    /** A problem found while reading the YAML itself: bad syntax, a repeated key, an alias. */
    record SyntaxProblem(int line, String message) {
    }

    /** The parsed document, or the problems that kept it from parsing; an empty file has no root. */
    record Document(Optional<YamlNode> root, List<SyntaxProblem> problems) {
        Document {
            problems = List.copyOf(problems);
        }
    }

    static Document parse(YAMLFactory factory, String text) {
        List<SyntaxProblem> problems = new ArrayList<>();
        try (JsonParser parser = factory.createParser(text)) {
            TreeBuilder builder = new TreeBuilder(parser, text, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Document(Optional.empty(), problems);
            }
            YamlNode root = builder.value(first);
            if (parser.nextToken() != null) {
                problems.add(new SyntaxProblem(builder.lineOfToken(),
                        "a model file holds one YAML document; remove the second '---' section"));
            }
            return new Document(Optional.of(root), problems);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            problems.add(new SyntaxProblem(line, "YAML syntax error: " + summary(e.getOriginalMessage())
                    + conditionHint(text, line) + nonFiniteHint(text, line)));
            return new Document(Optional.empty(), problems);
        } catch (IOException e) {
            // The text is already in memory: a non-parse I/O failure here would be a bug.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An unquoted CEL condition is the usual cause of a syntax error in a model file: YAML gives
     * {@code :}, {@code #}, {@code &}, {@code *}, {@code !} and a leading quote their own meaning.
     */
    private static String conditionHint(String text, int line) {
        String[] lines = text.split("\\R", -1);
        for (int at = Math.max(0, line - 2); at < Math.min(lines.length, line); at++) {
            if (lines[at].matches("\\s*(- )?when:.*")) {
                return "; write conditions in single quotes (when: 'has(lead.title) && …') or as a block (when: |)";
            }
        }
        return "";
    }

    /**
     * YAML's {@code .nan} and {@code .inf} are numbers to YAML but not to the parser, which stops on
     * them without naming the key; no number in a model may be infinite or not a number.
     */
    private static String nonFiniteHint(String text, int line) {
        String[] lines = text.split("\\R", -1);
        if (line > lines.length) {
            return "";
        }
        Matcher key = NON_FINITE.matcher(lines[line - 1]);
        return key.find() ? "; " + key.group(1) + " must be a finite number" : "";
    }

    /**
     * SnakeYAML's messages repeat the position and quote the offending line with a caret under
     * it; the problem's own line already carries the position, so keep only the sentences.
     */
    private static String summary(String message) {
        if (message == null) {
            return "the file is not valid YAML";
        }
        List<String> sentences = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sentences.add(line.trim());
            }
        }
        return sentences.isEmpty() ? message.trim() : String.join("; ", sentences);
    }

    /** Turns the token stream into nodes, one value at a time. */
    private static final class TreeBuilder {
        private final JsonParser parser;
        private final String[] lines;
        private final List<SyntaxProblem> problems;

        private TreeBuilder(JsonParser parser, String text, List<SyntaxProblem> problems) {
            this.parser = parser;
            this.lines = text.split("\\R", -1);
            this.problems = problems;
        }

        int lineOfToken() {
            return Math.max(1, parser.currentTokenLocation().getLineNr());
        }

        YamlNode value(JsonToken token) throws IOException {
            int line = lineOfToken();
            String tag = parser.getTypeId() instanceof String text ? text : null;
            if (tag != null && !tag.startsWith("tag:yaml.org,2002:")) {
                // A value such as !has(lead.title) is a YAML tag followed by nothing, not a condition.
                problems.add(new SyntaxProblem(line, "YAML reads !" + tag + " as a tag, not as text; put the "
                        + "value in single quotes, e.g. when: '!" + tag + "'"));
            }
            return switch (token) {
                case START_OBJECT -> mapping(line);
                case START_ARRAY -> sequence(line);
                default -> scalar(token, line);
            };
        }

        private Mapping mapping(int line) throws IOException {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                int keyLine = lineOfToken();
                YamlNode value = value(parser.nextToken());
                if (entries.containsKey(key)) {
                    problems.add(new SyntaxProblem(keyLine, "key " + key + " appears twice (first on line "
                            + entries.get(key).line() + ")"));
                } else {
                    entries.put(key, new Entry(key, keyLine, value));
                }
            }
            return new Mapping(line, entries);
        }

        private Sequence sequence(int line) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                items.add(value(token));
            }
            return new Sequence(line, items);
        }

        private Scalar scalar(JsonToken token, int line) throws IOException {
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                // Aliases would let one rule silently reuse another's text; models stay explicit.
                problems.add(new SyntaxProblem(line, "YAML aliases (*" + parser.getText() + ") are not supported "
                        + "in model files; write the value out"));
                return new Scalar(JsonToken.VALUE_NULL, "", null, line, line);
            }
            Number number = token.isNumeric() ? parser.getNumberValue() : null;
            String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
            int column = parser.currentTokenLocation().getColumnNr();
            return new Scalar(token, text, number, line, isBlockScalar(line, column) ? line + 1 : line);
        }

        /**
         * Whether the scalar at this position is written as a block ({@code |} or {@code >}),
         * whose text starts on the next line. Jackson does not expose the scalar style, but the
         * token starts at the indicator, possibly after a tag or an anchor.
         */
        private boolean isBlockScalar(int line, int column) {
            if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
                return false;
            }
            String rest = lines[line - 1].substring(column - 1);
            while (rest.startsWith("!") || rest.startsWith("&")) {
                int space = rest.indexOf(' ');
                rest = space < 0 ? "" : rest.substring(space).stripLeading();
            }
            return rest.startsWith("|") || rest.startsWith(">");
        }
    }
}
