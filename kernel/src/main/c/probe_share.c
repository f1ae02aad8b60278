/*
 * share: what threads share and processes own, seen from C.
 *
 *   forklab-probe share workers=W
 *
 * W pthreads, all alive at once, each report their PID, TID and the address of a local (their
 * own stack). Worker 0 opens a file and writes the global; another worker writes through that
 * descriptor and installs a signal handler, and the main thread sees both. Then fork: the
 * child writes the global at the same virtual address as the parent, opens a descriptor of its
 * own and installs a handler of its own; the parent's copy of each stays as it was.
 *
 * Lines (addresses as "0x..." strings):
 *  {"type":"thread","worker":I,"pid":P,"tid":T,"stack_local":A}
 *  {"type":"global","side":"threads","address":A,"before":0,"after":42}
 *  {"type":"heap","address":A,"increments":W,"value_in_main":W}
 *  {"type":"fd","side":"threads","fd":N,"opened_by_tid":T,"written_by_tid":U,"bytes":K}
 *  {"type":"signal","side":"threads","installed_by_tid":T,"seen_by_main":true}
 *  {"type":"fork","side":"child"|"parent","pid":P,"address":A,"value":V}
 *  {"type":"fd","side":"fork","fd":N,"open_in_child":true,"open_in_parent":false}
 *  {"type":"signal","side":"fork","installed_in_child":true,"seen_by_parent":false}
 */
#include "probe.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_SHARE_WORKERS 64

static long g_global;
static long *g_heap;
static pthread_mutex_t g_heap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t g_opened, g_done;
static int g_fd = -1;
static long g_opened_by, g_written_by;
static ssize_t g_bytes;
static long g_handler_by;
static long g_workers;

static void on_signal(int sig) {
    (void) sig;
}

static long my_tid(void) {
    return (long) syscall(SYS_gettid);
}

static void *share_thread(void *arg) {
    long worker = (long) arg;
    volatile int local = (int) worker; /* lives on this thread's own stack */
    long tid = my_tid();
    pthread_mutex_lock(&g_heap_lock);
    (*g_heap)++;
    printf("{\"type\":\"thread\",\"worker\":%ld,\"pid\":%ld,\"tid\":%ld,\"stack_local\":\"%p\"}\n",
           worker, (long) getpid(), tid, (void *) &local);
    pthread_mutex_unlock(&g_heap_lock);
    if (worker == 0) {
        char path[] = "/tmp/forklab-share-XXXXXX";
        g_fd = mkstemp(path);
        if (g_fd >= 0) {
            unlink(path); /* the descriptor keeps the file; nothing is left behind */
        }
        g_opened_by = tid;
        g_global = 42;
    }
    pthread_barrier_wait(&g_opened);
    if (worker == (g_workers > 1 ? 1 : 0)) {
        const char text[] = "written through a descriptor another thread opened\n";
        g_bytes = g_fd >= 0 ? write(g_fd, text, sizeof text - 1) : -1;
        g_written_by = tid;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGUSR1, &sa, NULL);
        g_handler_by = tid;
    }
    /* nobody leaves before all have reported: live threads never share a TID */
    pthread_barrier_wait(&g_done);
    return NULL;
}

static void threads_part(long workers) {
    pthread_t threads[MAX_SHARE_WORKERS];
    g_workers = workers;
    g_heap = calloc(1, sizeof *g_heap);
    if (g_heap == NULL) {
        probe_fail("out of memory");
    }
    pthread_barrier_init(&g_opened, NULL, (unsigned) workers);
    pthread_barrier_init(&g_done, NULL, (unsigned) workers);
    printf("{\"type\":\"global\",\"side\":\"before\",\"address\":\"%p\",\"value\":%ld}\n", (void *) &g_global, g_global);
    for (long i = 0; i < workers; i++) {
        int err = pthread_create(&threads[i], NULL, share_thread, (void *) i);
        if (err != 0) {
            probe_fail("pthread_create failed for worker %ld: %s", i, strerror(err));
        }
    }
    for (long i = 0; i < workers; i++) {
        pthread_join(threads[i], NULL);
    }
    printf("{\"type\":\"global\",\"side\":\"threads\",\"address\":\"%p\",\"before\":0,\"after\":%ld}\n",
           (void *) &g_global, g_global);
    printf("{\"type\":\"heap\",\"address\":\"%p\",\"increments\":%ld,\"value_in_main\":%ld}\n",
           (void *) g_heap, workers, *g_heap);
    printf("{\"type\":\"fd\",\"side\":\"threads\",\"fd\":%d,\"opened_by_tid\":%ld,\"written_by_tid\":%ld,\"bytes\":%ld}\n",
           g_fd, g_opened_by, g_written_by, (long) g_bytes);
    struct sigaction seen;
    sigaction(SIGUSR1, NULL, &seen);
    printf("{\"type\":\"signal\",\"side\":\"threads\",\"installed_by_tid\":%ld,\"seen_by_main\":%s}\n",
           g_handler_by, seen.sa_handler == on_signal ? "true" : "false");
    signal(SIGUSR1, SIG_DFL);
    if (g_fd >= 0) {
        close(g_fd);
    }
    free(g_heap);
    pthread_barrier_destroy(&g_opened);
    pthread_barrier_destroy(&g_done);
}

static void fork_part(void) {
    int report[2], release[2];
    if (pipe(report) != 0 || pipe(release) != 0) {
        probe_fail("pipe failed: %s", strerror(errno));
    }
    g_global = 1;
    pid_t probe_pid = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        probe_fail("fork failed: %s", strerror(errno));
    }
    if (pid == 0) {
        probe_child_setup(probe_pid);
        g_global = 2; /* its own copy, at the very same virtual address */
        printf("{\"type\":\"fork\",\"side\":\"child\",\"pid\":%ld,\"address\":\"%p\",\"value\":%ld}\n",
               (long) getpid(), (void *) &g_global, g_global);
        fflush(stdout);
        int fd = open("/dev/null", O_WRONLY);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGUSR2, &sa, NULL);
        ssize_t ok = write(report[1], &fd, sizeof fd);
        char byte;
        ok += read(release[0], &byte, 1); /* stay alive, descriptor open, until the parent looked */
        _exit(ok > 0 ? 0 : 1);
    }
    close(report[1]);
    close(release[0]);
    int child_fd = -1;
    if (read(report[0], &child_fd, sizeof child_fd) != (ssize_t) sizeof child_fd) {
        probe_fail("the forked child did not report its descriptor");
    }
    /* The child's descriptor number may exist here only by coincidence if we had it open too:
       compare what it points to, not just whether the number is valid. */
    char mine[64], link[256] = "";
    snprintf(mine, sizeof mine, "/proc/self/fd/%d", child_fd);
    ssize_t n = readlink(mine, link, sizeof link - 1);
    int open_in_parent = n > 0 && strncmp(link, "/dev/null", (size_t) n) == 0 && n == 9;
    struct sigaction seen;
    sigaction(SIGUSR2, NULL, &seen);
    int parent_has_handler = seen.sa_handler == on_signal;
    char go = 'x';
    if (write(release[1], &go, 1) != 1) {
        probe_fail("could not release the forked child");
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    close(report[0]);
    close(release[1]);
    printf("{\"type\":\"fork\",\"side\":\"parent\",\"pid\":%ld,\"address\":\"%p\",\"value\":%ld}\n",
           (long) getpid(), (void *) &g_global, g_global);
    printf("{\"type\":\"fd\",\"side\":\"fork\",\"fd\":%d,\"open_in_child\":true,\"open_in_parent\":%s}\n",
           child_fd, open_in_parent ? "true" : "false");
    printf("{\"type\":\"signal\",\"side\":\"fork\",\"installed_in_child\":true,\"seen_by_parent\":%s}\n",
           parent_has_handler ? "true" : "false");
}

int cmd_share(int argc, char **argv) {
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    long workers = probe_arg_long(&args, "workers", 3, 1, MAX_SHARE_WORKERS);
    probe_args_done(&args);
    printf("{\"type\":\"process\",\"pid\":%ld,\"tid\":%ld}\n", (long) getpid(), my_tid());
    threads_part(workers);
    fork_part();
    return 0;
}
