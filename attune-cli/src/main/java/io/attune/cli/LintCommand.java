package io.attune.cli;

import io.attune.core.copy.CopyFormat;
import io.attune.core.copy.CopyLinter;
import io.attune.core.copy.Finding;
import io.attune.core.copy.LintReport;
import io.attune.core.copy.Severity;
import io.attune.core.copy.SubstantiationId;
import io.attune.server.http.ApiJson;
import io.attune.server.lint.LintBodies;
import io.attune.store.copy.YamlCopyRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attune lint}: checks marketing copy files with the standard copy rules, as
 * {@code POST /api/lint} does, and exits 3 when any finding blocks publishing, so that a build or a
 * pre-commit hook stops there.
 */
@Command(name = "lint", description = "Checks marketing copy (text, Markdown, HTML) for unsubstantiated claims, "
        + "pressure, testimonial, privacy, insurance and referral claims, stigmatising language and unsafe suicide "
        + "messaging. Exits 3 when a finding blocks publishing.")
final class LintCommand implements Callable<Integer> {
    static final int BLOCKED = 3;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "copy files; the extension gives the format: "
            + ".md or .markdown, .html or .htm, anything else text")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "output: text (one line per finding) or json (one document)")
    OutputFormat format;

    @Option(names = "--as", paramLabel = "MARKUP", description = "read every file as text, markdown or html, "
            + "whatever its extension")
    String as;

    @Option(names = {"-s", "--substantiation"}, paramLabel = "ID", description = "a registered substantiation id: "
            + "a claim citing it as [^ID] is info instead of block; repeat for several")
    List<String> substantiations = new ArrayList<>();

    /** One file's findings, as {@code --format json} writes them. */
    record FileReport(String file, String format, boolean blocked, LintBodies.Counts counts,
            List<LintBodies.FindingBody> findings) {
    }

    record Output(boolean blocked, List<FileReport> files) {
    }

    @Override
    public Integer call() throws IOException {
        CopyFormat forced = as == null ? null : CopyFormat.ofWireName(as).orElseThrow(
                () -> new IllegalArgumentException("--as must be text, markdown or html"));
        Set<SubstantiationId> registered = new LinkedHashSet<>();
        for (String id : substantiations) {
            if (!SubstantiationId.isValid(id)) {
                throw new IllegalArgumentException("--substantiation " + id + " is not an id: use 1-64 letters, "
                        + "digits, '.', '_', ':' or '-'");
            }
            registered.add(new SubstantiationId(id));
        }
        CopyLinter linter = YamlCopyRules.standardLinter();
        PrintWriter out = spec.commandLine().getOut();
        List<FileReport> reports = new ArrayList<>();
        long[] totals = new long[Severity.values().length];
        for (Path file : files) {
            CopyFormat markup = forced != null ? forced : CopyFormat.ofFileName(file.getFileName().toString());
            LintReport report = linter.lint(Files.readString(file, StandardCharsets.UTF_8), markup, registered);
            LintBodies.Report body = LintBodies.Report.of(report);
            reports.add(new FileReport(file.toString(), markup.wireName(), body.blocked(), body.counts(),
                    body.findings()));
            for (Finding finding : report.findings()) {
                totals[finding.severity().ordinal()]++;
                if (format == OutputFormat.text) {
                    out.println(line(file, finding));
                }
            }
        }
        boolean blocked = reports.stream().anyMatch(FileReport::blocked);
        if (format == OutputFormat.json) {
            out.println(ApiJson.mapper().writeValueAsString(new Output(blocked, reports)));
        } else {
            out.println(files.size() + (files.size() == 1 ? " file: " : " files: ") + totals[0] + " block, "
                    + totals[1] + " warn, " + totals[2] + " info");
        }
        out.flush();
        return blocked ? BLOCKED : 0;
    }

    /** {@code file:line:column: severity RULE check "text" — why (suggest: …)}, the way compilers report. */
    private static String line(Path file, Finding finding) {
        String text = finding.span().text().replaceAll("\\s+", " ");
        return file + ":" + finding.span().start().line() + ":" + finding.span().start().column() + ": "
                + finding.severity().wireName() + " " + finding.rule() + " " + finding.check() + " \"" + text
                + "\" — " + finding.why() + finding.suggestion().map(rewrite -> " Suggest: " + rewrite).orElse("");
    }
}
