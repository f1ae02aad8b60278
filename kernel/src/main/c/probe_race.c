/*
 * race: the shared-counter race in C.
 *
 *   forklab-probe race variant=plain|volatile|processes workers=W increments=N trials=T
 *
 * plain:     W pthreads add N to a plain global. The probe is built with -O2, so gcc turns
 *            each worker's loop into a single "load, add N, store": the window for a lost
 *            update shrinks to a few instructions and the race mostly disappears from view.
 * volatile:  the same on a volatile global: every increment is a real load and a real store,
 *            and two threads interleaving them lose updates.
 * processes: W forked children each add N to their own copy of the global (copy-on-write);
 *            the parent's copy stays 0.
 *
 * One line per trial:
 * {"type":"trial","variant":"volatile","trial":0,"expected":E,"counted":C,"loop_ns_max":X,
 *  "overlap_ns":O[,"children":[...],"parent":P]}
 * loop_ns_max is the slowest worker's loop; overlap_ns how long all workers were in their loops
 * at once (0: they took turns, and nothing could be lost).
 */
#include "probe.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_RACE_WORKERS 256

static long plain_counter;
static volatile long volatile_counter;

/* noinline: each is compiled on its own, the plain one into one add of n. */
__attribute__((noinline)) static void add_plain(long n) {
    for (long i = 0; i < n; i++) {
        plain_counter++;
    }
}

__attribute__((noinline)) static void add_volatile(long n) {
    for (long i = 0; i < n; i++) {
        volatile_counter++;
    }
}

struct race_worker {
    pthread_t thread;
    int use_volatile;
    long increments;
    int *go;
    uint64_t start_ns;
    uint64_t end_ns;
};

static void *race_thread(void *arg) {
    struct race_worker *w = arg;
    /* Spin at the gate so every worker is already running when it opens. */
    while (!__atomic_load_n(w->go, __ATOMIC_ACQUIRE)) {
    }
    w->start_ns = probe_now_ns();
    if (w->use_volatile) {
        add_volatile(w->increments);
    } else {
        add_plain(w->increments);
    }
    w->end_ns = probe_now_ns();
    return NULL;
}

static void times_of(const uint64_t *starts, const uint64_t *ends, long n, uint64_t *slowest, uint64_t *overlap) {
    uint64_t last_start = 0, first_end = UINT64_MAX;
    *slowest = 0;
    for (long i = 0; i < n; i++) {
        if (ends[i] - starts[i] > *slowest) {
            *slowest = ends[i] - starts[i];
        }
        if (starts[i] > last_start) {
            last_start = starts[i];
        }
        if (ends[i] < first_end) {
            first_end = ends[i];
        }
    }
    *overlap = first_end > last_start ? first_end - last_start : 0;
}

static void threads_trial(int trial, const char *variant, int use_volatile, long workers, long increments) {
    struct race_worker w[MAX_RACE_WORKERS];
    uint64_t starts[MAX_RACE_WORKERS], ends[MAX_RACE_WORKERS];
    int go = 0;
    plain_counter = 0;
    volatile_counter = 0;
    for (long i = 0; i < workers; i++) {
        w[i] = (struct race_worker) {.use_volatile = use_volatile, .increments = increments, .go = &go};
        int err = pthread_create(&w[i].thread, NULL, race_thread, &w[i]);
        if (err != 0) {
            __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
            for (long j = 0; j < i; j++) {
                pthread_join(w[j].thread, NULL);
            }
            probe_fail("pthread_create failed for race worker %ld: %s", i, strerror(err));
        }
    }
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (long i = 0; i < workers; i++) {
        pthread_join(w[i].thread, NULL);
        starts[i] = w[i].start_ns;
        ends[i] = w[i].end_ns;
    }
    uint64_t slowest, overlap;
    times_of(starts, ends, workers, &slowest, &overlap);
    long counted = use_volatile ? volatile_counter : plain_counter;
    printf("{\"type\":\"trial\",\"variant\":\"%s\",\"trial\":%d,\"expected\":%ld,\"counted\":%ld,"
           "\"loop_ns_max\":%llu,\"overlap_ns\":%llu}\n", variant, trial, workers * increments, counted,
           (unsigned long long) slowest, (unsigned long long) overlap);
}

struct child_report {
    long count;
    uint64_t start_ns;
    uint64_t end_ns;
};

static void processes_trial(int trial, long workers, long increments) {
    pid_t pids[MAX_RACE_WORKERS];
    int pipes[MAX_RACE_WORKERS][2];
    pid_t probe_pid = getpid();
    volatile_counter = 0;
    fflush(stdout); /* nothing buffered may be printed twice by a child */
    for (long i = 0; i < workers; i++) {
        if (pipe(pipes[i]) != 0) {
            probe_fail("pipe failed: %s", strerror(errno));
        }
        pids[i] = fork();
        if (pids[i] < 0) {
            probe_fail("fork failed for race worker %ld: %s", i, strerror(errno));
        }
        if (pids[i] == 0) {
            probe_child_setup(probe_pid);
            close(pipes[i][0]);
            struct child_report r;
            r.start_ns = probe_now_ns();
            add_volatile(increments); /* this child's own copy of the global */
            r.end_ns = probe_now_ns();
            r.count = volatile_counter;
            ssize_t written = write(pipes[i][1], &r, sizeof r);
            _exit(written == (ssize_t) sizeof r ? 0 : 1);
        }
        close(pipes[i][1]);
    }
    long counts[MAX_RACE_WORKERS];
    uint64_t starts[MAX_RACE_WORKERS], ends[MAX_RACE_WORKERS];
    long sum = 0;
    for (long i = 0; i < workers; i++) {
        struct child_report r;
        ssize_t got = read(pipes[i][0], &r, sizeof r);
        close(pipes[i][0]);
        int status;
        while (waitpid(pids[i], &status, 0) < 0 && errno == EINTR) {
        }
        if (got != (ssize_t) sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            probe_fail("race child %ld did not report its count (status 0x%x)", i, status);
        }
        counts[i] = r.count;
        starts[i] = r.start_ns;
        ends[i] = r.end_ns;
        sum += r.count;
    }
    uint64_t slowest, overlap;
    times_of(starts, ends, workers, &slowest, &overlap);
    printf("{\"type\":\"trial\",\"variant\":\"processes\",\"trial\":%d,\"expected\":%ld,\"counted\":%ld,"
           "\"loop_ns_max\":%llu,\"overlap_ns\":%llu,\"children\":[", trial, workers * increments, sum,
           (unsigned long long) slowest, (unsigned long long) overlap);
    for (long i = 0; i < workers; i++) {
        printf(i ? ",%ld" : "%ld", counts[i]);
    }
    printf("],\"parent\":%ld}\n", (long) volatile_counter);
}

int cmd_race(int argc, char **argv) {
    static const char *const VARIANTS[] = {"plain", "volatile", "processes", NULL};
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    const char *variant = probe_arg_choice(&args, "variant", "volatile", VARIANTS);
    long workers = probe_arg_long(&args, "workers", 2, 1, MAX_RACE_WORKERS);
    long increments = probe_arg_long(&args, "increments", 1000000, 1, 100000000);
    long trials = probe_arg_long(&args, "trials", 10, 1, 10000);
    probe_args_done(&args);
    for (int t = 0; t < trials; t++) {
        if (strcmp(variant, "processes") == 0) {
            processes_trial(t, workers, increments);
        } else {
            threads_trial(t, variant, strcmp(variant, "volatile") == 0, workers, increments);
        }
        fflush(stdout);
    }
    return 0;
}
