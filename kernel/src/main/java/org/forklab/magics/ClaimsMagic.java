package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Environment;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.io.Session;
import org.forklab.magics.claims.AddressSpace;
import org.forklab.magics.claims.Claim;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Claims;
import org.forklab.magics.claims.Fact;
import org.forklab.magics.claims.Facts;
import org.forklab.magics.claims.NativeStacksNow;
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
            description = "Bind the report to this variable: a ClaimsMagic.Report, whose outcomes() lists the"
                    + " ClaimOutcome of each measured claim.")
    String as;

    @Override
    public void run(Bench bench) {
        Report report = report(bench.session());
        bench.show(report.bundle(measuredOnly));
        // the record itself, a public type: a later cell reads report.outcomes() as a List<ClaimOutcome>, no casts
        bench.bind(as, report);
    }

    /**
     * The claims answered by the session's results (newest measurement wins) and those still open;
     * the facts answered by this machine and how far the session got, and those still open.
     */
    public record Report(List<ClaimOutcome> outcomes, List<Claim> open, List<String> facts, List<Fact> openFacts,
                         Environment env) {

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
            lines.addAll(facts);
            if (!measuredOnly) {
                open.forEach(c -> lines.add(notYet(c.section(), c.statement(), c.magic() + hint(c))));
                openFacts.stream().filter(f -> !f.magic().equals(Facts.BESIDE))
                        .forEach(f -> lines.add(notYet(f.section(), f.statement(), f.magic())));
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

        private static String notYet(String section, String statement, String run) {
            return "not measured yet (" + section + "): " + statement + "; run " + run;
        }

        private static String hint(Claim c) {
            if (c.id().startsWith("thread-stack-")) {
                return NativeStacksNow.why().map(w -> "; not here: " + w).orElse("");
            }
            return switch (c.id()) {
                case "fork-1g" -> " --fork-memory 0,1g";
                case "race-threads" -> " -w 2 -N 1000000 (the claim is about two threads × 1,000,000 increments)";
                case "pool-dispatch-handoff" -> " -v executor-latency";
                default -> "";
            };
        }
    }

    public static Report report(Session session) {
        List<Object> newestFirst = new ArrayList<>();
        session.entries().forEach(e -> newestFirst.add(0, e.result()));
        // the stack claims are about native threads, which the C probe measures in a moment
        NativeStacksNow.measure().ifPresent(newestFirst::add);
        List<ClaimOutcome> outcomes = new ArrayList<>();
        List<Claim> open = new ArrayList<>();
        Environment env = Environment.current();
        for (Claim claim : Claims.ALL) {
            Optional<Claim.Answer> found = claim.findIn(newestFirst);
            if (found.isPresent()) {
                outcomes.add(ClaimOutcome.of(claim, found.get().result(), found.get().measurement(), env));
            } else {
                open.add(claim);
            }
        }
        Fact.Context context = new Fact.Context(newestFirst, env.limits(), AddressSpace.read());
        List<String> facts = new ArrayList<>();
        List<Fact> openFacts = new ArrayList<>();
        for (Fact fact : Claims.FACTS) {
            fact.sentence(context).ifPresentOrElse(s -> facts.add(fact.section() + ": " + s + "."), () -> openFacts.add(fact));
        }
        return new Report(outcomes, open, facts, openFacts, env);
    }
}
