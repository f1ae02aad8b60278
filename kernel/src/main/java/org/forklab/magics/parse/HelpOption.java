package org.forklab.magics.parse;

import picocli.CommandLine.Option;

/** The {@code -h, --help} option every magic mixes in; picocli prints the generated usage. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and do nothing else.")
    boolean help;
}
