package org.forklab.magics.readings;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.c10k.C10kPoint;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/**
 * %c10k: at the largest client count both servers reached, round-trip latency of a thread per
 * connection against a selector (or virtual threads), and the threads each held.
 */
public final class C10kReading {
    private C10kReading() {
    }

    public static Reading of(C10kResult r) {
        String other = List.of(C10kConfig.SELECTOR, C10kConfig.VIRTUAL).stream()
                .filter(s -> r.points().stream().anyMatch(p -> p.server().equals(s))).findFirst().orElse(C10kConfig.SELECTOR);
        Optional<Integer> clients = r.points().stream().filter(p -> p.server().equals(C10kConfig.THREADS))
                .map(C10kPoint::clients).filter(c -> point(r, other, c).isPresent()).max(Comparator.naturalOrder());
        if (clients.isEmpty()) {
            return Readings.withClaims("the " + C10kConfig.THREADS + " and " + other + " servers were not both measured at"
                    + " one client count, so they cannot be compared", ClaimOutcome.forResult(r, r.environment()));
        }
        C10kPoint a = point(r, C10kConfig.THREADS, clients.get()).orElseThrow();
        C10kPoint b = point(r, other, clients.get()).orElseThrow();
        Contrast.Outcome o = Contrast.of(Side.of("a thread per connection", a.latency()), Side.of(other, b.latency()),
                Measure.TIME, "some round trips waited for a server thread to be scheduled and others did not");
        String finding = String.format(java.util.Locale.ROOT, "at %,d clients the thread-per-connection server held %,d"
                + " threads and the %s server %,d; round trip: %s", clients.get(), a.held().threads(), other,
                b.held().threads(), o.sentence());
        return Readings.withClaims(finding, ClaimOutcome.forResult(r, r.environment()));
    }

    private static Optional<C10kPoint> point(C10kResult r, String server, int clients) {
        return r.points().stream().filter(p -> p.server().equals(server) && p.clients() == clients
                && p.latency().size() > 0).findFirst();
    }
}
