/*
 * probe_idle.c: the idle command, which the scale experiment uses to hold forked children.
 *
 *   idle count=N   forks N children that only wait (no exec: each is a copy of this small
 *                  program sharing its pages copy-on-write), prints
 *                  {"type":"idle","count":N,"create_ns":T,"pids":[...]} once every child is
 *                  running, then holds them until its stdin closes, kills and reaps them all and
 *                  prints {"type":"done","reaped":N}. The Java side reads each child's memory
 *                  from /proc while they are held.
 */
#include "probe.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int cmd_idle(int argc, char **argv) {
    struct probe_args args;
    probe_args_parse(&args, argc, argv);
    long count = probe_arg_long(&args, "count", 10, 1, 100000);
    probe_args_done(&args);

    /* Each child writes one byte here once it runs: creation ends when all bytes are read. */
    int ready[2];
    if (pipe(ready) != 0) {
        probe_fail("pipe: %s", strerror(errno));
    }
    pid_t *pids = calloc((size_t) count, sizeof(pid_t));
    if (pids == NULL) {
        probe_fail("out of memory for %ld process ids", count);
    }
    pid_t self = getpid();
    uint64_t start = probe_now_ns();
    for (long i = 0; i < count; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            probe_fail("fork of idle child %ld failed: %s", i + 1, strerror(errno));
        }
        if (pid == 0) {
            probe_child_setup(self);
            close(ready[0]);
            char one = 1;
            if (write(ready[1], &one, 1) != 1) {
                _exit(1);
            }
            close(ready[1]);
            for (;;) {
                pause(); /* idle until the probe kills us */
            }
        }
        pids[i] = pid;
    }
    close(ready[1]);
    long seen = 0;
    char buf[4096];
    while (seen < count) {
        ssize_t n = read(ready[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            probe_fail("an idle child ended before it was running (%ld of %ld ready)", seen, count);
        }
        seen += n;
    }
    uint64_t created = probe_now_ns() - start;
    close(ready[0]);

    printf("{\"type\":\"idle\",\"count\":%ld,\"create_ns\":%llu,\"pids\":[", count, (unsigned long long) created);
    for (long i = 0; i < count; i++) {
        printf(i ? ",%ld" : "%ld", (long) pids[i]);
    }
    printf("]}\n");
    fflush(stdout);

    /* Hold them until the Java side closes our stdin (or dies: then PDEATHSIG ends us all). */
    while (read(STDIN_FILENO, buf, sizeof buf) > 0) {
    }
    for (long i = 0; i < count; i++) {
        kill(pids[i], SIGKILL);
    }
    for (long i = 0; i < count; i++) {
        while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR) {
        }
    }
    printf("{\"type\":\"done\",\"reaped\":%ld}\n", count);
    free(pids);
    return 0;
}
