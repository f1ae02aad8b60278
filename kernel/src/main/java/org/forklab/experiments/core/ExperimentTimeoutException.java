package org.forklab.experiments.core;

import java.time.Duration;

/** An experiment that ran past its time limit; everything it started has been stopped. */
public final class ExperimentTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExperimentTimeoutException(Duration limit) {
        super("the experiment ran past its time limit of " + limit.toMillis() / 1000.0
                + " s and was stopped; use fewer trials or a larger time limit");
    }
}
