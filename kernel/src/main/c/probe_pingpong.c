/*
 * pingpong: one-byte round trips, the classic way to see what a context switch costs.
 *
 *   forklab-probe pingpong mode=thread-pipe|process-pipe|thread-futex
 *                          placement=same|split|free [cpus=A,B] runs=R [plan keys]
 *
 * The initiator sends, the partner answers, the initiator waits for the answer: each round
 * trip forces two hand-offs (two switches when both sides share one CPU). Modes:
 *   thread-pipe   two threads of the probe, a pipe each way
 *   process-pipe  the probe and a forked child, a pipe each way
 *   thread-futex  two threads handing a word back and forth with futex wait/wake (no pipe)
 * Placement: same = both pinned to CPU A; split = initiator on A, partner on B; free = no
 * pinning (the scheduler decides, and on a VM that can be bimodal from run to run).
 * Each run builds a fresh pair and prints its own samples line with "run": i, so that
 * run-to-run differences stay visible instead of being pooled away.
 *
 * The lmbench way to the switch itself: beside the round trips, the same traffic done within
 * one task ("one task": the same one-byte writes and reads on pipes of its own, or the same
 * futex calls with nobody waiting) is timed the same way, its samples interleaved with the
 * round trips' (probe_measure_rounds), so round trip minus one task leaves the switches and the
 * wake-ups. A "switches" line gives the context switches the kernel counted for both sides
 * (voluntary_ctxt_switches and nonvoluntary_ctxt_switches in /proc/.../status) and the round
 * trips done meanwhile, so the number of switches per round trip is counted, not assumed.
 */
#include "probe.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

enum mode { THREAD_PIPE, PROCESS_PIPE, THREAD_FUTEX };

struct pair {
    enum mode mode;
    int pinned;
    int cpu_a, cpu_b;
    int to_partner[2];
    int to_initiator[2];
    int futex_word; /* 0: initiator's turn, 1: partner's turn, 2: stop */
    int partner_cpu; /* where the partner last ran */
    pthread_t thread;
    pid_t child;
    pid_t probe_pid;
    volatile pid_t partner_tid; /* the partner thread's id (threads), set when it starts */
    long trips;                 /* round trips done, for switches per round trip */
    int self_pipe[2];           /* the one-task baseline's own pipe */
    int self_word;              /* the one-task baseline's own futex word */
};

static int futex(int *word, int op, int value) {
    return (int) syscall(SYS_futex, word, op, value, NULL, NULL, 0);
}

static void pin_or_fail(int cpu) {
    if (probe_pin_self(cpu) != 0) {
        probe_fail("could not pin to CPU %d: %s", cpu, strerror(errno));
    }
}

/* The partner's side over pipes: echo every byte until 'q' or end of file. */
static void echo_pipe(struct pair *p) {
    char byte;
    while (read(p->to_partner[0], &byte, 1) == 1 && byte != 'q') {
        if (write(p->to_initiator[1], &byte, 1) != 1) {
            break;
        }
    }
    p->partner_cpu = sched_getcpu();
}

static void echo_futex(struct pair *p) {
    for (;;) {
        int state;
        while ((state = __atomic_load_n(&p->futex_word, __ATOMIC_SEQ_CST)) == 0) {
            futex(&p->futex_word, FUTEX_WAIT_PRIVATE, 0);
        }
        if (state == 2) {
            break;
        }
        __atomic_store_n(&p->futex_word, 0, __ATOMIC_SEQ_CST);
        futex(&p->futex_word, FUTEX_WAKE_PRIVATE, 1);
    }
    p->partner_cpu = sched_getcpu();
}

static void *partner_thread(void *arg) {
    struct pair *p = arg;
    __atomic_store_n(&p->partner_tid, (pid_t) syscall(SYS_gettid), __ATOMIC_SEQ_CST);
    if (p->pinned) {
        pin_or_fail(p->cpu_b);
    }
    if (p->mode == THREAD_FUTEX) {
        echo_futex(p);
    } else {
        echo_pipe(p);
    }
    return NULL;
}

static int round_trips(void *ctx, long times) {
    struct pair *p = ctx;
    p->trips += times;
    for (long i = 0; i < times; i++) {
        if (p->mode == THREAD_FUTEX) {
            __atomic_store_n(&p->futex_word, 1, __ATOMIC_SEQ_CST);
            futex(&p->futex_word, FUTEX_WAKE_PRIVATE, 1);
            while (__atomic_load_n(&p->futex_word, __ATOMIC_SEQ_CST) == 1) {
                futex(&p->futex_word, FUTEX_WAIT_PRIVATE, 1);
            }
        } else {
            char byte = 'x';
            if (write(p->to_partner[1], &byte, 1) != 1 || read(p->to_initiator[0], &byte, 1) != 1) {
                fprintf(stderr, "forklab-probe: the ping-pong partner is gone\n");
                return -1;
            }
        }
    }
    return 0;
}

/*
 * The same traffic as one round trip, within one task: two one-byte writes and two reads on a
 * pipe of its own (nothing blocks, nobody switches), or for futex mode the same stores, one
 * wake with nobody waiting and one wait that returns at once because the word has moved on.
 */
static int one_task(void *ctx, long times) {
    struct pair *p = ctx;
    for (long i = 0; i < times; i++) {
        if (p->mode == THREAD_FUTEX) {
            __atomic_store_n(&p->self_word, 1, __ATOMIC_SEQ_CST);
            futex(&p->self_word, FUTEX_WAKE_PRIVATE, 1);
            __atomic_store_n(&p->self_word, 0, __ATOMIC_SEQ_CST);
            futex(&p->self_word, FUTEX_WAIT_PRIVATE, 1); /* EAGAIN: the word is 0, not 1 */
        } else {
            char byte = 'x';
            if (write(p->self_pipe[1], &byte, 1) != 1 || read(p->self_pipe[0], &byte, 1) != 1
                || write(p->self_pipe[1], &byte, 1) != 1 || read(p->self_pipe[0], &byte, 1) != 1) {
                fprintf(stderr, "forklab-probe: the one-task pipe failed: %s\n", strerror(errno));
                return -1;
            }
        }
    }
    return 0;
}

/* voluntary + nonvoluntary context switches of a task, from its status file; -1 when unreadable. */
static void read_switches(const char *path, long *voluntary, long *involuntary) {
    *voluntary = -1;
    *involuntary = -1;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return;
    }
    char line[256];
    while (fgets(line, sizeof line, f) != NULL) {
        sscanf(line, "voluntary_ctxt_switches: %ld", voluntary);
        sscanf(line, "nonvoluntary_ctxt_switches: %ld", involuntary);
    }
    fclose(f);
}

struct switch_counts {
    long self_vol, self_invol, partner_vol, partner_invol;
};

static void count_switches(const struct pair *p, struct switch_counts *c) {
    char path[96];
    snprintf(path, sizeof path, "/proc/self/task/%d/status", (int) syscall(SYS_gettid));
    read_switches(path, &c->self_vol, &c->self_invol);
    if (p->mode == PROCESS_PIPE) {
        snprintf(path, sizeof path, "/proc/%d/status", (int) p->child);
    } else {
        snprintf(path, sizeof path, "/proc/self/task/%d/status", (int) p->partner_tid);
    }
    read_switches(path, &c->partner_vol, &c->partner_invol);
}

static void start_pair(struct pair *p) {
    if (p->mode != THREAD_FUTEX && (pipe(p->to_partner) != 0 || pipe(p->to_initiator) != 0)) {
        probe_fail("pipe failed: %s", strerror(errno));
    }
    p->futex_word = 0;
    p->partner_cpu = -1;
    p->partner_tid = 0;
    p->trips = 0;
    p->self_word = 0;
    if (p->mode != THREAD_FUTEX && pipe(p->self_pipe) != 0) {
        probe_fail("pipe failed: %s", strerror(errno));
    }
    if (p->mode == PROCESS_PIPE) {
        fflush(stdout);
        p->child = fork();
        if (p->child < 0) {
            probe_fail("fork failed: %s", strerror(errno));
        }
        if (p->child == 0) {
            probe_child_setup(p->probe_pid);
            close(p->to_partner[1]);
            close(p->to_initiator[0]);
            if (p->pinned && probe_pin_self(p->cpu_b) != 0) {
                _exit(3);
            }
            echo_pipe(p);
            /* Tell the parent where this side ran: it cannot see our memory. */
            int cpu = sched_getcpu();
            _exit(write(p->to_initiator[1], &cpu, sizeof cpu) == sizeof cpu ? 0 : 4);
        }
        close(p->to_partner[0]);
        close(p->to_initiator[1]);
    } else {
        int err = pthread_create(&p->thread, NULL, partner_thread, p);
        if (err != 0) {
            probe_fail("pthread_create failed: %s", strerror(err));
        }
    }
}

static void stop_pair(struct pair *p) {
    if (p->mode != THREAD_FUTEX) {
        close(p->self_pipe[0]);
        close(p->self_pipe[1]);
    }
    if (p->mode == THREAD_FUTEX) {
        __atomic_store_n(&p->futex_word, 2, __ATOMIC_SEQ_CST);
        futex(&p->futex_word, FUTEX_WAKE_PRIVATE, 1);
        pthread_join(p->thread, NULL);
        return;
    }
    char quit = 'q';
    if (write(p->to_partner[1], &quit, 1) != 1) {
        /* the partner is gone already; closing below ends it anyway */
    }
    close(p->to_partner[1]);
    if (p->mode == PROCESS_PIPE) {
        int status, cpu;
        if (read(p->to_initiator[0], &cpu, sizeof cpu) == sizeof cpu) {
            p->partner_cpu = cpu;
        }
        while (waitpid(p->child, &status, 0) < 0 && errno == EINTR) {
        }
        close(p->to_initiator[0]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            probe_fail("the ping-pong child ended with status 0x%x%s", status,
                       WIFEXITED(status) && WEXITSTATUS(status) == 3 ? " (it could not pin itself)" : "");
        }
    } else {
        pthread_join(p->thread, NULL);
        close(p->to_partner[0]);
        close(p->to_initiator[0]);
        close(p->to_initiator[1]);
    }
}

/* "3,1" -> a=3, b=1; "2" -> a=b=2. */
static void parse_cpus(const char *text, int *a, int *b) {
    char *end;
    long first = strtol(text, &end, 10);
    long second = first;
    if (end != text && *end == ',') {
        const char *rest = end + 1;
        second = strtol(rest, &end, 10);
        if (end == rest) {
            end = (char *) rest - 1;
        }
    }
    if (end == text || *end != '\0' || first < 0 || second < 0 || first >= CPU_SETSIZE || second >= CPU_SETSIZE) {
        probe_fail("cpus = '%s' is not one CPU number or two separated by a comma, e.g. 0,1", text);
    }
    *a = (int) first;
    *b = (int) second;
}

int cmd_pingpong(int argc, char **argv) {
    static const char *const MODES[] = {"thread-pipe", "process-pipe", "thread-futex", NULL};
    static const char *const PLACEMENTS[] = {"same", "split", "free", NULL};
    struct probe_args args;
    struct probe_plan plan = {.cold = 3, .warmup = 200, .samples = 50, .batch = 0,
                              .min_sample_ns = 20000, .limit_ms = 60000};
    probe_args_parse(&args, argc, argv);
    const char *mode = probe_arg_choice(&args, "mode", "thread-pipe", MODES);
    const char *placement = probe_arg_choice(&args, "placement", "free", PLACEMENTS);
    const char *cpus = probe_arg_str(&args, "cpus", NULL);
    long runs = probe_arg_long(&args, "runs", 1, 1, 10000);
    probe_plan_args(&args, &plan);
    probe_args_done(&args);

    struct pair p = {.probe_pid = getpid()};
    p.mode = strcmp(mode, "thread-pipe") == 0 ? THREAD_PIPE : strcmp(mode, "process-pipe") == 0 ? PROCESS_PIPE : THREAD_FUTEX;
    p.pinned = strcmp(placement, "free") != 0;
    int allowed[CPU_SETSIZE];
    int n = probe_allowed_cpus(allowed, CPU_SETSIZE);
    if (cpus != NULL) {
        parse_cpus(cpus, &p.cpu_a, &p.cpu_b);
    } else {
        p.cpu_a = n > 0 ? allowed[0] : 0;
        p.cpu_b = n > 1 ? allowed[1] : p.cpu_a;
    }
    if (strcmp(placement, "same") == 0) {
        p.cpu_b = p.cpu_a;
    }
    if (p.pinned) {
        /* Refused up front in one line rather than as sched_setaffinity's "Invalid argument" mid-run. */
        probe_require_allowed_cpu("cpus", p.cpu_a);
        probe_require_allowed_cpu("cpus", p.cpu_b);
    }
    if (strcmp(placement, "split") == 0 && p.cpu_a == p.cpu_b) {
        probe_fail("placement split needs two different CPUs; this process may use %d CPU%s", n, n == 1 ? "" : "s");
    }
    cpu_set_t original;
    sched_getaffinity(0, sizeof original, &original);
    for (long run = 0; run < runs; run++) {
        if (p.pinned) {
            pin_or_fail(p.cpu_a);
        }
        start_pair(&p);
        if (p.mode != PROCESS_PIPE) {
            while (__atomic_load_n(&p.partner_tid, __ATOMIC_SEQ_CST) == 0) {
                sched_yield(); /* the partner writes its id first thing */
            }
        }
        char extra[256];
        snprintf(extra, sizeof extra, ",\"run\":%ld,\"mode\":\"%s\",\"placement\":\"%s\"", run, mode, placement);
        const char *names[2] = {"round trip", "one task"};
        const probe_op ops[2] = {round_trips, one_task};
        void *const ctxs[2] = {&p, &p};
        const char *const extras[2] = {extra, extra};
        struct switch_counts before, after;
        count_switches(&p, &before);
        int measured = probe_measure_rounds(2, names, &plan, ops, ctxs, extras) == 0;
        count_switches(&p, &after);
        int initiator_cpu = sched_getcpu();
        if (measured) {
            printf("{\"type\":\"switches\",\"run\":%ld,\"round_trips\":%ld,\"initiator_voluntary\":%ld,"
                   "\"initiator_involuntary\":%ld,\"partner_voluntary\":%ld,\"partner_involuntary\":%ld}\n",
                   run, p.trips, after.self_vol - before.self_vol, after.self_invol - before.self_invol,
                   after.partner_vol - before.partner_vol, after.partner_invol - before.partner_invol);
        }
        stop_pair(&p);
        sched_setaffinity(0, sizeof original, &original);
        if (!measured) {
            probe_fail("run %ld of %s could not be measured", run, mode);
        }
        /* probe_measure printed the samples; a second line says where it ran. */
        snprintf(extra, sizeof extra,
                 "{\"type\":\"run\",\"run\":%ld,\"mode\":\"%s\",\"placement\":\"%s\",\"pinned\":%s,"
                 "\"cpu_a\":%d,\"cpu_b\":%d,\"initiator_cpu_seen\":%d,\"partner_cpu_seen\":%d}",
                 run, mode, placement, p.pinned ? "true" : "false", p.pinned ? p.cpu_a : -1,
                 p.pinned ? p.cpu_b : -1, initiator_cpu, p.partner_cpu);
        printf("%s\n", extra);
        fflush(stdout);
    }
    return 0;
}
