/*
 * forklab-probe main: the table of subcommands and the helpers every command shares
 * (arguments, failure, sampling, JSON output, CPU pinning). Include probe.h first in every
 * file: it defines _GNU_SOURCE before any system header.
 */
#include "probe.h"

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct probe_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

/* Add one line per command, keep the names sorted. */
static const struct probe_command COMMANDS[] = {
    {"contain", cmd_contain, "run a program under task and memory caps; kill everything it started when it ends"},
    {"fault", cmd_fault, "fault isolation: segfault, abort or stack overflow in one of W threads or processes"},
    {"handoff", cmd_handoff, "a message handed back and forth through shared memory: threads or processes, spin or futex"},
    {"idle", cmd_idle, "fork N idle children and hold them until stdin closes (scale experiment)"},
    {"pingpong", cmd_pingpong, "one-byte round trips between threads or processes, pinned or not"},
    {"race", cmd_race, "the shared-counter race: pthreads on a plain or volatile global, or fork"},
    {"share", cmd_share, "what threads share and a forked child copies: ids, stacks, globals, descriptors, handlers"},
    {"spawn", cmd_spawn, "creation cost: fork, vfork, fork+exec, posix_spawn, pthread_create"},
    {"stacks", cmd_stacks, "native thread stacks: address space reserved and pages resident, from smaps"},
    {"version", cmd_version, "the probe's version and its commands"},
};
#define COMMAND_COUNT ((int) (sizeof COMMANDS / sizeof COMMANDS[0]))

static uint64_t g_deadline_ns;

int cmd_version(int argc, char **argv) {
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    probe_args_done(&args);
    printf("{\"type\":\"version\",\"probe\":\"forklab-probe\",\"version\":%d,\"pid\":%ld,\"commands\":[",
           PROBE_VERSION, (long) getpid());
    for (int i = 0; i < COMMAND_COUNT; i++) {
        printf(i ? "," : "");
        probe_print_string(stdout, COMMANDS[i].name);
    }
    printf("]}\n");
    return 0;
}

static void usage(FILE *out) {
    fprintf(out, "usage: forklab-probe COMMAND [key=value ...]\ncommands:\n");
    for (int i = 0; i < COMMAND_COUNT; i++) {
        fprintf(out, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    }
}

int main(int argc, char **argv) {
    /* Orphans of our children come back to us, so we can reap them before we exit. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    /* Die with whoever started us (the JVM): a probe must never outlive its run. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* Line-buffered so a killed probe still leaves whole lines behind. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (int i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(argv[1], COMMANDS[i].name) == 0) {
            int status = COMMANDS[i].run(argc - 2, argv + 2);
            fflush(stdout);
            probe_kill_children();
            return status;
        }
    }
    fprintf(stderr, "forklab-probe: unknown command '%s'; accepted:", argv[1]);
    for (int i = 0; i < COMMAND_COUNT; i++) {
        fprintf(stderr, "%s %s", i ? "," : "", COMMANDS[i].name);
    }
    fprintf(stderr, "\n");
    return 2;
}

/* ---- arguments ---- */

void probe_args_parse(struct probe_args *args, int argc, char **argv) {
    args->count = argc;
    args->keys = calloc((size_t) argc + 1, sizeof(char *));
    args->values = calloc((size_t) argc + 1, sizeof(char *));
    args->used = calloc((size_t) argc + 1, sizeof(int));
    if (!args->keys || !args->values || !args->used) {
        probe_fail("out of memory");
    }
    for (int i = 0; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq == NULL || eq == argv[i]) {
            probe_fail("argument '%s' is not of the form key=value", argv[i]);
        }
        args->keys[i] = strndup(argv[i], (size_t) (eq - argv[i]));
        args->values[i] = eq + 1;
    }
}

static const char *find(struct probe_args *args, const char *key) {
    const char *found = NULL;
    for (int i = 0; i < args->count; i++) {
        if (strcmp(args->keys[i], key) == 0) {
            args->used[i] = 1;
            found = args->values[i]; /* the last one wins, like most command lines */
        }
    }
    return found;
}

long probe_arg_long(struct probe_args *args, const char *key, long def, long min, long max) {
    const char *text = find(args, key);
    if (text == NULL) {
        return def;
    }
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') {
        probe_fail("%s = '%s' is not a whole number", key, text);
    }
    if (value < min || value > max) {
        probe_fail("%s = %ld is out of range: accepted %ld to %ld", key, value, min, max);
    }
    return value;
}

const char *probe_arg_str(struct probe_args *args, const char *key, const char *def) {
    const char *text = find(args, key);
    return text == NULL ? def : text;
}

const char *probe_arg_choice(struct probe_args *args, const char *key, const char *def, const char *const *choices) {
    const char *text = probe_arg_str(args, key, def);
    for (int i = 0; choices[i] != NULL; i++) {
        if (strcmp(text, choices[i]) == 0) {
            return choices[i];
        }
    }
    char accepted[512] = "";
    for (int i = 0; choices[i] != NULL; i++) {
        strncat(accepted, i ? ", " : "", sizeof accepted - strlen(accepted) - 1);
        strncat(accepted, choices[i], sizeof accepted - strlen(accepted) - 1);
    }
    probe_fail("%s '%s' is not known: accepted %s", key, text, accepted);
}

void probe_args_done(struct probe_args *args) {
    for (int i = 0; i < args->count; i++) {
        if (!args->used[i]) {
            probe_fail("unknown option '%s' for this command", args->keys[i]);
        }
    }
}

/* ---- failure and children ---- */

void probe_fail(const char *fmt, ...) {
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "forklab-probe: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    probe_kill_children();
    exit(2);
}

/* SIGKILLs every child listed in /proc/self/task/<tid>/children. */
static void kill_listed_children(void) {
    DIR *tasks = opendir("/proc/self/task");
    if (tasks == NULL) {
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        char path[300];
        snprintf(path, sizeof path, "/proc/self/task/%s/children", entry->d_name);
        FILE *f = fopen(path, "r");
        if (f == NULL) {
            continue;
        }
        long pid;
        while (fscanf(f, "%ld", &pid) == 1) {
            kill((pid_t) pid, SIGKILL);
        }
        fclose(f);
    }
    closedir(tasks);
}

/*
 * Kill, then reap one, until no child is left: as a subreaper we inherit grandchildren whose
 * parent we just killed, and they appear in the list only after that parent is gone.
 */
void probe_kill_children(void) {
    for (;;) {
        kill_listed_children();
        if (waitpid(-1, NULL, __WALL) < 0 && errno == ECHILD) {
            return;
        }
    }
}

void probe_child_setup(pid_t probe_pid) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* The probe may have died between fork and prctl: then nobody would send the signal. */
    if (getppid() != probe_pid) {
        _exit(1);
    }
}

/* ---- time and sampling ---- */

uint64_t probe_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

void probe_plan_args(struct probe_args *args, struct probe_plan *plan) {
    plan->cold = probe_arg_long(args, "cold", plan->cold, 0, 1000);
    plan->warmup = probe_arg_long(args, "warmup", plan->warmup, 0, 10000000);
    /* the same bound as SamplingPlan.MAX_SAMPLES on the Java side (NativeProbeLimitsTest) */
    plan->samples = probe_arg_long(args, "samples", plan->samples, 1, 100000);
    plan->batch = probe_arg_long(args, "batch", plan->batch, 0, 10000000);
    plan->min_sample_ns = probe_arg_long(args, "min-sample-ns", plan->min_sample_ns, 1, 1000000000);
    plan->limit_ms = probe_arg_long(args, "limit-ms", plan->limit_ms, 1, 86400000);
    if (g_deadline_ns == 0) {
        g_deadline_ns = probe_now_ns() + (uint64_t) plan->limit_ms * 1000000u;
    }
}

static void check_deadline(const struct probe_plan *plan) {
    if (g_deadline_ns != 0 && probe_now_ns() > g_deadline_ns) {
        probe_fail("the time limit of %ld ms was reached; use fewer samples or a larger limit", plan->limit_ms);
    }
}

static uint64_t g_excluded_ns;
static uint64_t g_part_ns;
static int g_part_used;

void probe_exclude(uint64_t ns) {
    g_excluded_ns += ns;
}

void probe_part(uint64_t ns) {
    g_part_ns += ns;
    g_part_used = 1;
}

/* Times `times` runs of op; *part_ns gets what the op reported with probe_part in those runs. */
static int time_once(probe_op op, void *ctx, long times, double *elapsed_ns, double *part_ns) {
    g_excluded_ns = 0;
    g_part_ns = 0;
    uint64_t start = probe_now_ns();
    if (op(ctx, times) != 0) {
        return -1;
    }
    *elapsed_ns = (double) (probe_now_ns() - start - g_excluded_ns);
    if (part_ns != NULL) {
        *part_ns = (double) g_part_ns;
    }
    return 0;
}

/* What one op of a set keeps while the set is measured in rounds. */
struct measured {
    double *cold;
    double *values;
    double *parts; /* per sample, the part the op reported (probe_part), per operation */
    long batch;
    int has_part;
};

int probe_measure(const char *name, const struct probe_plan *plan, probe_op op, void *ctx, const char *extra) {
    return probe_measure_rounds(1, &name, plan, &op, &ctx, &extra);
}

int probe_measure_rounds(int n, const char *const *names, const struct probe_plan *plan, const probe_op *ops,
                         void *const *ctxs, const char *const *extras) {
    struct measured *m = calloc((size_t) n, sizeof *m);
    int status = -1;
    if (m == NULL) {
        probe_fail("out of memory for %d ops", n);
    }
    for (int k = 0; k < n; k++) {
        m[k].cold = calloc((size_t) plan->cold + 1, sizeof(double));
        m[k].values = calloc((size_t) plan->samples, sizeof(double));
        m[k].parts = calloc((size_t) plan->samples, sizeof(double));
        if (m[k].cold == NULL || m[k].values == NULL || m[k].parts == NULL) {
            probe_fail("out of memory for %ld samples", plan->samples);
        }
    }
    /* Cold, warm-up and batch size per op; then the samples in rounds, one of each op per
     * round (A B C, A B C, ...), so that a change of load falls on every op alike. */
    for (int k = 0; k < n; k++) {
        for (long i = 0; i < plan->cold; i++) {
            check_deadline(plan);
            if (time_once(ops[k], ctxs[k], 1, &m[k].cold[i], NULL) != 0) {
                goto out;
            }
        }
        for (long done = 0; done < plan->warmup;) {
            check_deadline(plan);
            long chunk = plan->warmup - done < 1000 ? plan->warmup - done : 1000;
            if (ops[k](ctxs[k], chunk) != 0) {
                goto out;
            }
            done += chunk;
        }
        long batch = plan->batch;
        if (batch == 0) {
            /* Double the batch until one sample lasts long against the clock's own cost. */
            for (batch = 1; batch < (1L << 20); batch *= 2) {
                double t;
                check_deadline(plan);
                if (time_once(ops[k], ctxs[k], batch, &t, NULL) != 0) {
                    goto out;
                }
                if (t >= (double) plan->min_sample_ns) {
                    break;
                }
            }
        }
        m[k].batch = batch;
    }
    for (long i = 0; i < plan->samples; i++) {
        for (int k = 0; k < n; k++) {
            double t;
            double part;
            check_deadline(plan);
            g_part_used = 0;
            if (time_once(ops[k], ctxs[k], m[k].batch, &t, &part) != 0) {
                goto out;
            }
            m[k].values[i] = t / (double) m[k].batch;
            m[k].parts[i] = part / (double) m[k].batch;
            m[k].has_part |= g_part_used;
        }
    }
    for (int k = 0; k < n; k++) {
        printf("{\"type\":\"samples\",\"name\":");
        probe_print_string(stdout, names[k]);
        printf(",\"unit\":\"ns\",\"ops_per_sample\":%ld,\"cold\":", m[k].batch);
        probe_print_array(stdout, m[k].cold, plan->cold);
        printf(",\"values\":");
        probe_print_array(stdout, m[k].values, plan->samples);
        if (m[k].has_part) {
            printf(",\"part_values\":");
            probe_print_array(stdout, m[k].parts, plan->samples);
        }
        printf(",\"interleaved_with\":%d,\"cpu\":%d%s}\n", n, sched_getcpu(), extras[k] == NULL ? "" : extras[k]);
    }
    fflush(stdout);
    status = 0;
out:
    for (int k = 0; k < n; k++) {
        free(m[k].cold);
        free(m[k].values);
        free(m[k].parts);
    }
    free(m);
    return status;
}

void probe_print_array(FILE *out, const double *values, long n) {
    fputc('[', out);
    for (long i = 0; i < n; i++) {
        fprintf(out, i ? ",%.1f" : "%.1f", values[i]);
    }
    fputc(']', out);
}

void probe_print_string(FILE *out, const char *text) {
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fprintf(out, "\\%c", *p);
        } else if (*p < 0x20) {
            fprintf(out, "\\u%04x", *p);
        } else {
            fputc(*p, out);
        }
    }
    fputc('"', out);
}

/* ---- CPUs ---- */

int probe_allowed_cpus(int *cpus, int max) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return 0;
    }
    int n = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && n < max; cpu++) {
        if (CPU_ISSET(cpu, &set)) {
            cpus[n++] = cpu;
        }
    }
    return n;
}

int probe_pin_self(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

/* "0-3,6": the allowed CPUs with runs written as ranges, so a big machine still gets one short line. */
static void format_cpus(char *out, size_t size, const int *cpus, int n) {
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        int last = i;
        while (last + 1 < n && cpus[last + 1] == cpus[last] + 1) {
            last++;
        }
        size_t used = strlen(out);
        if (last > i) {
            snprintf(out + used, size - used, "%s%d-%d", i ? "," : "", cpus[i], cpus[last]);
        } else {
            snprintf(out + used, size - used, "%s%d", i ? "," : "", cpus[i]);
        }
        i = last;
    }
}

void probe_require_allowed_cpu(const char *key, long cpu) {
    static int allowed[CPU_SETSIZE];
    int n = probe_allowed_cpus(allowed, CPU_SETSIZE);
    for (int i = 0; i < n; i++) {
        if (allowed[i] == cpu) {
            return;
        }
    }
    char list[256];
    format_cpus(list, sizeof list, allowed, n);
    probe_fail("%s = %ld is not a CPU this process may use: allowed %s", key, cpu, list);
}
