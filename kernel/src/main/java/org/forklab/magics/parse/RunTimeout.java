package org.forklab.magics.parse;

import org.forklab.experiments.core.TimeLimit;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --timeout} for the experiment magics whose whole run gets two minutes unless told
 * otherwise; magics with another default or range ({@code %share}, {@code %%c}) declare their own.
 */
public final class RunTimeout {
    @Option(names = "--timeout", paramLabel = "TIME", converter = Seconds.class, defaultValue = "120s",
            description = "Stop the whole run after this long.")
    @Range(min = TimeLimit.MIN_SECONDS, max = TimeLimit.MAX_SECONDS)
    Duration timeout;

    /** The run's time limit as parsed. */
    public Duration limit() {
        return timeout;
    }
}
