/*
 * spawn: what it costs to create a process or a thread, natively.
 *
 *   forklab-probe spawn ops=fork,fork-call,vfork,fork-exec,vfork-exec,posix-spawn,pthread
 *                       [touch=BYTES pages=small|huge exec=/bin/true cpu=N] [plan keys]
 *
 * Each op is measured whole: creation, the child's exit and its reaping (waitpid or
 * pthread_join), because a creation that is never waited for leaks; fork-call alone times
 * only the parent's fork() call (what "fork takes N µs" usually means), leaving out the
 * child's exit, which tears down the copied page tables, and the reaping. With touch=BYTES the
 * probe first writes every page of an anonymous region of that size, so fork has that much
 * resident memory (and its page tables) to copy; pages=huge asks for transparent huge pages
 * on the region (madvise MADV_HUGEPAGE) and pages=small refuses them (MADV_NOHUGEPAGE), and
 * the line reports how much of the process really sat on huge pages.
 *
 * With cpu=N the probe pins itself to CPU N before it touches memory or measures anything, and
 * every thread and child it creates inherits that affinity. Unpinned, the new thread or child
 * may land on an idle second CPU or wait for this one, and on a small VM that makes the figure
 * bimodal from one run to the next (pthread 27-56 us unpinned against a steady 19 us pinned on
 * a 2-vCPU VM): pinning measures the mechanism, not the scheduler's choice. Each samples line
 * says whether it was pinned and on which CPU the measuring thread ended.
 */
#include "probe.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define HUGE_PAGE_BYTES (2L << 20)

struct spawn_ctx {
    const char *exec_path;
    pid_t probe_pid;
};

static int reap(pid_t pid, const char *what, int must_succeed) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "forklab-probe: waitpid after %s failed: %s\n", what, strerror(errno));
            return -1;
        }
    }
    if (must_succeed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        fprintf(stderr, "forklab-probe: the child of %s did not exit 0 (status 0x%x); is the program runnable?\n",
                what, status);
        return -1;
    }
    return 0;
}

static int created(pid_t pid, const char *what) {
    if (pid < 0) {
        fprintf(stderr, "forklab-probe: %s failed: %s\n", what, strerror(errno));
        return -1;
    }
    return 0;
}

/* fork+_exit+waitpid; the fork() call's own time, in the same forks, is reported as its part. */
static int op_fork(void *vctx, long times) {
    (void) vctx;
    for (long i = 0; i < times; i++) {
        uint64_t before = probe_now_ns();
        pid_t pid = fork();
        if (pid == 0) {
            _exit(0);
        }
        probe_part(probe_now_ns() - before);
        if (created(pid, "fork") != 0 || reap(pid, "fork", 1) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Only the parent's fork() call: the child's exit and the reaping are left out of the time. */
static int op_fork_call(void *vctx, long times) {
    (void) vctx;
    for (long i = 0; i < times; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            _exit(0);
        }
        uint64_t returned = probe_now_ns();
        int failed = created(pid, "fork") != 0 || reap(pid, "fork", 1) != 0;
        probe_exclude(probe_now_ns() - returned);
        if (failed) {
            return -1;
        }
    }
    return 0;
}

static int op_vfork(void *vctx, long times) {
    (void) vctx;
    for (volatile long i = 0; i < times; i++) { /* volatile: vfork's child runs on this frame */
        pid_t pid = vfork();
        if (pid == 0) {
            _exit(0);
        }
        if (created(pid, "vfork") != 0 || reap(pid, "vfork", 1) != 0) {
            return -1;
        }
    }
    return 0;
}

static int op_fork_exec(void *vctx, long times) {
    struct spawn_ctx *ctx = vctx;
    char *const argv[] = {(char *) ctx->exec_path, NULL};
    for (long i = 0; i < times; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            probe_child_setup(ctx->probe_pid);
            execv(ctx->exec_path, argv);
            _exit(127);
        }
        if (created(pid, "fork") != 0 || reap(pid, "fork+exec", 1) != 0) {
            return -1;
        }
    }
    return 0;
}

static int op_vfork_exec(void *vctx, long times) {
    struct spawn_ctx *ctx = vctx;
    char *const argv[] = {(char *) ctx->exec_path, NULL};
    for (volatile long i = 0; i < times; i++) {
        pid_t pid = vfork();
        if (pid == 0) {
            execv(ctx->exec_path, argv);
            _exit(127);
        }
        if (created(pid, "vfork") != 0 || reap(pid, "vfork+exec", 1) != 0) {
            return -1;
        }
    }
    return 0;
}

static int op_posix_spawn(void *vctx, long times) {
    struct spawn_ctx *ctx = vctx;
    char *const argv[] = {(char *) ctx->exec_path, NULL};
    for (long i = 0; i < times; i++) {
        pid_t pid;
        int err = posix_spawn(&pid, ctx->exec_path, NULL, NULL, argv, environ);
        if (err != 0) {
            fprintf(stderr, "forklab-probe: posix_spawn of %s failed: %s\n", ctx->exec_path, strerror(err));
            return -1;
        }
        if (reap(pid, "posix_spawn", 1) != 0) {
            return -1;
        }
    }
    return 0;
}

static void *nothing(void *arg) {
    return arg;
}

static int op_pthread(void *vctx, long times) {
    (void) vctx;
    for (long i = 0; i < times; i++) {
        pthread_t thread;
        int err = pthread_create(&thread, NULL, nothing, NULL);
        if (err != 0) {
            fprintf(stderr, "forklab-probe: pthread_create failed: %s\n", strerror(err));
            return -1;
        }
        pthread_join(thread, NULL);
    }
    return 0;
}

static const struct {
    const char *name;
    probe_op run;
} OPS[] = {
    {"fork", op_fork},
    {"fork-call", op_fork_call},
    {"vfork", op_vfork},
    {"fork-exec", op_fork_exec},
    {"vfork-exec", op_vfork_exec},
    {"posix-spawn", op_posix_spawn},
    {"pthread", op_pthread},
};
#define OP_COUNT ((int) (sizeof OPS / sizeof OPS[0]))

static probe_op find_op(const char *name) {
    for (int i = 0; i < OP_COUNT; i++) {
        if (strcmp(OPS[i].name, name) == 0) {
            return OPS[i].run;
        }
    }
    probe_fail("op '%s' is not known: accepted fork, fork-call, vfork, fork-exec, vfork-exec, posix-spawn, pthread", name);
}

/* AnonHugePages of the whole probe, in bytes, from /proc/self/smaps_rollup (-1 if unknown). */
static long anon_huge_bytes(void) {
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (f == NULL) {
        return -1;
    }
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (sscanf(line, "AnonHugePages: %ld kB", &kb) == 1) {
            break;
        }
    }
    fclose(f);
    return kb < 0 ? -1 : kb * 1024;
}

/* Maps and writes every page of a region of `bytes`, aligned to 2 MB so huge pages can fit. */
static void touch_region(long bytes, int huge) {
    if (bytes == 0) {
        return;
    }
    size_t length = (size_t) bytes + HUGE_PAGE_BYTES;
    char *raw = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        probe_fail("could not map %ld bytes to touch: %s", bytes, strerror(errno));
    }
    char *region = (char *) (((uintptr_t) raw + HUGE_PAGE_BYTES - 1) & ~(uintptr_t) (HUGE_PAGE_BYTES - 1));
    if (madvise(region, (size_t) bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE) != 0) {
        probe_fail("transparent huge pages are not available here: madvise(%s) failed: %s",
                   huge ? "MADV_HUGEPAGE" : "MADV_NOHUGEPAGE", strerror(errno));
    }
    long page = sysconf(_SC_PAGESIZE);
    for (long offset = 0; offset < bytes; offset += page) {
        region[offset] = (char) offset;
    }
}

int cmd_spawn(int argc, char **argv) {
    static const char *const PAGES[] = {"small", "huge", NULL};
    struct probe_args args;
    struct probe_plan plan = {.cold = 3, .warmup = 20, .samples = 30, .batch = 0,
                              .min_sample_ns = 20000, .limit_ms = 60000};
    probe_args_parse(&args, argc, argv);
    char *ops = strdup(probe_arg_str(&args, "ops", "fork"));
    long touch = probe_arg_long(&args, "touch", 0, 0, 1L << 40);
    const char *pages = probe_arg_choice(&args, "pages", "small", PAGES);
    long cpu = probe_arg_long(&args, "cpu", -1, 0, CPU_SETSIZE - 1); /* -1: absent, not pinned */
    struct spawn_ctx ctx = {.exec_path = probe_arg_str(&args, "exec", "/bin/true"), .probe_pid = getpid()};
    probe_plan_args(&args, &plan);
    probe_args_done(&args);
    /* The path goes into the JSON line as it is, so keep it to plain path characters. */
    if (ctx.exec_path[0] != '/' || strspn(ctx.exec_path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-")
                                       != strlen(ctx.exec_path)) {
        probe_fail("exec = '%s' must be an absolute path of letters, digits and / . _ + -", ctx.exec_path);
    }
    if (access(ctx.exec_path, X_OK) != 0) {
        probe_fail("exec = '%s' is not an executable file", ctx.exec_path);
    }
    /* Check every op name before anything is measured. */
    char *check = strdup(ops);
    for (char *save, *name = strtok_r(check, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        find_op(name);
    }
    free(check);
    if (cpu >= 0) {
        probe_require_allowed_cpu("cpu", cpu);
        if (probe_pin_self((int) cpu) != 0) {
            probe_fail("could not pin to CPU %ld: %s", cpu, strerror(errno));
        }
    }

    touch_region(touch, strcmp(pages, "huge") == 0);
    long huge_bytes = anon_huge_bytes();
    /* All ops in one set, their samples interleaved in rounds. */
    enum { MAX_OPS = 16 };
    const char *names[MAX_OPS];
    probe_op fns[MAX_OPS];
    void *ctxs[MAX_OPS];
    char extra_text[MAX_OPS][512];
    const char *extras[MAX_OPS];
    int n = 0;
    for (char *save, *name = strtok_r(ops, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        if (n == MAX_OPS) {
            probe_fail("at most %d ops per run", MAX_OPS);
        }
        snprintf(extra_text[n], sizeof extra_text[n],
                 ",\"op\":\"%s\",\"touch_bytes\":%ld,\"pages\":\"%s\",\"anon_huge_bytes\":%ld,\"exec\":\"%s\",\"pinned\":%s",
                 name, touch, pages, huge_bytes, strstr(name, "exec") || strstr(name, "spawn") ? ctx.exec_path : "",
                 cpu >= 0 ? "true" : "false");
        names[n] = name;
        fns[n] = find_op(name);
        ctxs[n] = &ctx;
        extras[n] = extra_text[n];
        n++;
    }
    if (probe_measure_rounds(n, names, &plan, fns, ctxs, extras) != 0) {
        probe_fail("%s could not be measured (see the line above)", n == 1 ? names[0] : "one of the ops");
    }
    free(ops);
    return 0;
}
