/*
 * stacks: what a native thread's stack costs, seen in this process's own smaps.
 *
 *   forklab-probe stacks threads=N
 *
 * N pthreads with default attributes (glibc sizes their stacks from RLIMIT_STACK, `ulimit -s`),
 * all alive and idle at once. Each records the address of a local; the main thread then finds
 * the mapping that holds it in /proc/self/smaps and reports its Size (address space reserved)
 * and Rss (pages really in memory). glibc's guard page is a mapping of its own, so it is not
 * in Size.
 *
 * Lines:
 *  {"type":"stack","thread":I,"size":BYTES,"rss":BYTES}
 *  {"type":"stacks","threads":N,"default_stack":BYTES,"rlimit_stack":BYTES|-1}
 */
#include "probe.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define MAX_STACK_THREADS 256

static pthread_barrier_t g_ready, g_leave;
static uintptr_t g_local[MAX_STACK_THREADS];

static void *stack_thread(void *arg) {
    long i = (long) arg;
    volatile char local = 0; /* on this thread's own stack */
    g_local[i] = (uintptr_t) &local;
    pthread_barrier_wait(&g_ready);
    pthread_barrier_wait(&g_leave); /* idle while main reads smaps */
    return NULL;
}

/* Size and Rss in bytes of the smaps mapping containing addr; 0 when not found. */
static void mapping_of(uintptr_t addr, long long *size, long long *rss) {
    *size = 0;
    *rss = 0;
    FILE *f = fopen("/proc/self/smaps", "r");
    if (f == NULL) {
        probe_fail("open /proc/self/smaps: %s", strerror(errno));
    }
    char line[512];
    int inside = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        uintptr_t lo, hi;
        long long kib;
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' ')) {
            inside = addr >= lo && addr < hi;
        } else if (inside && sscanf(line, "Size: %lld kB", &kib) == 1) {
            *size = kib * 1024;
        } else if (inside && sscanf(line, "Rss: %lld kB", &kib) == 1) {
            *rss = kib * 1024;
            break;
        }
    }
    fclose(f);
}

int cmd_stacks(int argc, char **argv) {
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    long n = probe_arg_long(&args, "threads", 16, 1, MAX_STACK_THREADS);
    probe_args_done(&args);

    pthread_barrier_init(&g_ready, NULL, (unsigned) n + 1);
    pthread_barrier_init(&g_leave, NULL, (unsigned) n + 1);
    pthread_t threads[MAX_STACK_THREADS];
    for (long i = 0; i < n; i++) {
        int rc = pthread_create(&threads[i], NULL, stack_thread, (void *) i);
        if (rc != 0) {
            probe_fail("pthread_create of thread %ld failed: %s", i + 1, strerror(rc));
        }
    }
    pthread_barrier_wait(&g_ready);
    for (long i = 0; i < n; i++) {
        long long size, rss;
        mapping_of(g_local[i], &size, &rss);
        printf("{\"type\":\"stack\",\"thread\":%ld,\"size\":%lld,\"rss\":%lld}\n", i, size, rss);
    }
    pthread_barrier_wait(&g_leave);
    for (long i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
    }
    pthread_attr_t attr;
    size_t stack = 0;
    if (pthread_getattr_default_np(&attr) == 0) {
        pthread_attr_getstacksize(&attr, &stack);
        pthread_attr_destroy(&attr);
    }
    struct rlimit limit;
    long long rlimit = getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
            ? (long long) limit.rlim_cur : -1;
    printf("{\"type\":\"stacks\",\"threads\":%ld,\"default_stack\":%zu,\"rlimit_stack\":%lld}\n", n, stack, rlimit);
    return 0;
}
