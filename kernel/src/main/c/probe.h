/*
 * forklab-probe: the native side of forklab's experiments.
 *
 * One program, many subcommands ("forklab-probe spawn op=fork samples=50"). Each area keeps
 * its commands in its own file (probe_spawn.c, probe_pingpong.c, probe_share.c, ...) and adds
 * one line to the table in probe.c plus its declaration below.
 *
 * Conventions every command follows:
 *  - arguments are key=value words (never a shell); unknown keys are refused;
 *  - results go to stdout as one JSON object per line, each with a "type" field;
 *  - a usage error is one line on stderr and exit status 2 (probe_fail);
 *  - every child forked calls probe_child_setup() first (unless it _exits or execs at once),
 *    so that nothing outlives the probe, and the probe reaps every child before it exits.
 */
#ifndef FORKLAB_PROBE_H
#define FORKLAB_PROBE_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Bumped when the output format or a command's meaning changes. */
#define PROBE_VERSION 2

/* ---- commands: one line per command, grouped by file ---- */
int cmd_version(int argc, char **argv);   /* probe.c */
int cmd_spawn(int argc, char **argv);     /* probe_spawn.c: fork, vfork, fork+exec, posix_spawn, pthread */
int cmd_pingpong(int argc, char **argv);  /* probe_pingpong.c: one-byte round trips, pinned or not */
int cmd_handoff(int argc, char **argv);   /* probe_handoff.c: a message handed over through memory, spin or futex */
int cmd_race(int argc, char **argv);      /* probe_race.c: the shared-counter race, plain/volatile/fork */
int cmd_fault(int argc, char **argv);     /* probe_fault.c: segfault, abort, stack overflow in threads/processes */
int cmd_share(int argc, char **argv);     /* probe_share.c: PIDs/TIDs, stacks, globals, fds, handlers: threads vs fork */
int cmd_contain(int argc, char **argv);  /* probe_contain.c: run a %%c program under task and memory caps, leave nothing */
int cmd_idle(int argc, char **argv);      /* probe_idle.c: hold N forked idle children for the scale experiment */
int cmd_stacks(int argc, char **argv);    /* probe_stacks.c: native thread stacks' size and Rss from smaps */

/* ---- key=value arguments ---- */
struct probe_args {
    int count;
    char **keys;
    char **values;
    int *used;
};

/* Splits argv words of the form key=value; refuses any other word. */
void probe_args_parse(struct probe_args *args, int argc, char **argv);
/* A whole number within [min, max], or def when the key is absent. */
long probe_arg_long(struct probe_args *args, const char *key, long def, long min, long max);
/* A word, or def when absent. */
const char *probe_arg_str(struct probe_args *args, const char *key, const char *def);
/* One of the NULL-terminated choices, or def when absent. */
const char *probe_arg_choice(struct probe_args *args, const char *key, const char *def, const char *const *choices);
/* Refuses any key no command read (a misspelt option must not be silently ignored). */
void probe_args_done(struct probe_args *args);

/* ---- failure ---- */
/* One line on stderr, every child killed and reaped, exit status 2. */
void probe_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Kills and reaps every child of this process (read from /proc/self/task/.../children). */
void probe_kill_children(void);

/* ---- children ---- */
/* In a freshly forked child: die with the probe (PR_SET_PDEATHSIG SIGKILL). */
void probe_child_setup(pid_t probe_pid);

/* ---- time and sampling (the same discipline as the Java Sampler) ---- */
uint64_t probe_now_ns(void);

struct probe_plan {
    long cold;          /* first operations timed one by one, reported apart */
    long warmup;        /* operations run and discarded before sampling */
    long samples;       /* warm samples kept */
    long batch;         /* operations per sample; 0 = choose so a sample lasts >= min_sample_ns */
    long min_sample_ns; /* shortest sample when the batch is chosen */
    long limit_ms;      /* the whole command stops with an error past this */
};

/* Reads cold=, warmup=, samples=, batch=, min-sample-ns=, limit-ms= with the given defaults. */
void probe_plan_args(struct probe_args *args, struct probe_plan *plan);

/* Runs the operation `times` times; returns 0, or -1 after printing why on stderr. */
typedef int (*probe_op)(void *ctx, long times);

/*
 * Measures op under plan and prints one line:
 * {"type":"samples","name":...,"unit":"ns","ops_per_sample":B,"cold":[...],"values":[...],"cpu":C<extra>}
 * where cpu is the CPU the measuring thread was on when its last sample ended (sched_getcpu);
 * extra is either "" or a string of further fields starting with a comma.
 * Returns 0, or -1 if op failed (nothing printed).
 */
int probe_measure(const char *name, const struct probe_plan *plan, probe_op op, void *ctx, const char *extra);

/*
 * Measures n ops under one plan with their samples interleaved in rounds (op 0, op 1, ...,
 * op 0, op 1, ...) after each op's own cold operations, warm-up and batch choice; prints one
 * samples line per op as probe_measure does, plus "interleaved_with":n, and "part_values" for
 * an op that reported a part of its time with probe_part.
 */
int probe_measure_rounds(int n, const char *const *names, const struct probe_plan *plan, const probe_op *ops,
                         void *const *ctxs, const char *const *extras);

/*
 * Called from inside an op: `ns` of the current timing was one part of the operation (e.g. the
 * fork() call within fork+_exit+waitpid); the samples line reports that part per operation as
 * "part_values", measured in the same operations as the whole, so the part cannot exceed it.
 */
void probe_part(uint64_t ns);

/*
 * Called from inside an op: leave `ns` out of the current timing (e.g. the reaping after a
 * fork whose call alone is being measured). Costs two clock reads, ~50 ns.
 */
void probe_exclude(uint64_t ns);

/* Prints a JSON array of numbers (one decimal) to out. */
void probe_print_array(FILE *out, const double *values, long n);
/* Prints a JSON string literal. */
void probe_print_string(FILE *out, const char *text);

/* ---- CPUs ---- */
/* The CPUs this process may run on, in order; returns how many were written (at most max). */
int probe_allowed_cpus(int *cpus, int max);
/* Pins the calling thread to one CPU; returns 0 or -1 (errno set). */
int probe_pin_self(int cpu);
/* Fails with one line naming the allowed CPUs unless `cpu` (given as key=cpu) is one of them. */
void probe_require_allowed_cpu(const char *key, long cpu);

#endif
