package org.forklab.kernel.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ClassFileLimitsTest {
    @Test
    void aStringLiteralPastTheConstantLimitIsNamedWithItsLine() {
        String cell = "int a = 1;\nString s = \"" + "x".repeat(70_000) + "\";";
        String why = ClassFileLimits.oversizeStringLiteral(cell);
        assertNotNull(why);
        assertTrue(why.startsWith("the string literal on line 2 is 70,000 bytes long"), why);
    }

    @Test
    void literalsUpToTheLimitAndLongCodeOutsideLiteralsPass() {
        assertNull(ClassFileLimits.oversizeStringLiteral("String s = \"" + "x".repeat(65_535) + "\";"));
        assertNull(ClassFileLimits.oversizeStringLiteral("int[] a = {" + "1,".repeat(50_000) + "1};"));
        assertNull(ClassFileLimits.oversizeStringLiteral("// \"" + "x".repeat(70_000)));
    }

    @Test
    void escapesCountAsOneCharacterAndNonAsciiAsMore() {
        assertNull(ClassFileLimits.oversizeStringLiteral("\"" + "\\n".repeat(40_000) + "\""));
        assertNotNull(ClassFileLimits.oversizeStringLiteral("\"" + "é".repeat(40_000) + "\""));
        assertNotNull(ClassFileLimits.oversizeStringLiteral("\"\"\"\n" + "x".repeat(70_000) + "\"\"\""));
    }
}
