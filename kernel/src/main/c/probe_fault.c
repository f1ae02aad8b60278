/*
 * fault: one of W workers commits a native fault, the workers being threads or processes.
 *
 *   forklab-probe fault kind=segfault|abort|stack-overflow mode=threads|processes
 *                       workers=W faulty=F work-ms=M
 *
 * threads:   W pthreads in this probe. The faulty one runs first and alone; the others wait at
 *            a gate that opens only after it has ended. A native fault ends the whole probe, so
 *            none of them ever finishes: the caller sees the probe killed by the signal.
 * processes: W forked children, one worker each; the faulty child dies of its signal and the
 *            others finish. The probe reports each child's end and exits 0.
 *
 * Lines: {"type":"worker","worker":I,"event":"faulting"|"done"}, in processes mode
 * {"type":"process","worker":I,"pid":P,"exit":S,"signal":N} (exit -1 when killed, signal 0
 * when it exited), and {"type":"end"} when the probe reaches its last line.
 * Core dumps are switched off first: a crash here is the lesson, not a bug to debug.
 */
#include "probe.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_FAULT_WORKERS 64

static const char *g_kind;
static long g_work_ms;

static void say(long worker, const char *event) {
    printf("{\"type\":\"worker\",\"worker\":%ld,\"event\":\"%s\"}\n", worker, event);
    fflush(stdout);
}

/* The pointer is read through a volatile so gcc cannot see that it is null and replace the
 * store by a trap instruction (which would be SIGILL, not the segfault we mean to show). */
static int *volatile g_nowhere;

/* A bound no stack reaches; volatile, so gcc cannot call the recursion endless and drop it. */
static volatile long g_depth_bound = 1L << 40;

/* Recursion that cannot be turned into a loop: the frame is used after the call returns. */
__attribute__((noinline)) static long dig(long depth) {
    volatile char frame[512];
    if (depth > g_depth_bound) {
        return 0;
    }
    frame[depth % 512] = (char) depth;
    return dig(depth + 1) + frame[(depth + 1) % 512];
}

static void commit_fault(long worker) {
    say(worker, "faulting");
    if (strcmp(g_kind, "segfault") == 0) {
        *g_nowhere = 42;
    } else if (strcmp(g_kind, "abort") == 0) {
        abort();
    } else {
        printf("{\"type\":\"depth\",\"reached\":%ld}\n", dig(0));
    }
    say(worker, "done"); /* not reached */
}

static void work(long worker) {
    struct timespec ts = {.tv_sec = g_work_ms / 1000, .tv_nsec = (g_work_ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
    say(worker, "done");
}

static pthread_mutex_t g_gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_gate_open = PTHREAD_COND_INITIALIZER;
static int g_gate;

static void *healthy_thread(void *arg) {
    long worker = (long) arg;
    pthread_mutex_lock(&g_gate_lock);
    while (!g_gate) {
        pthread_cond_wait(&g_gate_open, &g_gate_lock);
    }
    pthread_mutex_unlock(&g_gate_lock);
    work(worker);
    return NULL;
}

static void *faulty_thread(void *arg) {
    commit_fault((long) arg);
    return NULL;
}

static void run_threads(long workers, long faulty) {
    pthread_t threads[MAX_FAULT_WORKERS];
    for (long i = 0; i < workers; i++) {
        if (i != faulty) {
            int err = pthread_create(&threads[i], NULL, healthy_thread, (void *) i);
            if (err != 0) {
                probe_fail("pthread_create failed for worker %ld: %s", i, strerror(err));
            }
        }
    }
    int err = pthread_create(&threads[faulty], NULL, faulty_thread, (void *) faulty);
    if (err != 0) {
        probe_fail("pthread_create failed for the faulty worker: %s", strerror(err));
    }
    pthread_join(threads[faulty], NULL);
    pthread_mutex_lock(&g_gate_lock);
    g_gate = 1;
    pthread_cond_broadcast(&g_gate_open);
    pthread_mutex_unlock(&g_gate_lock);
    for (long i = 0; i < workers; i++) {
        if (i != faulty) {
            pthread_join(threads[i], NULL);
        }
    }
}

static void run_processes(long workers, long faulty) {
    pid_t pids[MAX_FAULT_WORKERS];
    pid_t probe_pid = getpid();
    fflush(stdout);
    for (long i = 0; i < workers; i++) {
        pids[i] = fork();
        if (pids[i] < 0) {
            probe_fail("fork failed for worker %ld: %s", i, strerror(errno));
        }
        if (pids[i] == 0) {
            probe_child_setup(probe_pid);
            if (i == faulty) {
                commit_fault(i);
            } else {
                work(i);
            }
            _exit(0);
        }
    }
    for (long i = 0; i < workers; i++) {
        int status;
        while (waitpid(pids[i], &status, 0) < 0) {
            if (errno != EINTR) {
                probe_fail("waitpid for worker %ld failed: %s", i, strerror(errno));
            }
        }
        printf("{\"type\":\"process\",\"worker\":%ld,\"pid\":%ld,\"exit\":%d,\"signal\":%d}\n", i, (long) pids[i],
               WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    }
}

int cmd_fault(int argc, char **argv) {
    static const char *const KINDS[] = {"segfault", "abort", "stack-overflow", NULL};
    static const char *const MODES[] = {"threads", "processes", NULL};
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    g_kind = probe_arg_choice(&args, "kind", "segfault", KINDS);
    const char *mode = probe_arg_choice(&args, "mode", "threads", MODES);
    long workers = probe_arg_long(&args, "workers", 3, 1, MAX_FAULT_WORKERS);
    long faulty = probe_arg_long(&args, "faulty", 0, 0, MAX_FAULT_WORKERS - 1);
    g_work_ms = probe_arg_long(&args, "work-ms", 50, 0, 600000);
    probe_args_done(&args);
    if (faulty >= workers) {
        probe_fail("faulty = %ld is out of range: accepted 0 to %ld", faulty, workers - 1);
    }
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    prctl(PR_SET_DUMPABLE, 0);
    if (strcmp(mode, "threads") == 0) {
        run_threads(workers, faulty);
    } else {
        run_processes(workers, faulty);
    }
    printf("{\"type\":\"end\"}\n");
    return 0;
}
