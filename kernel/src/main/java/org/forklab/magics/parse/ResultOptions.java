package org.forklab.magics.parse;

import picocli.CommandLine.Option;

/** {@code --as} and {@code --save}, shared by every experiment magic. */
public final class ResultOptions {
    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the result object to this variable for later Java cells.")
    public String as;

    @Option(names = "--save", paramLabel = "PATH",
            description = "Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).")
    public String save;

    /** For results that are observations rather than samples: --as only, nothing to save. */
    public static ResultOptions bindingOnly(String as) {
        ResultOptions options = new ResultOptions();
        options.as = as;
        return options;
    }
}
