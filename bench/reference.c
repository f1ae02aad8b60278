/*
 * An independent reference for forklab's native figures: plain loops, no forklab code.
 * Each operation is timed alone with CLOCK_MONOTONIC (ping-pong in batches of 100 round
 * trips, since one is only a few µs) and the median is printed as "name<TAB>ns".
 *   reference CPU    pins itself (and so every thread and child it makes) to CPU first, as
 *                    forklab's figures are pinned: unpinned, where the new thread or child lands
 *                    on a 2-CPU VM decides the figure more than the call does.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void *nothing(void *arg) { return arg; }

static void fork_once(void) {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, NULL, 0);
}

static void fork_exec_once(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/true", "/bin/true", (char *) NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
}

static void spawn_once(void) {
    pid_t pid;
    char *argv[] = {"/bin/true", NULL};
    if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) == 0) waitpid(pid, NULL, 0);
}

static void thread_once(void) {
    pthread_t t;
    pthread_create(&t, NULL, nothing, NULL);
    pthread_join(t, NULL);
}

static void measure(const char *name, void (*op)(void), int warm, int n) {
    double *v = malloc(n * sizeof *v);
    for (int i = 0; i < warm; i++) op();
    for (int i = 0; i < n; i++) {
        double t = now_ns();
        op();
        v[i] = now_ns() - t;
    }
    printf("%s\t%.0f\n", name, median(v, n));
    free(v);
}

static int pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

/* Two processes on one CPU (the child inherits the pin), one byte each way over two pipes. */
static void pingpong_same_cpu(void) {
    int down[2], up[2];
    char b = 'x';
    if (pipe(down) || pipe(up)) return;
    pid_t pid = fork();
    if (pid == 0) {
        while (read(down[0], &b, 1) == 1 && b != 'q') {
            if (write(up[1], &b, 1) != 1) break;
        }
        _exit(0);
    }
    enum { BATCH = 100, SAMPLES = 200 };
    double v[SAMPLES];
    for (int i = 0; i < 1000; i++) {
        if (write(down[1], &b, 1) != 1 || read(up[0], &b, 1) != 1) return;
    }
    for (int s = 0; s < SAMPLES; s++) {
        double t = now_ns();
        for (int i = 0; i < BATCH; i++) {
            if (write(down[1], &b, 1) != 1 || read(up[0], &b, 1) != 1) return;
        }
        v[s] = (now_ns() - t) / BATCH;
    }
    b = 'q';
    if (write(down[1], &b, 1) != 1) { /* child gone */ }
    waitpid(pid, NULL, 0);
    printf("pipe round trip, processes, same CPU\t%.0f\n", median(v, SAMPLES));

    /* lmbench's lat_ctx subtracts the cost of the same pipe traffic done by one process alone:
     * two one-byte writes and two reads on a pipe of its own, in the same batches. */
    int own[2];
    if (pipe(own)) return;
    double o[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
        double t = now_ns();
        for (int i = 0; i < BATCH; i++) {
            if (write(own[1], &b, 1) != 1 || read(own[0], &b, 1) != 1
                || write(own[1], &b, 1) != 1 || read(own[0], &b, 1) != 1) return;
        }
        o[s] = (now_ns() - t) / BATCH;
    }
    close(own[0]);
    close(own[1]);
    printf("switch estimate, processes, same CPU\t%.0f\n", (median(v, SAMPLES) - median(o, SAMPLES)) / 2);
}

/* Two threads on two CPUs handing a counter back and forth by spinning on one shared word. */
static volatile int spin_word;
static void *spin_partner(void *arg) {
    int cpu = *(int *) arg;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
    for (;;) {
        int w;
        while ((w = __atomic_load_n(&spin_word, __ATOMIC_ACQUIRE)) == 0) { }
        if (w == 2) return NULL;
        __atomic_store_n(&spin_word, 0, __ATOMIC_RELEASE);
    }
}

static void spin_handoff_two_cpus(int cpu_a, int cpu_b) {
    if (cpu_a == cpu_b) {
        printf("spin hand-off, threads, two CPUs\t-\n");
        return;
    }
    pthread_t t;
    pthread_create(&t, NULL, spin_partner, &cpu_b);
    enum { BATCH = 1000, SAMPLES = 200 };
    double v[SAMPLES];
    for (int s = -20; s < SAMPLES; s++) {
        double t0 = now_ns();
        for (int i = 0; i < BATCH; i++) {
            __atomic_store_n(&spin_word, 1, __ATOMIC_RELEASE);
            while (__atomic_load_n(&spin_word, __ATOMIC_ACQUIRE) == 1) { }
        }
        if (s >= 0) v[s] = (now_ns() - t0) / BATCH;
    }
    __atomic_store_n(&spin_word, 2, __ATOMIC_RELEASE);
    pthread_join(t, NULL);
    printf("spin hand-off, threads, two CPUs\t%.0f\n", median(v, SAMPLES));
}

int main(int argc, char **argv) {
    int cpu = argc > 1 ? atoi(argv[1]) : 0;
    int second = argc > 2 ? atoi(argv[2]) : cpu;
    if (pin(cpu) != 0) {
        perror("reference: sched_setaffinity");
        return 2;
    }
    measure("fork+_exit+waitpid", fork_once, 20, 300);
    measure("fork+exec /bin/true", fork_exec_once, 10, 150);
    measure("posix_spawn /bin/true", spawn_once, 10, 150);
    measure("pthread_create+join", thread_once, 200, 2000);
    pingpong_same_cpu();
    spin_handoff_two_cpus(cpu, second);
    return 0;
}
