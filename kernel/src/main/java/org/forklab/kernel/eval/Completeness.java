package org.forklab.kernel.eval;

/** The is_complete answer: complete, invalid, or incomplete with the indent for the next line. */
public record Completeness(Status status, String indent) {
    public enum Status { COMPLETE, INCOMPLETE, INVALID }

    public static Completeness complete() {
        return new Completeness(Status.COMPLETE, "");
    }

    public static Completeness invalid() {
        return new Completeness(Status.INVALID, "");
    }

    public static Completeness incomplete(String indent) {
        return new Completeness(Status.INCOMPLETE, indent);
    }
}
