package org.forklab.magics.readings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;

/** The reading of any experiment result, registered by its type; every experiment display opens with it. */
public final class Readings {
    private static final Map<Class<?>, Function<Object, Reading>> BY_TYPE = new ConcurrentHashMap<>();

    private Readings() {
    }

    /** The reading of {@code result}, or nothing for a type that has none (e.g. %claims' report). */
    public static Optional<Reading> of(Object result) {
        for (Class<?> c = result.getClass(); c != null; c = c.getSuperclass()) {
            Function<Object, Reading> reading = BY_TYPE.get(c);
            if (reading != null) {
                return Optional.of(reading.apply(result));
            }
        }
        return Optional.empty();
    }

    /** How results of {@code type} read; each experiment's registration in MagicCatalog calls it once. */
    public static <T> void register(Class<T> type, Function<? super T, Reading> reading) {
        BY_TYPE.put(type, result -> reading.apply(type.cast(result)));
    }

    /** {@code bundle} opening with the reading of {@code result}, when it has one. */
    public static Bundle first(Object result, Bundle bundle) {
        return of(result).map(r -> r.first(bundle)).orElse(bundle);
    }

    /** The finding, then the verdict on the lesson's claims with the likely cause of a disagreement. */
    static Reading withClaims(String finding, List<ClaimOutcome> claims) {
        return withClaims(finding, Optional.empty(), claims);
    }

    /** At most three sentences: the finding, a second finding, the claims' verdict joined with its cause. */
    static Reading withClaims(String finding, Optional<String> second, List<ClaimOutcome> claims) {
        Optional<String> verdict = ClaimVerdicts.verdict(claims)
                .map(v -> v + ClaimVerdicts.cause(claims).map(c -> "; " + c).orElse(""));
        return Reading.of(finding, second, verdict);
    }
}
