package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.c10k.C10kPoint;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.c10k.ServerMemory;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.scale.NativeStacks;
import org.forklab.experiments.scale.KernelObjects;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleKind;
import org.forklab.experiments.scale.ScalePoint;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.magics.io.Session;
import org.forklab.magics.claims.AddressSpace;
import org.forklab.magics.claims.Claim;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Claims;
import org.forklab.magics.claims.Fact;
import org.forklab.magics.claims.Facts;
import org.forklab.magics.claims.NativeStacksNow;
import org.forklab.stats.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every numeric claim of the lessons (notebooks/) is in the catalogue and in %claims: "not measured yet"
 * with the magic to run before an experiment ran, and answered from known results after.
 */
class ClaimsCoverageTest {
    private final RecordingScreen screen = new RecordingScreen();

    @BeforeEach
    void freshSession() {
        Session.current().clear();
    }

    /** Each claim of the lesson map: its catalogue id, its range or words, and the magic that answers it. */
    static Stream<Arguments> lessonClaims() {
        return Stream.of(
                Arguments.of("address-space", "about 128 TB (the source also says 256 TB)", "%env"),
                Arguments.of("fork-minimal", "50–100 µs", "%spawn"),
                Arguments.of("fork-1g", "100–300 µs", "%spawn"),
                Arguments.of("fork-exec", "200–500 µs", "%spawn"),
                Arguments.of("pthread-create", "2–10 µs", "%spawn"),
                Arguments.of("pool-dispatch", "0.1–1 µs", "%spawn"),
                Arguments.of("ipc-threads", "in nanoseconds", "%ipc"),
                Arguments.of("ipc-pipe", "microseconds to milliseconds", "%ipc"),
                Arguments.of("ipc-shared-memory", "microseconds to milliseconds", "%ipc"),
                Arguments.of("process-virtual", "1–4 MB of virtual memory", "%scale"),
                Arguments.of("thread-stack-virtual", "8 MB stack", "%claims"),
                Arguments.of("thread-stack-resident", "4–12 KB", "%claims"),
                Arguments.of("thread-kernel-struct", "about 2 KB", "%scale"),
                Arguments.of("thread-kernel", "2–8 KB", "%scale"),
                Arguments.of("process-kernel", "20–40 KB", "%scale"),
                Arguments.of("thread-stack-range", "between 64 KB and 8 MB", "%claims"),
                Arguments.of("typical-threads", "1,000–10,000 threads", "%scale or %c10k"),
                Arguments.of("typical-processes", "100–1,000 processes", "%scale"),
                Arguments.of("c10k", "10,000 connections", "%c10k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonClaims")
    void everyLessonClaimIsCataloguedAndListedByClaims(String id, String words, String magic) throws Exception {
        String statement = Claims.byId(id).map(Claim::statement)
                .or(() -> Facts.byId(id).map(Fact::statement)).orElseThrow(() -> new AssertionError("no claim " + id));
        assertTrue(statement.contains(words), statement);
        String magicOf = Claims.byId(id).map(Claim::magic).or(() -> Facts.byId(id).map(Fact::magic)).orElseThrow();
        assertTrue(magicOf.startsWith(magic), magicOf);
        String text = claimsText();
        if (id.equals("address-space")) {
            assertTrue(text.contains("3. Memory: " + statement + ": this kernel runs")
                    || text.contains("3. Memory: " + statement + ": the address width could not be read"), text);
        } else if (magic.equals("%claims")) {
            // measured by %claims itself through the C probe, or said why not
            assertTrue(NativeStacksNow.why().isPresent() ? text.contains("): " + statement + "; run " + magicOf + "; not here: ")
                    : text.contains(statement), text);
        } else {
            assertTrue(text.contains("): " + statement + "; run " + magicOf), text);
        }
    }

    @Test
    void addressSpaceSettles128Against256() {
        AddressSpace fourLevel = new AddressSpace(true, false, 0x7ffff7ff0000L);
        assertEquals(47, fourLevel.userBits());
        assertEquals(128.0, fourLevel.userTebibytes());
        assertTrue(fourLevel.sentence().contains("= 128 TiB per process")
                && fourLevel.sentence().contains("256 TiB is the whole 48-bit space"), fourLevel.sentence());
    }

    @Test
    void fiveLevelPagingComesFromTheLa57FlagNotFromTheAddressWidth() {
        AddressSpace fiveLevel = new AddressSpace(true, true, 0x7ffff7ff0000L);
        assertEquals(56, fiveLevel.userBits());
        assertEquals("64 PiB", fiveLevel.userSize());
        assertTrue(fiveLevel.sentence().contains("5-level paging (the la57 flag)")
                && fiveLevel.sentence().contains("= 64 PiB per process"), fiveLevel.sentence());
    }

    @Test
    void scaleAnswersResourceClaimsAndTypicalCounts() throws Exception {
        Session.current().record("%scale", scale());
        MagicCall.line(MagicCatalog.find("claims", false).orElseThrow(), List.of("--as", "c"), screen.bench());
        List<ClaimOutcome> outcomes = ((ClaimsMagic.Report) screen.boundValues.get(0)).outcomes();
        // Java's 1 MiB stack is shown beside the stack claims, never as their verdict
        assertTrue(outcomes.stream().filter(o -> o.claim().id().startsWith("thread-stack-"))
                .noneMatch(o -> o.check().measured() == 1.0), outcomes.toString());
        // 16 KiB of KernelStack per thread: above the lesson's 2–8 KB
        assertEquals(Verdict.ABOVE, verdict(outcomes, "thread-kernel"));
        // a 5,888-byte task_struct from the slab allocator (not the kernel stack): above the lesson's ~2 KB
        assertEquals(Verdict.ABOVE, verdict(outcomes, "thread-kernel-struct"));
        assertTrue(outcomes.stream().filter(o -> o.claim().id().equals("thread-kernel-struct"))
                .allMatch(o -> o.check().measured() == 5_888 / 1024.0), outcomes.toString());
        // 2.5 MiB of VmSize per forked process: within 1–4 MB
        assertEquals(Verdict.WITHIN, verdict(outcomes, "process-virtual"));
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        assertFalse(text.contains("measured (median)"), "slopes are not medians");
        assertTrue(text.contains("a program typically runs at most 1,000–10,000 threads: this machine allows at most "), text);
        assertTrue(text.contains("this session ran 300 platform threads at once (%scale), below the typical 1,000–10,000"),
                text);
        assertTrue(text.contains("this session held 40 idle processes at once (%scale), below the typical 100–1,000"), text);
        assertTrue(text.contains("not measured yet (7. Resources and scale): holding 10,000 connections"), text);
        assertTrue(text.contains("a Java platform thread's stack, beside the native stack claims (the JVM's own -Xss default,"
                + " not glibc's): in %scale each platform thread reserved 1.00 MiB and had 8.00 KiB resident (the JVM's"
                + " default -Xss)"), text);
    }

    /** Native stacks: 1 MiB reserved (ulimit -s 1024) and 8 KiB resident per pthread. */
    @Test
    void stackClaimsAreJudgedAgainstNativeThreads() throws Exception {
        double[] size = new double[16];
        double[] rss = new double[16];
        java.util.Arrays.fill(size, 1 << 20);
        java.util.Arrays.fill(rss, 8 << 10);
        Session.current().record("native", new NativeStacks(16, 1 << 20, 1 << 20, Samples.of("v", "bytes", size),
                Samples.of("r", "bytes", rss)));
        MagicCall.line(MagicCatalog.find("claims", false).orElseThrow(), List.of("--as", "c"), screen.bench());
        List<ClaimOutcome> outcomes = ((ClaimsMagic.Report) screen.boundValues.get(0)).outcomes();
        assertEquals(Verdict.BELOW, verdict(outcomes, "thread-stack-virtual"));
        assertEquals(Verdict.WITHIN, verdict(outcomes, "thread-stack-resident"));
        assertEquals(Verdict.WITHIN, verdict(outcomes, "thread-stack-range"));
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("a thread reserves an 8 MB stack (virtual): below the claim; likely cause: glibc sizes a new"
                + " thread's stack from RLIMIT_STACK (ulimit -s), here 1.00 MiB"), text);
    }

    /** The causes name what ran: 'sleep' children or forked probe copies, and the stack asked for; never "a whole JVM". */
    @Test
    void scaleCausesNameWhatActuallyRan() throws Exception {
        // 'sleep' children: 60 KiB of page tables and kernel stacks and 8 MiB of VmSize each, both above the claims
        Session.current().record("%scale", processes(ScaleConfig.PROCESSES, 0));
        String sleep = claimsText();
        assertTrue(sleep.contains("a process costs the kernel about 20–40 KB (page tables and kernel stack): above the claim;"
                + " likely cause: each idle 'sleep' child (started by ProcessBuilder through "), sleep);
        assertTrue(sleep.contains("'process reaper' thread per child"), sleep);
        assertTrue(sleep.contains("a minimal process maps 1–4 MB of virtual memory: above the claim; likely cause: VmSize"
                + " counts every mapping, shared or not: each idle 'sleep' child"), sleep);
        assertFalse(sleep.contains("JVM with its own"), sleep);
        assertFalse(sleep.contains("forked"), sleep);

        Session.current().clear();
        Session.current().record("%scale", processes(ScaleConfig.FORKED, 256 << 10));
        String forked = claimsText();
        assertTrue(forked.contains("a minimal process maps 1–4 MB of virtual memory: above the claim; likely cause: VmSize"
                + " counts every mapping, shared or not: each idle copy of the native probe, forked without exec,"
                + " keeps all of the probe's mappings"), forked);
        assertFalse(forked.contains("'sleep'"), forked);
        assertTrue(forked.contains("in %scale each platform thread reserved 256 KiB and had 8.00 KiB resident (--stack 256 KiB)"),
                forked);
    }

    /** Platform threads with the given --stack (0: default) and one process kind at 60 KiB kernel memory, 8 MiB VmSize each. */
    private static ScaleResult processes(String kind, long stack) {
        List<ScalePoint> threads = new ArrayList<>();
        long perThread = stack == 0 ? 1L << 20 : stack;
        for (long n : new long[] {100, 200, 300}) {
            threads.add(new ScalePoint(n, n * 20_000, n * 40_000, n * 30_000, n * perThread, n * 100,
                    n * 16_384, 0, n, n, n * perThread, n * 8_192));
        }
        List<ScalePoint> procs = new ArrayList<>();
        for (long n : new long[] {10, 20, 40}) {
            procs.add(new ScalePoint(n, n * 300_000, n * 500_000, n * 100_000, n * (8L << 20), n * (28L << 10),
                    n * (32L << 10), 0, n, 0, 0, 0));
        }
        ScaleConfig config = ScaleConfig.defaults().withKinds(List.of(ScaleConfig.PLATFORM, kind)).withThreadStackBytes(stack);
        return new ScaleResult(Environment.current(), config, Environment.current().limits(),
                List.of(new ScaleKind(ScaleConfig.PLATFORM, "test", threads), new ScaleKind(kind, "test", procs)), Map.of());
    }

    @Test
    void c10kAnswersTheC10kClaimWithMemoryPerConnection() throws Exception {
        Session.current().record("%c10k", c10k());
        String text = claimsText();
        assertTrue(text.contains("threads held 1,000 connections with 1,002 server threads and 40.0 KiB resident per"
                + " connection; selector held 1,000 connections with 2 server threads and 2.00 KiB resident per connection;"
                + " the claim is about 10,000 connections and this session reached 1,000; run %c10k -k 10000"), text);
        assertTrue(text.contains("this session ran 1,000 connections with a thread each (%c10k), within the typical"), text);
        assertFalse(text.contains("not measured yet (7. Resources and scale): holding 10,000"), text);
    }

    @Test
    void factsCompareWithTheSmallestCeiling() {
        Limits tight = new Limits(100_000, 4_194_304, OptionalLong.of(4_096), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), 1L << 34);
        List<String> lines = Facts.answeredBy(scale(), tight);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("a Java platform thread's stack, beside the native stack claims"), lines.get(2));
        assertTrue(lines.get(0).contains("this machine allows at most 4,096 (threads-max 100,000, container pids.max 4,096)"),
                lines.get(0));
        assertTrue(lines.get(1).contains("this machine allows at most 4,096 (pid_max 4,194,304, container pids.max 4,096)"),
                lines.get(1));
    }

    private String claimsText() throws Exception {
        MagicCall.line(MagicCatalog.find("claims", false).orElseThrow(), List.of(), screen.bench());
        return (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
    }

    private static Verdict verdict(List<ClaimOutcome> outcomes, String id) {
        return outcomes.stream().filter(o -> o.claim().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not answered")).check().verdict();
    }

    /** Known slopes: 1 MiB virtual stack, 8 KiB resident stack, 16 KiB KernelStack per thread; 2.5 MiB VmSize per process. */
    static ScaleResult scale() {
        List<ScalePoint> threads = new ArrayList<>();
        for (long n : new long[] {100, 200, 300}) {
            threads.add(new ScalePoint(n, n * 20_000, n * 40_000, n * 30_000, n * (1L << 20) + 5_000_000, n * 100,
                    n * 16_384, 0, n, n, n * (1L << 20), n * 8_192));
        }
        List<ScalePoint> forked = new ArrayList<>();
        for (long n : new long[] {10, 20, 40}) {
            forked.add(new ScalePoint(n, n * 300_000, n * 500_000, n * 100_000, n * (5L << 19), n * 12_000, n * 16_384,
                    0, n, 0, 0, 0));
        }
        ScaleConfig config = ScaleConfig.defaults().withKinds(List.of(ScaleConfig.PLATFORM, ScaleConfig.FORKED));
        return new ScaleResult(Environment.current(), config, Environment.current().limits(),
                List.of(new ScaleKind(ScaleConfig.PLATFORM, "test", threads), new ScaleKind(ScaleConfig.FORKED, "test", forked)),
                Map.of(), new KernelObjects(Map.of("task_struct", 5_888L), "test slab sizes"));
    }

    /** 1,000 connections: a thread each at 40 KiB per connection, or one selector at 2 KiB. */
    static C10kResult c10k() {
        Samples latency = Samples.of("latency", "ns", TestResults.around(50_000, 20));
        ServerMemory idle = new ServerMemory(50_000_000, 40_000_000, 2_000_000_000, 2);
        List<C10kPoint> points = List.of(
                new C10kPoint(C10kConfig.THREADS, 1_000, 20_000, 1, 1, 0, 1_000_000_000, latency, idle,
                        new ServerMemory(50_000_000 + 1_000 * 40_960L, 0, 0, 1_002), idle),
                new C10kPoint(C10kConfig.SELECTOR, 1_000, 20_000, 1, 1, 0, 1_000_000_000, latency, idle,
                        new ServerMemory(50_000_000 + 1_000 * 2_048L, 0, 0, 2), idle));
        C10kConfig config = C10kConfig.defaults().withServers(List.of(C10kConfig.THREADS, C10kConfig.SELECTOR))
                .withClients(List.of(1_000)).withTimeLimit(Duration.ofSeconds(10));
        return new C10kResult(Environment.current(), config, Map.of(), points, Map.of());
    }
}
