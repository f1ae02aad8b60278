package org.forklab.kernel.eval;

import java.util.Locale;

/**
 * Limits of the class-file format that a cell can reach by accident, checked before JShell sees
 * the cell. A string literal past 65,535 bytes is the dangerous one: javac rejects it, and from
 * then on JShell's reused compiler fails every later snippet with the same error (seen on JDK 17
 * and 25), so every later cell would silently declare nothing.
 */
final class ClassFileLimits {
    /** A class-file constant (CONSTANT_Utf8) holds at most this many bytes of modified UTF-8. */
    static final int MAX_CONSTANT_BYTES = 65_535;

    private ClassFileLimits() {
    }

    /** One line saying which literal is too long and what to do instead, or null if none is. */
    static String oversizeStringLiteral(String code) {
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(code, i + 1, '\'', null);
            } else if (code.startsWith("\"\"\"", i)) {
                int[] bytes = new int[1];
                int start = i;
                i = skipTextBlock(code, i + 3, bytes);
                if (bytes[0] > MAX_CONSTANT_BYTES) {
                    return describe(code, start, bytes[0]);
                }
            } else if (c == '"') {
                int[] bytes = new int[1];
                int start = i;
                i = skipQuoted(code, i + 1, '"', bytes);
                if (bytes[0] > MAX_CONSTANT_BYTES) {
                    return describe(code, start, bytes[0]);
                }
            } else {
                i++;
            }
        }
        return null;
    }

    private static String describe(String code, int start, int bytes) {
        int line = 1 + (int) code.substring(0, start).chars().filter(ch -> ch == '\n').count();
        return String.format(Locale.ROOT, "the string literal on line %d is %,d bytes long; a class file holds at most"
                + " %,d bytes per constant. Read the text from a file (Files.readString) or build it at run time"
                + " (e.g. \"x\".repeat(%d))", line, bytes, MAX_CONSTANT_BYTES, bytes);
    }

    /** Index after the closing quote; counts the literal's bytes into {@code bytes[0]} if given. */
    private static int skipQuoted(String code, int i, char quote, int[] bytes) {
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == quote || c == '\n') {
                return i + 1;
            }
            if (c == '\\') {
                i += 2; // an escape stands for one character
                count(bytes, 'x');
                continue;
            }
            count(bytes, c);
            i++;
        }
        return n;
    }

    private static int skipTextBlock(String code, int i, int[] bytes) {
        int n = code.length();
        while (i < n) {
            if (code.startsWith("\"\"\"", i)) {
                return i + 3;
            }
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                count(bytes, 'x');
                continue;
            }
            count(bytes, c);
            i++;
        }
        return n;
    }

    /** Modified UTF-8: one byte up to U+007F (but not NUL), two up to U+07FF, else three. */
    private static void count(int[] bytes, char c) {
        if (bytes != null) {
            bytes[0] += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
    }
}
