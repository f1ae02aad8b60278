/*
 * forklab-probe contain: runs one program (a %%c cell) under caps that hold whatever the user
 * id, and leaves nothing of it behind.
 *
 *   forklab-probe contain max-tasks=N max-memory=BYTES limit-ms=MS report=FILE [parent=PID] [cgroup=auto|none]
 *                         -- PROGRAM ARGS...
 *
 * - Tasks (processes and threads, as the pids cgroup counts them): a pids cgroup of our own
 *   (v2 or v1) where the machine lets us make one; otherwise a watchdog that counts our tree
 *   every 2 ms (with real-time priority where it may, so a fork bomb cannot starve it).
 *   Root ignores RLIMIT_NPROC, so that limit is no cap in a container.
 * - Memory: RLIMIT_AS and RLIMIT_DATA on every process of the program, a memory cgroup where
 *   one can be made, and the watchdog summing the tree's resident memory, so a hog is stopped
 *   by us and never by the machine's OOM killer.
 * - We are a child subreaper: every orphan of the program, setsid daemons included, stays
 *   below us, and when main ends (or the cap, the time limit, SIGTERM or the death of our
 *   parent ends the run) we kill in sweeps until we have no child left, so a process forking
 *   while we kill cannot escape.
 * The program's output streams are ours, untouched; the report is one JSON line in FILE.
 */
#include "probe.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WATCH_NS 2000000L
#define MAX_TREE 65536

enum cg_kind { CG_NONE, CG_V1, CG_V2 };

struct cgroup {
    enum cg_kind kind;
    char dir[1200];
};

static volatile sig_atomic_t g_stop;

static void on_stop(int sig) {
    (void) sig;
    g_stop = 1;
}

/* ---- small file helpers ---- */

static int write_text(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = write(fd, text, strlen(text));
    int saved = errno;
    close(fd);
    errno = saved;
    return n == (ssize_t) strlen(text) ? 0 : -1;
}

static long read_long(const char *path) {
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return -1;
    }
    long v = -1;
    if (fscanf(f, "%ld", &v) != 1) {
        v = -1;
    }
    fclose(f);
    return v;
}

/* The value after `key ` in a "key value" lines file such as pids.events, or -1. */
static long read_keyed(const char *path, const char *key) {
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return -1;
    }
    char name[128];
    long v;
    long found = -1;
    while (fscanf(f, "%127s %ld", name, &v) == 2) {
        if (strcmp(name, key) == 0) {
            found = v;
        }
    }
    fclose(f);
    return found;
}

/* ---- cgroups ---- */

/* Our own cgroup path for a v1 controller ("pids") or v2 (controller NULL). */
static int own_cgroup(const char *controller, char *out, size_t size) {
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (f == NULL) {
        return -1;
    }
    char line[1024];
    int found = -1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *first = strchr(line, ':');
        char *second = first ? strchr(first + 1, ':') : NULL;
        if (second == NULL) {
            continue;
        }
        *second = '\0';
        const char *controllers = first + 1;
        int match;
        if (controller == NULL) {
            match = strncmp(line, "0", 1) == 0 && controllers[0] == '\0';
        } else {
            match = 0;
            char copy[256];
            snprintf(copy, sizeof copy, "%s", controllers);
            for (char *save, *c = strtok_r(copy, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
                match |= strcmp(c, controller) == 0;
            }
        }
        if (match) {
            snprintf(out, size, "%s", second + 1);
            found = 0;
        }
    }
    fclose(f);
    return found;
}

/* Where the hierarchy is mounted: a cgroup2 mount, or a v1 mount whose options name the controller. */
static int mount_point(const char *controller, char *out, size_t size) {
    FILE *f = fopen("/proc/self/mountinfo", "re");
    if (f == NULL) {
        return -1;
    }
    char line[2048];
    int found = -1;
    while (found < 0 && fgets(line, sizeof line, f)) {
        char *dash = strstr(line, " - ");
        if (dash == NULL) {
            continue;
        }
        char mnt[512], fstype[64], source[256], options[1024] = "";
        if (sscanf(line, "%*s %*s %*s %*s %511s", mnt) != 1
                || sscanf(dash + 3, "%63s %255s %1023s", fstype, source, options) < 2) {
            continue;
        }
        if (controller == NULL && strcmp(fstype, "cgroup2") == 0) {
            snprintf(out, size, "%s", mnt);
            found = 0;
        } else if (controller != NULL && strcmp(fstype, "cgroup") == 0) {
            for (char *save, *o = strtok_r(options, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
                if (strcmp(o, controller) == 0) {
                    snprintf(out, size, "%s", mnt);
                    found = 0;
                }
            }
        }
    }
    fclose(f);
    return found;
}

/* Makes <hierarchy><own path>/forklab-c-<pid> and sets one limit file in it; CG_NONE if refused. */
static struct cgroup make_cgroup(const char *controller, const char *v1_file, const char *v2_file, long limit) {
    struct cgroup cg = {CG_NONE, ""};
    char mnt[512], own[512], parent[1100];
    for (int attempt = 0; attempt < 2; attempt++) {
        /* v1 first: where both hierarchies are mounted, a controller bound to v1 is absent from v2. */
        const char *ctl = attempt == 0 ? controller : NULL;
        const char *limit_file = attempt == 0 ? v1_file : v2_file;
        if (mount_point(ctl, mnt, sizeof mnt) != 0 || own_cgroup(ctl, own, sizeof own) != 0) {
            continue;
        }
        snprintf(parent, sizeof parent, "%s%s", mnt, strcmp(own, "/") == 0 ? "" : own);
        snprintf(cg.dir, sizeof cg.dir, "%s/forklab-c-%ld", parent, (long) getpid());
        if (mkdir(cg.dir, 0755) != 0 && errno != EEXIST) {
            continue;
        }
        char path[1300], value[32];
        snprintf(path, sizeof path, "%s/%s", cg.dir, limit_file);
        if (access(path, F_OK) != 0 && ctl == NULL) {
            /* v2: the controller must be enabled for the children of our cgroup first. */
            char subtree[1200], plus[64];
            snprintf(subtree, sizeof subtree, "%s/cgroup.subtree_control", parent);
            snprintf(plus, sizeof plus, "+%s", controller);
            write_text(subtree, plus);
        }
        snprintf(value, sizeof value, "%ld", limit);
        if (write_text(path, value) == 0) {
            cg.kind = ctl == NULL ? CG_V2 : CG_V1;
            return cg;
        }
        rmdir(cg.dir);
    }
    cg.kind = CG_NONE;
    cg.dir[0] = '\0';
    return cg;
}

static void join_cgroup(const struct cgroup *cg) {
    if (cg->kind == CG_NONE) {
        return;
    }
    char path[1300];
    snprintf(path, sizeof path, "%s/cgroup.procs", cg->dir);
    if (write_text(path, "0") != 0) {
        /* Caps we promised would not hold: better not to run at all. */
        fprintf(stderr, "forklab-probe contain: could not join %s: %s\n", cg->dir, strerror(errno));
        _exit(126);
    }
}

static const char *cg_name(const struct cgroup *cg, const char *fallback) {
    return cg->kind == CG_V2 ? "cgroup-v2" : cg->kind == CG_V1 ? "cgroup-v1" : fallback;
}

/* ---- our tree, read from /proc/<pid>/task/<tid>/children ---- */

struct tree {
    pid_t pids[MAX_TREE];
    int count;
    long tasks;       /* processes plus their threads */
    long rss_bytes;   /* resident memory summed over the processes */
    long vm_max;      /* the largest address space of one process */
};

static long count_tasks(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/task", (long) pid);
    DIR *d = opendir(path);
    if (d == NULL) {
        return 0;
    }
    long n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        n += e->d_name[0] != '.';
    }
    closedir(d);
    return n;
}

/* Resident memory of one process, in bytes; its address space size in *vm (what RLIMIT_AS caps). */
static long rss_of(pid_t pid, long *vm) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/statm", (long) pid);
    FILE *f = fopen(path, "re");
    *vm = 0;
    if (f == NULL) {
        return 0;
    }
    long size = 0, resident = 0;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) {
        size = resident = 0;
    }
    fclose(f);
    *vm = size * sysconf(_SC_PAGESIZE);
    return resident * sysconf(_SC_PAGESIZE);
}

/* Appends the children of every thread of `pid`. */
static void add_children(struct tree *t, pid_t pid) {
    char path[300];
    snprintf(path, sizeof path, "/proc/%ld/task", (long) pid);
    DIR *d = opendir(path);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof path, "/proc/%ld/task/%s/children", (long) pid, e->d_name);
        FILE *f = fopen(path, "re");
        if (f == NULL) {
            continue;
        }
        long child;
        while (t->count < MAX_TREE && fscanf(f, "%ld", &child) == 1) {
            t->pids[t->count++] = (pid_t) child;
        }
        fclose(f);
    }
    closedir(d);
}

/* Every descendant of this process, breadth first; with measure, their tasks and memory too. */
static void read_tree(struct tree *t, int measure) {
    t->count = 0;
    t->tasks = 0;
    t->rss_bytes = 0;
    t->vm_max = 0;
    add_children(t, getpid());
    for (int i = 0; i < t->count; i++) {
        add_children(t, t->pids[i]);
        if (measure) {
            t->tasks += count_tasks(t->pids[i]);
            long vm;
            t->rss_bytes += rss_of(t->pids[i], &vm);
            t->vm_max = vm > t->vm_max ? vm : t->vm_max;
        }
    }
}

/* ---- the run ---- */

struct outcome {
    int main_done;
    int main_status;
    long leftovers;   /* processes still there when the run ended, all killed */
};

static void reap(pid_t main_pid, struct outcome *o) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG | __WALL)) > 0) {
        if (pid == main_pid) {
            o->main_done = 1;
            o->main_status = status;
        }
    }
}

/*
 * Kills everything below us in sweeps until we have no child left: what forks between one
 * sweep's listing and its kill is in the next sweep's list (orphans come back to us, the
 * subreaper), and the caps bound how many such sweeps there can be.
 */
static void kill_all(const struct cgroup *pids_cg, pid_t main_pid, struct outcome *o) {
    static struct tree t;
    if (pids_cg->kind == CG_V2) {
        char path[1300];
        snprintf(path, sizeof path, "%s/cgroup.kill", pids_cg->dir);
        write_text(path, "1");
    }
    /*
     * The program's process group first: a group kill reaches every member at once, and a fork
     * racing with it is restarted by the kernel and dies too, so a fork bomb ends in one call.
     * Then sweeps for what left the group (setsid daemons).
     */
    kill(-main_pid, SIGKILL);
    int first = 1;
    for (;;) {
        read_tree(&t, 0);
        for (int i = 0; i < t.count; i++) {
            if (first && t.pids[i] != main_pid) {
                o->leftovers++;
            }
            kill(t.pids[i], SIGKILL);
        }
        first = 0;
        reap(main_pid, o);
        if (t.count == 0 && waitpid(-1, NULL, WNOHANG | __WALL) < 0 && errno == ECHILD) {
            return;
        }
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
    }
}

static void remove_cgroup(const struct cgroup *cg) {
    if (cg->kind == CG_NONE) {
        return;
    }
    /* The last killed task may leave the cgroup a moment after it was reaped. */
    for (int i = 0; i < 200 && rmdir(cg->dir) != 0 && errno == EBUSY; i++) {
        struct timespec pause = {0, 5000000};
        nanosleep(&pause, NULL);
    }
}

static void set_memory_rlimits(long bytes) {
    struct rlimit lim = {(rlim_t) bytes, (rlim_t) bytes};
    setrlimit(RLIMIT_AS, &lim);
    setrlimit(RLIMIT_DATA, &lim);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
}

/*
 * A fork bomb makes thousands of runnable processes, and a fair scheduler would give the
 * watchdog one share among them: it could not keep up. Real-time priority (root) or the
 * highest nice value we may take keeps it ahead; set after the fork, so the program keeps
 * the ordinary policy, and reset on fork in any case.
 */
static void watchdog_priority(void) {
    struct sched_param param = {.sched_priority = 1};
    if (sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, &param) != 0) {
        setpriority(PRIO_PROCESS, 0, -20);
    }
}

/* Tasks on the whole machine, the fourth field of /proc/loadavg ("running/total"): one cheap read. */
static long machine_tasks(void) {
    FILE *f = fopen("/proc/loadavg", "re");
    if (f == NULL) {
        return -1;
    }
    long running, total = -1;
    if (fscanf(f, "%*s %*s %*s %ld/%ld", &running, &total) != 2) {
        total = -1;
    }
    fclose(f);
    return total;
}

int cmd_contain(int argc, char **argv) {
    int split = 0;
    while (split < argc && strcmp(argv[split], "--") != 0) {
        split++;
    }
    if (split >= argc - 1) {
        probe_fail("contain needs '-- PROGRAM [ARGS...]' after its options");
    }
    struct probe_args args;
    probe_args_parse(&args, split, argv);
    long max_tasks = probe_arg_long(&args, "max-tasks", 1000, 2, 4194304);
    long max_memory = probe_arg_long(&args, "max-memory", 1L << 30, 16L << 20, (long) (((unsigned long) -1) >> 1));
    long limit_ms = probe_arg_long(&args, "limit-ms", 10000, 1, 86400000);
    long parent = probe_arg_long(&args, "parent", 0, 0, 4194304);
    const char *report_path = probe_arg_str(&args, "report", NULL);
    static const char *const CGROUP_CHOICES[] = {"auto", "none", NULL};
    /* none: the watchdog and rlimits alone, as on a machine that refuses us a cgroup (tests use it). */
    int use_cgroups = strcmp(probe_arg_choice(&args, "cgroup", "auto", CGROUP_CHOICES), "auto") == 0;
    probe_args_done(&args);
    if (report_path == NULL) {
        probe_fail("contain needs report=FILE");
    }
    char **program = argv + split + 1;

    /* SIGTERM (the Java side stopping the run) and the death of our parent end the run politely: we kill the tree. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (parent != 0 && getppid() != (pid_t) parent) {
        probe_fail("contain: the parent %ld is gone already", parent);
    }

    struct cgroup none = {CG_NONE, ""};
    struct cgroup pids_cg = use_cgroups ? make_cgroup("pids", "pids.max", "pids.max", max_tasks) : none;
    struct cgroup mem_cg = use_cgroups ? make_cgroup("memory", "memory.limit_in_bytes", "memory.max", max_memory) : none;

    int exec_pipe[2];
    if (pipe2(exec_pipe, O_CLOEXEC) != 0) {
        probe_fail("contain: pipe failed: %s", strerror(errno));
    }
    pid_t self = getpid();
    uint64_t start = probe_now_ns();
    pid_t main_pid = fork();
    if (main_pid < 0) {
        probe_fail("contain: fork failed: %s", strerror(errno));
    }
    if (main_pid == 0) {
        close(exec_pipe[0]);
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != self) {
            _exit(1);
        }
        setpgid(0, 0);
        join_cgroup(&pids_cg);
        join_cgroup(&mem_cg);
        set_memory_rlimits(max_memory);
        execv(program[0], program);
        int e = errno;
        if (write(exec_pipe[1], &e, sizeof e) < 0) {
            /* nothing more we can say */
        }
        _exit(127);
    }
    setpgid(main_pid, main_pid); /* both sides, so the group exists whichever runs first */
    close(exec_pipe[1]);
    watchdog_priority();
    int exec_errno = 0;
    if (read(exec_pipe[0], &exec_errno, sizeof exec_errno) != (ssize_t) sizeof exec_errno) {
        exec_errno = 0;
    }
    close(exec_pipe[0]);

    struct outcome o = {0, 0, 0};
    static struct tree t;
    const char *end = "exit";
    long peak_tasks = 0, peak_memory = 0, peak_vm = 0;
    uint64_t deadline = start + (uint64_t) limit_ms * 1000000u;
    char path[1300];
    /*
     * Without a pids cgroup, counting our tree each tick would cost too much for a big tree, so
     * the machine's task total is the trigger: when it grew by more than our cap since the last
     * exact count, the program's group is stopped (SIGSTOP: nothing forks while we count), our
     * tree counted exactly, and the group killed or continued.
     */
    long baseline = machine_tasks();
    long tick = 0;
    while (!exec_errno) {
        reap(main_pid, &o);
        if (o.main_done) {
            break;
        }
        if (g_stop) {
            end = "stopped";
            break;
        }
        if (parent != 0 && getppid() != (pid_t) parent) {
            end = "parent";
            break;
        }
        if (probe_now_ns() >= deadline) {
            end = "time";
            break;
        }
        long tasks = -1, refused = 0;
        if (pids_cg.kind != CG_NONE) {
            snprintf(path, sizeof path, "%s/pids.current", pids_cg.dir);
            tasks = read_long(path);
            snprintf(path, sizeof path, "%s/pids.events", pids_cg.dir);
            refused = read_keyed(path, "max") > 0;
        } else {
            long total = machine_tasks();
            if (total >= 0 && baseline >= 0 && total - baseline > max_tasks) {
                kill(-main_pid, SIGSTOP);
                read_tree(&t, 1);
                tasks = t.tasks;
                baseline = total - tasks;
                if (tasks <= max_tasks) {
                    kill(-main_pid, SIGCONT);
                }
            }
        }
        if (mem_cg.kind != CG_NONE) {
            snprintf(path, sizeof path, "%s/%s", mem_cg.dir, mem_cg.kind == CG_V2 ? "memory.events" : "memory.oom_control");
            if (read_keyed(path, "oom_kill") > 0) {
                end = "memory";
                break;
            }
        }
        long main_vm;
        rss_of(main_pid, &main_vm);
        peak_vm = main_vm > peak_vm ? main_vm : peak_vm;
        if (tick++ % 10 == 0) {
            /* Every 20 ms: the tree's resident memory (and, without a cgroup, its exact task count). */
            read_tree(&t, 1);
            peak_memory = t.rss_bytes > peak_memory ? t.rss_bytes : peak_memory;
            peak_vm = t.vm_max > peak_vm ? t.vm_max : peak_vm;
            if (pids_cg.kind == CG_NONE) {
                tasks = t.tasks > tasks ? t.tasks : tasks;
            }
            if (t.rss_bytes > max_memory) {
                end = "memory";
                break;
            }
        }
        peak_tasks = tasks > peak_tasks ? tasks : peak_tasks;
        if (refused || tasks > max_tasks) {
            end = "tasks";
            break;
        }
        struct timespec pause = {0, WATCH_NS};
        nanosleep(&pause, NULL);
    }
    kill_all(&pids_cg, main_pid, &o);
    double seconds = (double) (probe_now_ns() - start) / 1e9;
    remove_cgroup(&pids_cg);
    remove_cgroup(&mem_cg);

    FILE *report = fopen(report_path, "we");
    if (report != NULL) {
        fprintf(report, "{\"type\":\"contain\",\"end\":\"%s\",\"tasks_cap\":\"%s\",\"memory_cap\":\"%s\","
                        "\"max_tasks\":%ld,\"max_memory\":%ld,\"peak_tasks\":%ld,\"peak_memory\":%ld,\"peak_vm\":%ld,"
                        "\"leftovers\":%ld,\"seconds\":%.3f,\"exec_errno\":%d",
                exec_errno ? "exec" : end, cg_name(&pids_cg, "watchdog"), cg_name(&mem_cg, "rlimit+watchdog"),
                max_tasks, max_memory, peak_tasks, peak_memory, peak_vm, o.leftovers, seconds, exec_errno);
        if (exec_errno) {
            fprintf(report, ",\"exec_error\":");
            probe_print_string(report, strerror(exec_errno));
        }
        if (o.main_done && WIFEXITED(o.main_status)) {
            fprintf(report, ",\"status\":%d", WEXITSTATUS(o.main_status));
        } else if (o.main_done && WIFSIGNALED(o.main_status)) {
            fprintf(report, ",\"signal\":%d", WTERMSIG(o.main_status));
        }
        fprintf(report, "}\n");
        fclose(report);
    }
    if (o.main_done && WIFEXITED(o.main_status)) {
        return WEXITSTATUS(o.main_status);
    }
    return o.main_done && WIFSIGNALED(o.main_status) ? 128 + WTERMSIG(o.main_status) : 125;
}
