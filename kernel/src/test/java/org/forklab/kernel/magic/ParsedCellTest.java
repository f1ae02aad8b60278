package org.forklab.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ParsedCellTest {

    private static List<String> calls(ParsedCell cell) {
        return cell.lineMagics().stream().map(m -> m.getName() + m.getArgs()).collect(Collectors.toList());
    }

    @Test
    void magicOnlyCellHasNoJava() {
        ParsedCell cell = ParsedCell.parse("%maven org.a:b:1 \"with space\"\n%lsmagic");
        assertEquals(List.of("maven[org.a:b:1, with space]", "lsmagic[]"), calls(cell));
        assertFalse(cell.hasJava());
    }

    @Test
    void magicLinesBecomeBlanksSoJavaPositionsStay() {
        String code = "%jars lib/*.jar\nint x = 1;\n%lsmagic\nx + 1";
        ParsedCell cell = ParsedCell.parse(code);
        assertEquals(List.of("jars[lib/*.jar]", "lsmagic[]"), calls(cell));
        assertEquals(code.length(), cell.java().length());
        assertEquals(code.indexOf("int x"), cell.java().indexOf("int x"));
        assertEquals("int x = 1;\n\nx + 1", cell.java().replaceAll("(?m)^ +$", "").strip());
    }

    @Test
    void percentInsideJavaIsNotAMagic() {
        ParsedCell cell = ParsedCell.parse("String.format(\"%d\", 3)\nint r = 7 % 2;");
        assertTrue(cell.lineMagics().isEmpty());
        assertTrue(cell.hasJava());
    }

    @Test
    void cellMagicHasNameArgsAndBody() {
        var call = ParsedCell.cellMagic("%%time --runs 3\nint a = 1;\nint b = 2;");
        assertNotNull(call);
        assertEquals("time", call.getName());
        assertEquals(List.of("--runs", "3"), call.getArgs());
        assertEquals("int a = 1;\nint b = 2;", call.getBody());
        assertNull(ParsedCell.cellMagic("%time 1"));
    }

    @Test
    void argsAreSplitByBasekernel() {
        LineMagicArgs call = ParsedCell.parse("%load \"my file.jshell\"").lineMagics().get(0);
        assertEquals(List.of("my file.jshell"), call.getArgs());
    }
}
