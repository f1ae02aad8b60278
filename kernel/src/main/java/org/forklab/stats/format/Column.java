package org.forklab.stats.format;

/** A table column: its heading and whether its cells line up on the right (numbers). */
public record Column(String heading, boolean alignRight) {

    public static Column text(String heading) {
        return new Column(heading, false);
    }

    public static Column number(String heading) {
        return new Column(heading, true);
    }
}
