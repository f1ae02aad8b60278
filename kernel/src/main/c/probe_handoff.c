/*
 * handoff: a message handed back and forth through memory both sides see, with no system call
 * on the way when the wait is a spin; the native side of %ipc's shared-memory rows.
 *
 *   forklab-probe handoff mode=threads|processes wait=spin|futex placement=same|split|free
 *                         [cpus=A,B] sizes=8,4096,... [plan keys]
 *
 * One round trip: the initiator makes a message of `size` bytes available, flips the turn word
 * to the partner and waits for it to come back; the partner waits for its turn, takes the
 * message, hands it back and flips the word again. Modes:
 *   threads    two threads of the probe: the message is a pointer, handed over as it is (nothing
 *              copied, whatever its size), as threads sharing one address space can do
 *   processes  the probe and a forked child sharing one anonymous MAP_SHARED mapping: the
 *              sender copies the message into the shared pages, the receiver copies it out, the
 *              partner copies it back in, and the initiator copies the answer out
 * Waits:
 *   spin   read the turn word in a loop (with the CPU's pause hint); every 1,024 reads it
 *          yields the CPU, so that a partner pinned to the same CPU gets to run at all, and
 *          checks the time limit, so no spin outlives the command
 *   futex  sleep in the kernel (FUTEX_WAIT) until the other side's FUTEX_WAKE: a blocking
 *          hand-off, the way a mutex and condition variable wait
 * Placement as in pingpong: same = both pinned to CPU A; split = initiator A, partner B;
 * free = not pinned. The sizes' samples are interleaved in rounds (probe_measure_rounds), one
 * samples line per size with "size":N; a "run" line says where each side ran.
 */
#include "probe.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_SIZES = 32, YIELD_EVERY = 1024 };
enum turn { INITIATOR = 0, PARTNER = 1, STOP = 2 };

/* Lives in the shared mapping: the turn word and what is handed over share one cache line (one
 * line moves per hand-off, as in the reference's spin), the message's bytes follow on their own. */
struct shared {
    int turn;
    int partner_cpu;
    const char *pointer; /* threads: the message handed over */
    size_t length;       /* processes: the message's length */
    char pad[40];
    char message[];      /* processes: the message's bytes */
};

struct handoff {
    int processes;
    int spin;
    int pinned;
    int cpu_a, cpu_b;
    uint64_t deadline_ns;
    long limit_ms;
    struct shared *shm;
    size_t max_size;
    char *mine;   /* the initiator's own buffer */
    char *theirs; /* the partner's own buffer (processes) */
    pthread_t thread;
    pid_t child;
};

struct size_op {
    struct handoff *h;
    size_t size;
};

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static int futex(int *word, int op, int value) {
    return (int) syscall(SYS_futex, word, op, value, NULL, NULL, 0);
}

static void wake(struct handoff *h) {
    if (!h->spin) {
        futex(&h->shm->turn, h->processes ? FUTEX_WAKE : FUTEX_WAKE_PRIVATE, 1);
    }
}

/* Waits until the turn word says `want` (or STOP); returns the word. */
static int wait_turn(struct handoff *h, int want) {
    int *word = &h->shm->turn;
    int now;
    unsigned long spins = 0;
    while ((now = __atomic_load_n(word, __ATOMIC_ACQUIRE)) != want && now != STOP) {
        if (h->spin) {
            cpu_relax();
            if (++spins % YIELD_EVERY == 0) {
                sched_yield();
                if (probe_now_ns() > h->deadline_ns) {
                    probe_fail("a spin wait outlived the time limit of %ld ms", h->limit_ms);
                }
            }
        } else {
            futex(word, h->processes ? FUTEX_WAIT : FUTEX_WAIT_PRIVATE, now);
        }
    }
    return now;
}

static void give_turn(struct handoff *h, int to) {
    __atomic_store_n(&h->shm->turn, to, __ATOMIC_RELEASE);
    wake(h);
}

/* The partner: take the message, hand it back, until STOP. */
static void serve(struct handoff *h) {
    while (wait_turn(h, PARTNER) == PARTNER) {
        if (h->processes) {
            size_t len = h->shm->length;
            memcpy(h->theirs, h->shm->message, len); /* the message taken out ... */
            memcpy(h->shm->message, h->theirs, len); /* ... and sent back, as the echo peer of %ipc does */
        } else {
            const char *taken = h->shm->pointer;
            h->shm->pointer = taken; /* handed back as it came */
        }
        give_turn(h, INITIATOR);
    }
    h->shm->partner_cpu = sched_getcpu();
}

static void *partner_thread(void *arg) {
    struct handoff *h = arg;
    if (h->pinned && probe_pin_self(h->cpu_b) != 0) {
        probe_fail("could not pin the partner to CPU %d: %s", h->cpu_b, strerror(errno));
    }
    serve(h);
    return NULL;
}

static int round_trips(void *ctx, long times) {
    struct size_op *op = ctx;
    struct handoff *h = op->h;
    for (long i = 0; i < times; i++) {
        if (h->processes) {
            h->shm->length = op->size;
            memcpy(h->shm->message, h->mine, op->size);
        } else {
            h->shm->pointer = h->mine;
        }
        give_turn(h, PARTNER);
        if (wait_turn(h, INITIATOR) == STOP) {
            fprintf(stderr, "forklab-probe: the hand-off partner stopped\n");
            return -1;
        }
        if (h->processes) {
            memcpy(h->mine, h->shm->message, op->size);
        } else if (h->shm->pointer != h->mine) {
            fprintf(stderr, "forklab-probe: the hand-off came back with another pointer\n");
            return -1;
        }
    }
    return 0;
}

/* "8,4096" -> sizes; at most MAX_SIZES, each 1 .. 16 MiB. */
static int parse_sizes(const char *text, size_t *sizes) {
    int n = 0;
    const char *at = text;
    while (*at != '\0') {
        char *end;
        long v = strtol(at, &end, 10);
        if (end == at || v < 1 || v > (16L << 20) || (*end != ',' && *end != '\0') || n == MAX_SIZES) {
            probe_fail("sizes = '%s' is not up to %d byte counts from 1 to 16777216 separated by commas, e.g. 8,4096",
                       text, MAX_SIZES);
        }
        sizes[n++] = (size_t) v;
        at = *end == ',' ? end + 1 : end;
    }
    if (n == 0) {
        probe_fail("sizes is empty: give byte counts separated by commas, e.g. 8,4096");
    }
    return n;
}

static void start_partner(struct handoff *h, pid_t probe_pid) {
    if (!h->processes) {
        int err = pthread_create(&h->thread, NULL, partner_thread, h);
        if (err != 0) {
            probe_fail("pthread_create failed: %s", strerror(err));
        }
        return;
    }
    fflush(stdout);
    h->child = fork();
    if (h->child < 0) {
        probe_fail("fork failed: %s", strerror(errno));
    }
    if (h->child == 0) {
        probe_child_setup(probe_pid);
        if (h->pinned && probe_pin_self(h->cpu_b) != 0) {
            _exit(3);
        }
        serve(h);
        _exit(0);
    }
}

static void stop_partner(struct handoff *h) {
    __atomic_store_n(&h->shm->turn, STOP, __ATOMIC_RELEASE);
    futex(&h->shm->turn, h->processes ? FUTEX_WAKE : FUTEX_WAKE_PRIVATE, 1);
    if (!h->processes) {
        pthread_join(h->thread, NULL);
        return;
    }
    int status;
    while (waitpid(h->child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        probe_fail("the hand-off child ended with status 0x%x%s", status,
                   WIFEXITED(status) && WEXITSTATUS(status) == 3 ? " (it could not pin itself)" : "");
    }
}

int cmd_handoff(int argc, char **argv) {
    static const char *const MODES[] = {"threads", "processes", NULL};
    static const char *const WAITS[] = {"spin", "futex", NULL};
    static const char *const PLACEMENTS[] = {"same", "split", "free", NULL};
    struct probe_args args;
    struct probe_plan plan = {.cold = 0, .warmup = 1000, .samples = 20, .batch = 0,
                              .min_sample_ns = 20000, .limit_ms = 60000};
    probe_args_parse(&args, argc, argv);
    const char *mode = probe_arg_choice(&args, "mode", "threads", MODES);
    const char *wait = probe_arg_choice(&args, "wait", "spin", WAITS);
    const char *placement = probe_arg_choice(&args, "placement", "free", PLACEMENTS);
    const char *cpus = probe_arg_str(&args, "cpus", NULL);
    const char *size_list = probe_arg_str(&args, "sizes", "8");
    probe_plan_args(&args, &plan);
    probe_args_done(&args);

    size_t sizes[MAX_SIZES];
    int n = parse_sizes(size_list, sizes);
    struct handoff h = {.processes = strcmp(mode, "processes") == 0, .spin = strcmp(wait, "spin") == 0,
                        .pinned = strcmp(placement, "free") != 0, .limit_ms = plan.limit_ms};
    h.deadline_ns = probe_now_ns() + (uint64_t) plan.limit_ms * 1000000u;
    int allowed[CPU_SETSIZE];
    int cpu_count = probe_allowed_cpus(allowed, CPU_SETSIZE);
    h.cpu_a = cpu_count > 0 ? allowed[0] : 0;
    h.cpu_b = cpu_count > 1 ? allowed[1] : h.cpu_a;
    if (cpus != NULL) {
        char *end;
        h.cpu_a = (int) strtol(cpus, &end, 10);
        h.cpu_b = *end == ',' ? (int) strtol(end + 1, &end, 10) : h.cpu_a;
        if (*end != '\0') {
            probe_fail("cpus = '%s' is not one CPU number or two separated by a comma, e.g. 0,1", cpus);
        }
    }
    if (strcmp(placement, "same") == 0) {
        h.cpu_b = h.cpu_a;
    }
    if (h.pinned) {
        probe_require_allowed_cpu("cpus", h.cpu_a);
        probe_require_allowed_cpu("cpus", h.cpu_b);
    }
    if (strcmp(placement, "split") == 0 && h.cpu_a == h.cpu_b) {
        probe_fail("placement split needs two different CPUs; this process may use %d CPU%s", cpu_count,
                   cpu_count == 1 ? "" : "s");
    }
    for (int i = 0; i < n; i++) {
        if (sizes[i] > h.max_size) {
            h.max_size = sizes[i];
        }
    }
    size_t bytes = sizeof(struct shared) + h.max_size;
    h.shm = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    h.mine = malloc(h.max_size);
    h.theirs = malloc(h.max_size);
    if (h.shm == MAP_FAILED || h.mine == NULL || h.theirs == NULL) {
        probe_fail("no memory for messages of %zu bytes", h.max_size);
    }
    memset(h.mine, 'x', h.max_size);
    memset(h.shm->message, 0, h.max_size);
    h.shm->partner_cpu = -1;

    cpu_set_t original;
    sched_getaffinity(0, sizeof original, &original);
    if (h.pinned && probe_pin_self(h.cpu_a) != 0) {
        probe_fail("could not pin to CPU %d: %s", h.cpu_a, strerror(errno));
    }
    start_partner(&h, getpid());

    struct size_op ops_ctx[MAX_SIZES];
    const char *names[MAX_SIZES];
    char name_text[MAX_SIZES][32];
    char extra_text[MAX_SIZES][160];
    const char *extras[MAX_SIZES];
    probe_op ops[MAX_SIZES];
    void *ctxs[MAX_SIZES];
    for (int i = 0; i < n; i++) {
        ops_ctx[i] = (struct size_op){.h = &h, .size = sizes[i]};
        snprintf(name_text[i], sizeof name_text[i], "round trip %zu B", sizes[i]);
        snprintf(extra_text[i], sizeof extra_text[i], ",\"size\":%zu,\"mode\":\"%s\",\"wait\":\"%s\",\"placement\":\"%s\"",
                 sizes[i], mode, wait, placement);
        names[i] = name_text[i];
        extras[i] = extra_text[i];
        ops[i] = round_trips;
        ctxs[i] = &ops_ctx[i];
    }
    int measured = probe_measure_rounds(n, names, &plan, ops, ctxs, extras) == 0;
    int initiator_cpu = sched_getcpu();
    stop_partner(&h);
    sched_setaffinity(0, sizeof original, &original);
    if (!measured) {
        probe_fail("the %s %s hand-off could not be measured", mode, wait);
    }
    printf("{\"type\":\"run\",\"mode\":\"%s\",\"wait\":\"%s\",\"placement\":\"%s\",\"pinned\":%s,\"cpu_a\":%d,"
           "\"cpu_b\":%d,\"initiator_cpu_seen\":%d,\"partner_cpu_seen\":%d}\n",
           mode, wait, placement, h.pinned ? "true" : "false", h.pinned ? h.cpu_a : -1, h.pinned ? h.cpu_b : -1,
           initiator_cpu, h.shm->partner_cpu);
    fflush(stdout);
    munmap(h.shm, bytes);
    free(h.mine);
    free(h.theirs);
    return 0;
}
