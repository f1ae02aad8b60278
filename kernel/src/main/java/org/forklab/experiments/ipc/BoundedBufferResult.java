package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Items per second through a bounded buffer, threads against processes, with the delivery check. */
public record BoundedBufferResult(Environment environment, BoundedBufferConfig config, List<BufferRun> runs)
        implements Measured {

    public BoundedBufferResult {
        runs = List.copyOf(runs);
    }

    @Override
    public String experiment() {
        return "bounded-buffer";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mechanisms", String.join(" ", config.mechanisms()));
        m.put("items per block", String.valueOf(config.items()));
        m.put("capacity (items)", String.valueOf(config.capacity()));
        m.put("timed blocks", String.valueOf(config.trials()));
        m.put("time limit", config.timeLimit().toString());
        runs.forEach(r -> m.put(r.mechanism(), r.description()));
        return m;
    }

    @Override
    public List<Samples> samples() {
        return runs.stream().map(BufferRun::itemsPerSecond).toList();
    }

    public BufferRun run(String mechanism) {
        return runs.stream().filter(r -> r.mechanism().equals(mechanism)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(mechanism + " was not measured"));
    }
}
