package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.bench.Bench;
import org.forklab.magics.bench.Bundle;
import org.forklab.magics.bench.Html;
import org.forklab.magics.bench.Session;
import org.forklab.magics.claims.AddressSpace;
import org.forklab.magics.claims.Claim;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Claims;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.format.ClaimTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %claims: every claim of the lesson next to the newest measurement of it taken in this session. */
@Command(name = "claims", description = "Report every claim of the lesson next to this session's measurements.",
        showDefaultValues = true, sortOptions = false)
public final class ClaimsMagic implements LineMagic {
    @Mixin
    HelpOption help;

    @Option(names = "--measured-only", description = "Leave out claims not measured in this session.")
    boolean measuredOnly;

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the list of ClaimOutcome records to this variable.")
    String as;

    @Override
    public void run(Bench bench) {
        Report report = report(bench.session());
        bench.show(report.bundle(measuredOnly));
        bench.bind(as, report.outcomes());
    }

    /** The claims answered by the session's results (newest measurement wins) and those still open. */
    public record Report(List<ClaimOutcome> outcomes, List<Claim> open, AddressSpace addressSpace, Environment env) {

        public Bundle bundle(boolean measuredOnly) {
            String title = "The lesson's claims, measured on this machine in this session";
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder("<div class=\"forklab-result\">\n");
            if (outcomes.isEmpty()) {
                text.append(title).append(": nothing measured yet\n");
                html.append("<p>").append(Html.escape(title)).append(": nothing measured yet</p>\n");
            } else {
                var checks = outcomes.stream().map(ClaimOutcome::check).toList();
                text.append(ClaimTable.text(title, checks));
                html.append(ClaimTable.html(title, checks));
            }
            List<String> lines = new ArrayList<>();
            outcomes.forEach(o -> o.sentence().ifPresent(lines::add));
            lines.add("address space (3. Memory): " + addressSpace.sentence() + ".");
            if (!measuredOnly) {
                open.forEach(c -> lines.add("not measured yet (" + c.section() + "): " + c.statement() + "; run " + c.magic()
                        + hint(c)));
            }
            lines.forEach(l -> text.append("* ").append(l).append('\n'));
            html.append("<ul class=\"forklab-claims\">\n");
            lines.forEach(l -> html.append("<li>").append(Html.escape(l)).append("</li>\n"));
            html.append("</ul>\n");
            String machine = ExperimentView.machineLine(env);
            text.append(machine).append('\n');
            html.append("<p><small>").append(Html.escape(machine)).append("</small></p>\n</div>\n");
            return Bundle.of(text.toString(), html.toString());
        }

        private static String hint(Claim c) {
            return c.id().equals("fork-1g") ? " --fork-memory 0,1g" : "";
        }
    }

    public static Report report(Session session) {
        List<Object> newestFirst = new ArrayList<>();
        session.entries().forEach(e -> newestFirst.add(0, e.result()));
        List<ClaimOutcome> outcomes = new ArrayList<>();
        List<Claim> open = new ArrayList<>();
        Environment env = Environment.current();
        for (Claim claim : Claims.ALL) {
            Optional<org.forklab.magics.claims.Measurement> found = claim.findIn(newestFirst);
            if (found.isPresent()) {
                outcomes.add(ClaimOutcome.of(claim, found.get(), env));
            } else {
                open.add(claim);
            }
        }
        return new Report(outcomes, open, AddressSpace.read(), env);
    }
}
