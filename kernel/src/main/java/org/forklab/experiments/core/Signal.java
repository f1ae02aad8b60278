package org.forklab.experiments.core;

/** A POSIX signal number with its name on Linux x86-64 (the numbers differ on other systems). */
public record Signal(int number, String name) {
    private static final String[] NAMES = {"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    public static Signal of(int number) {
        return new Signal(number, number > 0 && number < NAMES.length ? NAMES[number] : "signal " + number);
    }

    @Override
    public String toString() {
        return name + " (" + number + ")";
    }
}
