package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.forklab.magics.parse.MagicDefinition;
import org.junit.jupiter.api.Test;

/** The generated help of every magic, word for word: a changed option shows up here first. */
class HelpTest {

    static String help(String name, boolean cell, String... args) throws InterruptedException {
        MagicDefinition magic = MagicCatalog.find(name, cell).orElseThrow();
        RecordingScreen screen = new RecordingScreen();
        if (cell) {
            MagicCall.cell(magic, List.of(args), "", screen.bench());
        } else {
            MagicCall.line(magic, List.of(args), screen.bench());
        }
        assertEquals(List.of(), screen.displays, "help displays nothing but text");
        return screen.outText();
    }

    @Test
    void env() throws Exception {
        assertEquals(""
                + "Usage: %env [-h] [--as=NAME]\n"
                + "Show the machine measured on: CPUs, kernel, JDK, limits, C compiler.\n"
                + "  -h, --help      Show this help and do nothing else.\n"
                + "      --as=NAME   Bind the Environment record to this variable for later Java cells.\n",
                help("env", false, "--help"));
    }

    @Test
    void c() throws Exception {
        assertEquals(""
                + "Usage: %%c [-h] [--full-buffering] [--as=NAME] [--max-memory=SIZE] [--max-processes=N] [-O=LEVEL]\n"
                + "           [--std=STD] [--timeout=TIME] [--asm=FN[,FN...]]... [-D=NAME[=VALUE]]... [-l=LIB]...\n"
                + "           [ARG...]\n"
                + "Compile the cell as C (-pthread) and run it with a time limit; words after -- are its arguments.\n"
                + "      [ARG...]            Arguments for the program, after --.\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -O, --opt=LEVEL         Optimisation level, as cc -O0 to -O3. (0..3)\n"
                + "                            Default: 2\n"
                + "  -D=NAME[=VALUE]         Define a macro, as cc -D; may be repeated.\n"
                + "  -l=LIB                  Link a library, as cc -l (libm is always linked); may be repeated.\n"
                + "      --std=STD           C dialect: c99, c11, c17, gnu99, gnu11, gnu17.\n"
                + "                            Default: gnu17\n"
                + "      --timeout=TIME      Stop the program after this long, e.g. 500ms, 10s, 1m. (0.1s..600s)\n"
                + "                            Default: 10s\n"
                + "      --max-processes=N   Cap on processes and threads the program and all it starts may have at\n"
                + "                            once; past it the whole tree is stopped. Default: 1000, or a quarter of\n"
                + "                            this machine's task headroom if less. (2..4194304)\n"
                + "      --max-memory=SIZE   Cap on the memory of the program and all it starts, e.g. 256m or 2g; past\n"
                + "                            it the run is stopped. Default: half the memory this container has\n"
                + "                            available. (16m..1024t)\n"
                + "      --full-buffering    Keep C's full buffering of stdout into a pipe (output then appears at\n"
                + "                            exit).\n"
                + "      --asm=FN[,FN...]    Before running, show the assembly the compiler makes (cc -S) of these\n"
                + "                            functions.\n"
                + "      --as=NAME           Bind the run (exit code, signal, output) to this variable for later Java\n"
                + "                            cells.\n",
                help("c", true, "--help"));
    }

    @Test
    void spawn() throws Exception {
        assertEquals(""
                + "Usage: %spawn [-h] [--as=NAME] [--batch=N] [--cold=N] [--exec=PROGRAM] [--executor-threads=N]\n"
                + "              [--forks=N] [--max-memory=SIZE] [-n=N] [--placement=WHERE] [--save=PATH]\n"
                + "              [--timeout=TIME] [--warmup=N] [--fork-memory=SIZES[,SIZES...]]... [--launch=MECHANISMS\n"
                + "              [,MECHANISMS...]]... [--pages=KINDS[,KINDS...]]... [-v=LIST[,LIST...]]...\n"
                + "Measure the cost of creating threads, tasks and processes (Java and native).\n"
                + "  -h, --help                 Show this help and do nothing else.\n"
                + "  -v, --variants=LIST[,LIST...]\n"
                + "                             Mechanisms, comma-separated, or all: platform-thread, virtual-thread,\n"
                + "                               executor-latency, executor-throughput, process-builder, fork,\n"
                + "                               fork-call, vfork, fork-exec, vfork-exec, posix-spawn, pthread.\n"
                + "                               Default: all\n"
                + "  -n, --samples=N            Warm samples per mechanism. (1..100000)\n"
                + "                               Default: 30\n"
                + "      --warmup=N             Operations run and discarded first. (0..1000000)\n"
                + "                               Default: 20\n"
                + "      --cold=N               First operations timed one by one and shown apart. (0..1000)\n"
                + "                               Default: 3\n"
                + "      --executor-threads=N   Worker threads of the executor variants. (1..10000)\n"
                + "                               Default: 1\n"
                + "      --batch=N              Tasks per sample of executor-throughput. (1..1000000)\n"
                + "                               Default: 1000\n"
                + "      --exec=PROGRAM         Absolute path of the program the exec variants start.\n"
                + "                               Default: /bin/true\n"
                + "      --fork-memory=SIZES[,SIZES...]\n"
                + "                             Memory the parent touches before fork (1g answers the lesson's 1 GB\n"
                + "                               row; the default drops sizes above half the available memory), or\n"
                + "                               none to leave out the fork sweep. (0..64g)\n"
                + "                               Default: 0,128m,256m,512m,1g\n"
                + "      --pages=KINDS[,KINDS...]\n"
                + "                             Page kinds for the fork sweep: small (4 KB), huge (transparent huge\n"
                + "                               pages).\n"
                + "                               Default: small,huge\n"
                + "      --launch=MECHANISMS[,MECHANISMS...]\n"
                + "                             JDK launch mechanisms to compare in child JVMs: POSIX_SPAWN, FORK,\n"
                + "                               VFORK, or none.\n"
                + "                               Default: none\n"
                + "      --placement=WHERE      Where to measure: scheduler (nothing pinned) or one-cpu (native and\n"
                + "                               Java variants pinned to the first CPU allowed; Java variants in\n"
                + "                               child JVMs under taskset).\n"
                + "                               Default: scheduler\n"
                + "      --forks=N              Fresh child JVMs for the Java variants, each with its own warm-up and\n"
                + "                               samples, kept apart; 0 measures in this JVM. (0..10)\n"
                + "                               Default: 0\n"
                + "      --max-memory=SIZE      Raise the memory safety cap (default a quarter of this machine's\n"
                + "                               budget). (1m..1024t)\n"
                + "      --timeout=TIME         Stop the whole run after this long. (1s..3600s)\n"
                + "                               Default: 120s\n"
                + "      --as=NAME              Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH            Write PATH.csv (raw samples) and PATH.json (settings, machine,\n"
                + "                               summary).\n",
                help("spawn", false, "--help"));
    }

    @Test
    void pingpong() throws Exception {
        assertEquals(""
                + "Usage: %pingpong [-h] [--as=NAME] [--batch=N] [--cold=N] [-n=N] [--runs=N] [--save=PATH]\n"
                + "                 [--timeout=TIME] [--warmup=N] [-m=LIST[,LIST...]]... [-p=LIST[,LIST...]]...\n"
                + "Measure context switches with a one-byte ping-pong: threads vs processes, pinned or not.\n"
                + "  -h, --help           Show this help and do nothing else.\n"
                + "  -m, --modes=LIST[,LIST...]\n"
                + "                       What carries the byte, or all: thread-pipe, process-pipe, thread-futex,\n"
                + "                         java-pipe, java-handoff.\n"
                + "                         Default: all\n"
                + "  -p, --placements=LIST[,LIST...]\n"
                + "                       Where the two sides run, or all: same-cpu, two-cpus, scheduler.\n"
                + "                         Default: all\n"
                + "      --runs=N         Rounds: each runs a fresh pair of every mode and placement once. (1..1000)\n"
                + "                         Default: 6\n"
                + "  -n, --samples=N      Warm samples per run. (1..100000)\n"
                + "                         Default: 50\n"
                + "      --warmup=N       Round trips discarded at the start of each run. (0..1000000)\n"
                + "                         Default: 200\n"
                + "      --cold=N         First round trips timed one by one and shown apart. (0..1000)\n"
                + "                         Default: 3\n"
                + "      --batch=N        Round trips per sample; 0 picks so a sample lasts at least 20 µs. (0..\n"
                + "                         1000000)\n"
                + "                         Default: 0\n"
                + "      --timeout=TIME   Stop the whole run after this long. (1s..3600s)\n"
                + "                         Default: 120s\n"
                + "      --as=NAME        Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH      Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).\n",
                help("pingpong", false, "--help"));
    }

    @Test
    void share() throws Exception {
        assertEquals(""
                + "Usage: %share [-h] [--as=NAME] [--max-memory=SIZE] [--max-processes=N] [--max-threads=N]\n"
                + "              [--timeout=TIME] [-w=W]\n"
                + "Observe what threads share and processes own: ids, stacks, heap, descriptors, globals.\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -w, --workers=W         Threads, and child processes, to observe. (1..16)\n"
                + "                            Default: 2\n"
                + "      --timeout=TIME      Stop the whole run after this long. (1s..3600s)\n"
                + "                            Default: 60s\n"
                + "      --max-threads=N     Raise the thread safety cap. (1..1000000)\n"
                + "      --max-processes=N   Raise the process safety cap. (1..100000)\n"
                + "      --max-memory=SIZE   Raise the memory safety cap. (1m..1024t)\n"
                + "      --as=NAME           Bind the result object to this variable for later Java cells.\n",
                help("share", false, "--help"));
    }

    @Test
    void race() throws Exception {
        assertEquals(""
                + "Usage: %race [-h] [--as=NAME] [--max-memory=SIZE] [--max-processes=N] [--max-threads=N] [-N=N]\n"
                + "             [--save=PATH] [-t=T] [--timeout=TIME] [-w=W] [-v=LIST[,LIST...]]...\n"
                + "Race W workers on one counter: lost updates for threads, own copies for processes.\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -v, --variants=LIST[,LIST...]\n"
                + "                          Variants, or all: plain, volatile, interpreted, synchronized, lock,\n"
                + "                            atomic, adder, processes, native-plain, native-volatile,\n"
                + "                            native-processes.\n"
                + "                            Default: all\n"
                + "  -w, --workers=W         Threads (or processes) incrementing at once. (1..256)\n"
                + "                            Default: 2\n"
                + "  -N, --increments=N      Increments per worker and trial. (1..100000000)\n"
                + "                            Default: 1000000\n"
                + "  -t, --trials=T          Trials per variant. (1..10000)\n"
                + "                            Default: 10\n"
                + "      --timeout=TIME      Stop the whole run after this long. (1s..3600s)\n"
                + "                            Default: 120s\n"
                + "      --max-threads=N     Raise the thread safety cap. (1..1000000)\n"
                + "      --max-processes=N   Raise the process safety cap. (1..100000)\n"
                + "      --max-memory=SIZE   Raise the memory safety cap. (1m..1024t)\n"
                + "      --as=NAME           Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH         Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).\n",
                help("race", false, "--help"));
    }

    @Test
    void crash() throws Exception {
        assertEquals(""
                + "Usage: %crash [-h] [--as=NAME] [--faulty=I] [--max-memory=SIZE] [--max-processes=N]\n"
                + "              [--max-threads=N] [--timeout=TIME] [-w=W] [--work=TIME] [-k=LIST[,LIST...]]...\n"
                + "              [-m=LIST[,LIST...]]...\n"
                + "Inject faults into one of W workers, as threads and as processes; count survivors.\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -k, --kinds=LIST[,LIST...]\n"
                + "                          Faults, or all: segfault, abort, native-stack-overflow, exception, exit,\n"
                + "                            out-of-memory, stack-overflow, corruption.\n"
                + "                            Default: all\n"
                + "  -m, --modes=LIST[,LIST...]\n"
                + "                          Run the group as threads, processes, or both.\n"
                + "                            Default: threads,processes\n"
                + "  -w, --workers=W         Workers in the group. (2..16)\n"
                + "                            Default: 4\n"
                + "      --faulty=I          Which worker fails, 0 to W-1. (0..15)\n"
                + "                            Default: 0\n"
                + "      --work=TIME         How long each healthy worker works. (0.01s..60s)\n"
                + "                            Default: 200ms\n"
                + "      --timeout=TIME      Stop the whole run after this long. (1s..3600s)\n"
                + "                            Default: 120s\n"
                + "      --max-threads=N     Raise the thread safety cap. (1..1000000)\n"
                + "      --max-processes=N   Raise the process safety cap. (1..100000)\n"
                + "      --max-memory=SIZE   Raise the memory safety cap. (1m..1024t)\n"
                + "      --as=NAME           Bind the result object to this variable for later Java cells.\n",
                help("crash", false, "--help"));
    }

    @Test
    void ipc() throws Exception {
        assertEquals(""
                + "Usage: %ipc [-h] [--as=NAME] [--latency-samples=N] [--save=PATH] [--throughput-samples=N]\n"
                + "            [--timeout=TIME] [-p=LIST[,LIST...]]... [-s=SIZES[,SIZES...]]... [-t=LIST[,LIST...]]...\n"
                + "Measure message latency and throughput by size: thread hand-off, pipe, sockets, shared memory.\n"
                + "  -h, --help                Show this help and do nothing else.\n"
                + "  -t, --transports=LIST[,LIST...]\n"
                + "                            Transports, or all: thread-spin, thread-handoff, thread-copy, pipe,\n"
                + "                              unix-socket, tcp-loopback, shared-memory, native-threads-spin,\n"
                + "                              native-threads-futex, native-shm-spin, native-shm-futex.\n"
                + "                              Default: all\n"
                + "  -p, --placements=LIST[,LIST...]\n"
                + "                            Where the two ends run, or all (those this machine can give): same-cpu,\n"
                + "                              two-cpus, scheduler.\n"
                + "                              Default: all\n"
                + "  -s, --sizes=SIZES[,SIZES...]\n"
                + "                            Message sizes, e.g. 8,64,512,4k,32k,256k,1m. (1..16m)\n"
                + "                              Default: 8,512,32k,1m\n"
                + "      --latency-samples=N   Round-trip samples per size. (1..100000)\n"
                + "                              Default: 20\n"
                + "      --throughput-samples=N\n"
                + "                            Throughput samples per size. (1..100000)\n"
                + "                              Default: 10\n"
                + "      --timeout=TIME        Stop the whole run after this long. (1s..3600s)\n"
                + "                              Default: 120s\n"
                + "      --as=NAME             Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH           Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).\n",
                help("ipc", false, "--help"));
    }

    @Test
    void scale() throws Exception {
        assertEquals(""
                + "Usage: %scale [-h] [--as=NAME] [--max-processes=N] [--max-threads=N] [--max-virtual-threads=N]\n"
                + "              [--save=PATH] [--stack=SIZE] [--timeout=TIME] [-k=LIST[,LIST...]]...\n"
                + "              [--processes=COUNTS[,COUNTS...]]... [--threads=COUNTS[,COUNTS...]]...\n"
                + "              [--virtual=COUNTS[,COUNTS...]]...\n"
                + "Measure memory and creation time per thread, virtual thread and process (slope over counts).\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -k, --kinds=LIST[,LIST...]\n"
                + "                          What to create, or all: platform-threads, virtual-threads, processes\n"
                + "                            (idle 'sleep' children), forked-processes (idle copies of the native\n"
                + "                            probe, forked without exec).\n"
                + "                            Default: all\n"
                + "      --threads=COUNTS[,COUNTS...]\n"
                + "                          Platform thread counts. (1..1000000)\n"
                + "                            Default: 25,50,100,150,200\n"
                + "      --virtual=COUNTS[,COUNTS...]\n"
                + "                          Virtual thread counts. (1..10000000)\n"
                + "                            Default: 500,1000,2000,3000,4000\n"
                + "      --processes=COUNTS[,COUNTS...]\n"
                + "                          Idle process counts. (1..100000)\n"
                + "                            Default: 4,8,12,16,20\n"
                + "      --stack=SIZE        Stack size asked for each platform thread (default: the JVM's -Xss).\n"
                + "                            (64k..1g)\n"
                + "      --max-threads=N     Raise the thread safety cap. (1..10000000)\n"
                + "      --max-virtual-threads=N\n"
                + "                          Raise the virtual-thread safety cap. (1..100000000)\n"
                + "      --max-processes=N   Raise the process safety cap. (1..1000000)\n"
                + "      --timeout=TIME      Stop the whole run after this long. (1s..3600s)\n"
                + "                            Default: 120s\n"
                + "      --as=NAME           Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH         Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).\n",
                help("scale", false, "--help"));
    }

    @Test
    void c10k() throws Exception {
        assertEquals(""
                + "Usage: %c10k [-h] [--as=NAME] [--max-memory=SIZE] [--max-processes=N] [--max-threads=N]\n"
                + "             [--message=BYTES] [-r=R] [--save=PATH] [--timeout=TIME] [-k=COUNTS[,COUNTS...]]...\n"
                + "             [-s=LIST[,LIST...]]...\n"
                + "Hold many connections: thread per connection vs virtual threads vs one selector loop.\n"
                + "  -h, --help              Show this help and do nothing else.\n"
                + "  -s, --servers=LIST[,LIST...]\n"
                + "                          Server designs, or all: threads, virtual-threads, selector.\n"
                + "                            Default: all\n"
                + "  -k, --clients=COUNTS[,COUNTS...]\n"
                + "                          Connections held at once, each count with a fresh server. (1..1000000)\n"
                + "                            Default: 10,100,1000\n"
                + "  -r, --round-trips=R     Echo round trips per client. (1..1000000)\n"
                + "                            Default: 20\n"
                + "      --message=BYTES     Bytes per message. (1..1048576)\n"
                + "                            Default: 64\n"
                + "      --timeout=TIME      Stop the whole run after this long. (1s..3600s)\n"
                + "                            Default: 120s\n"
                + "      --max-threads=N     Raise the thread safety cap. (1..1000000)\n"
                + "      --max-processes=N   Raise the process safety cap. (1..100000)\n"
                + "      --max-memory=SIZE   Raise the memory safety cap. (1m..1024t)\n"
                + "      --as=NAME           Bind the result object to this variable for later Java cells.\n"
                + "      --save=PATH         Write PATH.csv (raw samples) and PATH.json (settings, machine, summary).\n",
                help("c10k", false, "--help"));
    }

    @Test
    void compare() throws Exception {
        assertEquals(""
                + "Usage: %compare [-h] [--as=NAME] [--condition=TEXT] [--mine=FILE] FILE...\n"
                + "Compare results saved with --save side by side: table, grouped bars, ratios.\n"
                + "      FILE...            Result files (.json) written by --save; the first is the baseline.\n"
                + "                         Or one FOLDER (a class's --save DIR/): its runs grouped by machine and\n"
                + "                           JDK, this machine's beside them.\n"
                + "  -h, --help             Show this help and do nothing else.\n"
                + "      --condition=TEXT   Only conditions whose name contains this text, e.g. fork.\n"
                + "      --as=NAME          Bind the loaded results (a List of SavedResult) to this variable.\n"
                + "      --mine=FILE        With a FOLDER: this machine's run, if not the newest one saved here from\n"
                + "                           this host.\n",
                help("compare", false, "--help"));
    }

    @Test
    void claims() throws Exception {
        assertEquals(""
                + "Usage: %claims [-h] [--measured-only] [--as=NAME]\n"
                + "Report every claim of the lesson next to this session's measurements.\n"
                + "  -h, --help            Show this help and do nothing else.\n"
                + "      --measured-only   Leave out claims not measured in this session.\n"
                + "      --as=NAME         Bind the report to this variable: a ClaimsMagic.Report, whose outcomes()\n"
                + "                          lists the ClaimOutcome of each measured claim.\n",
                help("claims", false, "--help"));
    }
}
