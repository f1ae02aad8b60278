package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

/**
 * What the lessons' prose tells a student to type is accepted by the magic it names: every
 * {@code %magic ...} line and every {@code --option value} in the markdown's code spans and
 * fenced blocks is parsed, and its configuration checked, by that magic's own parser. An option
 * named alone belongs to the magic named last before it in the same text, else to the nearest
 * code cell above it (or below, at the top of a lesson). A block the text shows refused on
 * purpose is preceded by the comment {@code <!-- refused on purpose -->} and must be refused.
 */
class LessonMagicsTest {
    private static final Path NOTEBOOKS = Path.of("..", "notebooks");
    private static final String REFUSED_MARK = "<!-- refused on purpose -->";
    private static final Pattern FENCE = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    // An option worth checking: --long [value] or a short letter and a value (-n 5); -O2 or -Xss are C/JVM flags.
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*(=\\S+)?( [^-\\s]\\S*)*|-[a-zA-Z]( [^-\\s]\\S*)+");
    private static final Set<String> BUILT_IN = Set.of("lsmagic", "load", "maven", "jars", "classpath");
    private static final MagicParser BASEKERNEL = new MagicParser();

    /** One magic call named in a lesson's text, and where. */
    record Named(String lesson, int cell, String text, String magic, boolean cellMagic, List<String> args, boolean refused) {
        String where() {
            return lesson + " cell " + cell + ": `" + text + "`";
        }
    }

    @Test
    void everyMagicAndOptionNamedInTheLessonsIsAccepted() throws IOException {
        List<Named> named = namedInLessons();
        assertTrue(named.size() > 30, "the extraction found only " + named.size() + " calls; is it still reading the lessons?");
        List<String> problems = new ArrayList<>();
        for (Named n : named) {
            Optional<String> refusal = refusal(n);
            if (n.refused() && refusal.isEmpty()) {
                problems.add(n.where() + " is shown as refused but the magic accepts it");
            } else if (!n.refused() && refusal.isPresent()) {
                problems.add(n.where() + " -> " + refusal.get());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theExtractionSeesSpansFencesAndContext() {
        var cells = new JsonArray();
        cells.add(cell("code", "%pingpong -m thread-pipe"));
        cells.add(cell("markdown", "Try `-p same` or `--runs 10`; also `%spawn -n 5` then `-v fork`.\n"
                + REFUSED_MARK + "\n```\n%spawn --smaples 4\n```\nthe JVM's `-Xss` flag"));
        List<Named> found = named("x", cells);
        assertEquals(List.of("%pingpong -p same", "%pingpong --runs 10", "%spawn -n 5", "%spawn -v fork", "%spawn --smaples 4"),
                found.stream().map(n -> "%" + n.magic() + " " + String.join(" ", n.args())).toList());
        assertTrue(refusal(found.get(0)).isPresent(), "placement 'same' does not exist");
        assertFalse(refusal(found.get(1)).isPresent());
        assertTrue(found.get(4).refused());
        cells.add(cell("markdown", "`%spawn` with `--samples` or `--sample`, `--forks N` or `--forks many`"));
        List<Named> more = named("x", cells).subList(5, 10);
        assertEquals(List.of(false, false, true, false, true), more.stream().map(n -> refusal(n).isPresent()).toList());
    }

    private static Optional<String> refusal(Named n) {
        if (BUILT_IN.contains(n.magic()) && !n.cellMagic()) {
            return Optional.empty();
        }
        Optional<MagicDefinition> magic = MagicCatalog.find(n.magic(), n.cellMagic());
        if (magic.isEmpty()) {
            return Optional.of("no magic " + (n.cellMagic() ? "%%" : "%") + n.magic());
        }
        // A magic or an option merely named (`%compare`, `--save`) must exist; a call must parse.
        if (n.args().isEmpty() && n.text().startsWith("%")) {
            return Optional.empty();
        }
        // `--forks N`, `--save PATH`: an option with a placeholder in capitals is named, not called.
        boolean placeholder = n.args().size() == 2 && n.args().get(1).matches("[A-Z][A-Z_]*");
        if ((n.args().size() == 1 || placeholder) && n.args().get(0).startsWith("-") && !n.text().startsWith("%")) {
            var spec = org.forklab.magics.parse.MagicParser.commandLine(magic.get().display(), magic.get().factory().get())
                    .getCommandSpec();
            return spec.findOption(n.args().get(0)) != null ? Optional.empty()
                    : Optional.of(magic.get().display() + " has no option " + n.args().get(0));
        }
        try {
            MagicCall.check(magic.get(), n.args());
            return Optional.empty();
        } catch (UsageError | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<Named> namedInLessons() throws IOException {
        List<Named> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList()) {
                JsonObject nb = new JsonParser().parse(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
                all.addAll(named(p.getFileName().toString(), nb.getAsJsonArray("cells")));
            }
        }
        return all;
    }

    private static List<Named> named(String lesson, JsonArray cells) {
        List<Named> found = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("markdown")) {
                continue;
            }
            String text = source(cell);
            int here = i;
            String context = magicOfCodeCell(cells, here, -1).or(() -> magicOfCodeCell(cells, here, +1)).orElse(null);
            // Fenced blocks first (each line on its own), then the spans of the text around them.
            List<int[]> fences = new ArrayList<>();
            List<Fragment> fragments = new ArrayList<>();
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                fences.add(new int[] {fence.start(), fence.end()});
                boolean refused = text.substring(0, fence.start()).stripTrailing().endsWith(REFUSED_MARK);
                for (String line : fence.group(1).split("\n")) {
                    fragments.add(new Fragment(fence.start(), line.strip(), refused));
                }
            }
            Matcher span = SPAN.matcher(text);
            while (span.find()) {
                int at = span.start();
                if (fences.stream().noneMatch(f -> at >= f[0] && at < f[1])) {
                    fragments.add(new Fragment(at, span.group(1).strip(), false));
                }
            }
            fragments.sort((a, b) -> Integer.compare(a.at(), b.at()));
            for (Fragment f : fragments) {
                Optional<Named> call = magicCall(lesson, i, f);
                if (call.isPresent()) {
                    found.add(call.get());
                    context = (call.get().cellMagic() ? "%%" : "%") + call.get().magic();
                } else if (context != null && OPTION.matcher(f.text()).matches()) {
                    Named withContext = magicCall(lesson, i, new Fragment(f.at(), context + " " + f.text(), f.refused())).orElseThrow();
                    found.add(new Named(lesson, i, f.text(), withContext.magic(), withContext.cellMagic(), withContext.args(), f.refused()));
                }
            }
        }
        return found;
    }

    private record Fragment(int at, String text, boolean refused) {
    }

    private static Optional<Named> magicCall(String lesson, int cell, Fragment f) {
        String text = f.text();
        if (text.startsWith("%%")) {
            var call = BASEKERNEL.parseCellMagic(text + "\nint main(void) { return 0; }\n");
            return call == null ? Optional.empty() : Optional.of(new Named(lesson, cell, text, call.getMagicCall().getName(), true,
                    call.getMagicCall().getArgs(), f.refused()));
        }
        if (text.startsWith("%") && text.length() > 1 && Character.isLetter(text.charAt(1))) {
            List<Named> one = new ArrayList<>();
            BASEKERNEL.transformLineMagics(text, context -> {
                one.add(new Named(lesson, cell, text, context.getMagicCall().getName(), false, context.getMagicCall().getArgs(), f.refused()));
                return "";
            });
            return one.stream().findFirst();
        }
        return Optional.empty();
    }

    /** The magic a code cell starts with (%name or %%name), looking from cell i in direction step. */
    private static Optional<String> magicOfCodeCell(JsonArray cells, int i, int step) {
        for (int j = i + step; j >= 0 && j < cells.size(); j += step) {
            JsonObject cell = cells.get(j).getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                String first = source(cell).strip().split("\\s+", 2)[0];
                if (first.startsWith("%")) {
                    return Optional.of(first);
                }
            }
        }
        return Optional.empty();
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            s.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return s.getAsString();
    }

    private static JsonObject cell(String type, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", type);
        cell.addProperty("source", source);
        return cell;
    }
}
