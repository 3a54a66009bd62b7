/* Replications on several cores (--jobs), and the progress bar.
 *
 * After the scenario is loaded, J worker processes are forked: each has its
 * own copy of the Lua state and of the model, and runs the replications
 * j, j + J, j + 2J, ... Each replication's figures depend only on the seed
 * and its number, and the parent puts them back in replication order before
 * summing anything, so the outputs are byte-identical whatever J. Workers
 * write their figures to an unnamed temporary file; a shared counter feeds
 * the progress bar.
 *
 * rm_spread spreads whole units (a sweep's points, a sensitivity's runs)
 * over processes the same way, when each has fewer replications than there
 * are processes. */
#define _GNU_SOURCE                 /* MAP_ANONYMOUS, sched_getaffinity, CPU_COUNT: not in POSIX 2008 */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "binding.h"
#include "results.h"

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The CPUs this process may run on: its affinity mask (taskset, cgroups'
 * cpusets, a Slurm allocation), never more than SLURM_CPUS_PER_TASK when
 * Slurm sets it; the online CPUs where the mask cannot be read. */
int remous_available_cpus(void) {
    long n = 0;
    for (int size = 1024; size <= 1 << 18 && n == 0; size *= 4) {   /* masks beyond CPU_SETSIZE too */
        cpu_set_t *set = CPU_ALLOC((size_t)size);
        if (!set)
            break;
        size_t bytes = CPU_ALLOC_SIZE((size_t)size);
        CPU_ZERO_S(bytes, set);
        if (sched_getaffinity(0, bytes, set) == 0)
            n = CPU_COUNT_S(bytes, set);
        else if (errno != EINVAL)
            size = 1 << 18;                          /* not a matter of size: give up */
        CPU_FREE(set);
    }
    if (n <= 0)
        n = sysconf(_SC_NPROCESSORS_ONLN);
    const char *slurm = getenv("SLURM_CPUS_PER_TASK");
    if (slurm && *slurm) {
        char *end;
        long s = strtol(slurm, &end, 10);
        if (*end == '\0' && s > 0 && (n <= 0 || s < n))
            n = s;
    }
    if (n < 1)
        n = 1;
    return n > 4096 ? 4096 : (int)n;
}

void rm_progress_start(rm_progress *p, int enabled, long total) {
    p->enabled = enabled;
    p->procs = 0;
    p->total = total;
    p->done = 0;
    p->start = seconds_now();
    p->shown = 0;
    p->tick = NULL;
    p->tick_ctx = NULL;
    p->log = NULL;
    p->every = 0;
}

void rm_progress_lines(rm_progress *p, FILE *log, const char *what) {
    if (p->enabled || !log)
        return;
    const char *env = getenv("REMOUS_PROGRESS_SECONDS");
    p->every = env && atoi(env) > 0 ? atoi(env) : 10;
    p->log = log;
    p->what = what;
    p->shown = p->start;                         /* the first line after `every` seconds */
}

/* Redraws the bar (at most ten times a second). */
int rm_progress_show(rm_progress *p, long done, int last) {
    if (p->tick && p->tick(p->tick_ctx, done, p->total))
        return -1;
    if (!p->enabled && !p->log)
        return 0;
    double now = seconds_now();
    if (!last && now - p->shown < (p->enabled ? 0.1 : p->every))
        return 0;
    p->shown = now;
    double elapsed = now - p->start, rate = elapsed > 0 ? done / elapsed : 0;
    long left = rate > 0 ? (long)((p->total - done) / rate + 0.5) : 0;
    if (!p->enabled) {                           /* not a terminal: a line now and then, none at the end */
        if (!last) {
            fprintf(p->log, "%s: %ld/%ld runs done, %ld:%02ld left\n", p->what, done, p->total, left / 60,
                    left % 60);
            fflush(p->log);
        }
        return 0;
    }
    int width = 30, filled = p->total > 0 ? (int)(width * done / p->total) : width;
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    char procs[48] = "";
    if (p->procs > 0)
        snprintf(procs, sizeof procs, " on %d process%s", p->procs, p->procs == 1 ? "" : "es");
    fprintf(stderr, "\r[%s] %ld/%ld runs%s  %.1f/s  %ld:%02ld left ", bar, done, p->total, procs, rate, left / 60,
            left % 60);
    if (last)
        fputs("\r\033[K", stderr);                   /* leave the terminal clean */
    fflush(stderr);
    return 0;
}

/* One replication into values[n] and pvalues[nperiods * tn], the metrics
 * the scenario declares computed from the others; -1 with the message in
 * err[RM_ERR_LEN] when it fails. */
#define RM_ERR_LEN 1024
static int one_rep(rm_sim *sim, const rm_reps_job *job, int rep, double *values, double *pvalues, char *err) {
    const rm_model *m = job->model;
    if (rm_sim_run(sim, job->seed, rep) < 0) {
        snprintf(err, RM_ERR_LEN, "%s", rm_sim_error(sim));
        return -1;
    }
    const rm_rep_stats *st = rm_sim_stats(sim);
    rm_metrics_values(m, st, values);
    int derive = m->nderived > 0 && job->hooks && job->hooks->derive;
    if (derive && job->hooks->derive(job->hooks->ctx, m, 0, -1, rep, values, err, RM_ERR_LEN) < 0)
        return -1;
    for (int k = 0; k < job->nperiods; k++) {
        double *pv = pvalues + (size_t)k * (size_t)job->tn;
        rm_metrics_period_values(m, st, k, pv);
        if (derive && job->hooks->derive(job->hooks->ctx, m, 1, k, rep, pv, err, RM_ERR_LEN) < 0)
            return -1;
    }
    return 0;
}

/* Unit r of the job: replication r + 1, or the job's own unit (a
 * fragility knock-out); its error into err (RM_ERR_LEN bytes). */
static int run_unit(rm_sim *sim, const rm_reps_job *job, int r, double *values, double *pvalues, char *err) {
    if (!job->unit)
        return one_rep(sim, job, r + 1, values, pvalues, err);
    if (job->unit(job->unit_ctx, sim, r, values) == 0)
        return 0;
    snprintf(err, RM_ERR_LEN, "%s", job->unit_error ? job->unit_error(job->unit_ctx, sim) : rm_sim_error(sim));
    return -1;
}

/* The watchdog of one hook call inside one replication: a hook inside one
 * long call of Lua's library (string.find, table.move) runs no Lua
 * instruction, so the count hook cannot stop it. A one-second tick looks
 * at the hook running now: the same call seen past the limit ends the
 * process with its error record. No cost per hook call but two stores. */
static int tick_fd, tick_limit, tick_seen;
static unsigned long tick_calls, tick_checks;
static int tick_unit;                            /* the unit running, for its error record */
static char tick_suffix[200];
static const char *tick_remove;                  /* in this process (trace): the file to take away */

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w, n -= (size_t)w;
    }
}

static void tick(int sig) {
    (void)sig;
    const char *hook = rm_hook_running;
    /* a hook running Lua instructions is the count hook's to stop (its
     * budget and clock say it first, the same way each time): only a call
     * in which neither moves is the watchdog's */
    if (!hook || rm_hook_calls != tick_calls || rm_lua_checks != tick_checks) {
        tick_calls = rm_hook_calls;
        tick_checks = rm_lua_checks;
        tick_seen = 0;
        return;
    }
    if (++tick_seen < tick_limit)
        return;
    if (tick_fd < 0) {                           /* one line on stderr, as main prints it */
        write_all(STDERR_FILENO, "remous: ", 8);
        write_all(STDERR_FILENO, hook, strlen(hook));
        write_all(STDERR_FILENO, tick_suffix, strlen(tick_suffix));
        write_all(STDERR_FILENO, "\n", 1);
        if (tick_remove)
            unlink(tick_remove);
        _exit(1);
    }
    int32_t bad = -1 - tick_unit;
    write_all(tick_fd, (const char *)&bad, sizeof bad);
    write_all(tick_fd, hook, strlen(hook));
    write_all(tick_fd, tick_suffix, strlen(tick_suffix) + 1);   /* with its '\0' */
    _exit(1);
}

static void tick_arm(FILE *out, int on) {
    if (on) {
        tick_fd = out ? fileno(out) : -1;
        tick_limit = (int)rm_time_limit("HOOK");
        tick_seen = 0;
        tick_calls = rm_hook_calls;
        tick_checks = rm_lua_checks;
        snprintf(tick_suffix, sizeof tick_suffix, " function ran for more than %d s inside one call of "
                 "a string or table function: stopped (a pattern that backtracks, or a huge text or table?)",
                 tick_limit);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = tick;
        sa.sa_flags = SA_RESTART;
        sigaction(SIGALRM, &sa, NULL);
    }
    struct itimerval it = {{on, 0}, {on, 0}};
    setitimer(ITIMER_REAL, &it, NULL);
}

void rm_hook_watchdog(int on, const char *remove) {
    tick_remove = remove;
    tick_arm(NULL, on);
}

/* What the workers and the parent share (an anonymous shared mapping): the
 * units done, for the progress bar; the lowest unit that failed (no worker
 * starts a unit after it, and a worker past it is stopped); and the unit
 * each worker runs now. Whatever --jobs, every unit below the lowest that
 * fails runs, so the error said is that unit's: the same one each time. */
typedef struct workers_shared {
    long done;
    long next;                                   /* rm_spread: the next unit to claim */
    int stop_after;                              /* INT_MAX: none failed */
    int at[];                                    /* per worker */
} workers_shared;

/* The next unit no worker has taken yet (claimed in order: every unit
 * before a failing one is taken, and runs to its end). */
static long claim(workers_shared *sh) {
    return __atomic_fetch_add(&sh->next, 1, __ATOMIC_RELAXED);
}

/* Unit r failed: no unit after it matters any more. */
static void failed_at(workers_shared *sh, int r) {
    int was = __atomic_load_n(&sh->stop_after, __ATOMIC_RELAXED);
    while (r < was && !__atomic_compare_exchange_n(&sh->stop_after, &was, r, 0, __ATOMIC_RELAXED,
                                                   __ATOMIC_RELAXED))
        ;
}

/* The runs of one pool of workers: several jobs (a comparison's baseline
 * and variants), their units one after the other, unit u being job k's
 * unit u - first[k]. One pool for them all: no worker waits at the end of
 * one job while another ends its last unit. */
typedef struct rm_pool {
    const rm_reps_job *job;                      /* [njobs] */
    int njobs;
    int *first;                                  /* [njobs + 1]: the first unit of each, and the total */
    int total, procs;
    int calls_lua;                               /* a job's model does: see worker */
} rm_pool;

/* The job unit u belongs to. */
static int job_of(const rm_pool *pool, int u) {
    int k = 0;
    while (u >= pool->first[k + 1])
        k++;
    return k;
}

/* Unit u (job k's): runs it and writes its record (u, values, pvalues), or
 * the record (-1 - u, message) when it fails; exits the process on a
 * failure. */
static void rep_record(rm_sim *sim, const rm_pool *pool, int k, int u, double *values, double *pvalues,
                       FILE *out, workers_shared *sh) {
    const rm_reps_job *job = &pool->job[k];
    size_t nv = (size_t)job->n, np = (size_t)job->nperiods * (size_t)job->tn;
    int watched = rm_model_calls_lua(job->model) && fflush(out) == 0;   /* the tick writes past what is written */
    tick_unit = u;
    if (watched)
        tick_arm(out, 1);
    char msg[RM_ERR_LEN];
    int failed = run_unit(sim, job, u - pool->first[k], values, pvalues, msg) < 0;
    if (watched)
        tick_arm(out, 0);
    if (failed) {
        int32_t bad = -1 - u;
        failed_at(sh, u);
        fwrite(&bad, sizeof bad, 1, out);
        fwrite(msg, 1, strlen(msg) + 1, out);
        fflush(out);
        _exit(1);
    }
    int32_t rec = u;
    if (fwrite(&rec, sizeof rec, 1, out) != 1 || fwrite(values, sizeof(double), nv, out) != nv ||
        fwrite(pvalues, sizeof(double), np, out) != np)
        _exit(2);
    __atomic_fetch_add(&sh->done, 1, __ATOMIC_RELAXED);
}

/* Worker j gives up: its error record for the parent. */
static void worker_oom(FILE *out) {
    int32_t bad = -1;
    const char *msg = "out of memory in a worker";
    fwrite(&bad, sizeof bad, 1, out);
    fwrite(msg, 1, strlen(msg) + 1, out);
    fflush(out);
    _exit(1);
}

/* A worker: the next unit not taken, or with Lua its units j, j + J, ...
 * (below). Lua hooks keep state between
 * calls (a counter in an upvalue), so with hooks (or declared metrics:
 * rm_model_calls_lua) every unit but the
 * worker's last runs in a process of its own, forked from the worker as it
 * was forked from the loaded scenario: each starts from the same state
 * whatever --jobs, and the results too. Its simulator is the job's of the
 * unit, made anew when the job changes (units come in order). */
static void worker(const rm_pool *pool, int j, FILE *out, workers_shared *sh) {
    rm_sim *sim = NULL;
    int sim_of = -1;                             /* the job whose simulator sim is */
    size_t nv = 0, np = 0;
    for (int k = 0; k < pool->njobs; k++) {
        size_t v = (size_t)pool->job[k].n, p = (size_t)pool->job[k].nperiods * (size_t)pool->job[k].tn;
        nv = v > nv ? v : nv;
        np = p > np ? p : np;
    }
    double *values = malloc((nv + 1) * sizeof(double)), *pvalues = malloc((np + 1) * sizeof(double));
    if (!values || !pvalues)
        worker_oom(out);
    /* Without Lua each takes the next unit not taken (claim), so that no
     * worker waits idle while another ends its share; with Lua each has
     * its share j, j + J, ..., which tells which is its last. */
    int calls_lua = pool->calls_lua, J = pool->procs;
    for (int u = calls_lua ? j : (int)claim(sh); u < pool->total; u = calls_lua ? u + J : (int)claim(sh)) {
        if (u > __atomic_load_n(&sh->stop_after, __ATOMIC_RELAXED))
            break;                                   /* a unit before it failed */
        __atomic_store_n(&sh->at[j], u, __ATOMIC_RELAXED);
        int k = job_of(pool, u);
        if (k != sim_of) {
            rm_sim_free(sim);
            if (!(sim = rm_sim_new(pool->job[k].model, pool->job[k].hooks, pool->job[k].period)))
                worker_oom(out);
            sim_of = k;
        }
        /* the last one may change this process's state: nothing runs after it */
        if (!calls_lua || u + J >= pool->total) {
            rep_record(sim, pool, k, u, values, pvalues, out, sh);
            continue;
        }
        if (fflush(out) != 0)
            _exit(2);
        pid_t pid = rm_fork_worker();
        if (pid == 0) {
            rep_record(sim, pool, k, u, values, pvalues, out, sh);
            _exit(fflush(out) == 0 ? 0 : 2);
        }
        int status;
        if (pid < 0 || waitpid(pid, &status, 0) != pid)
            _exit(3);
        if (WIFSIGNALED(status))
            raise(WTERMSIG(status));                 /* the parent tells which signal */
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 3);
    }
    if (fflush(out) != 0)
        _exit(2);
    _exit(0);
}

pid_t rm_fork_worker(void) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        if (getppid() != parent)                 /* it died before the line above: no one to work for */
            _exit(3);
    }
    return pid;
}

/* Reads worker j's records back into the arrays of their jobs; at an
 * error record, its message into err and its unit into *unit (the total
 * when it names none). */
static int collect(const rm_pool *pool, FILE *in, double *const *values, double *const *pvalues,
                   unsigned char *got, int *unit, char *err, size_t errlen) {
    rewind(in);
    int32_t rec;
    while (fread(&rec, sizeof rec, 1, in) == 1) {
        if (rec < 0) {
            *unit = -1 - rec;
            size_t k = 0;
            int c;
            while ((c = fgetc(in)) != EOF && c != '\0' && k + 1 < errlen)
                err[k++] = (char)c;
            err[k] = '\0';
            return -1;
        }
        int k = rec < pool->total ? job_of(pool, rec) : 0;
        const rm_reps_job *job = &pool->job[k];
        size_t nv = (size_t)job->n, np = (size_t)job->nperiods * (size_t)job->tn, r = (size_t)(rec - pool->first[k]);
        if (rec >= pool->total || fread(values[k] + r * nv, sizeof(double), nv, in) != nv ||
            fread(pvalues[k] + r * np, sizeof(double), np, in) != np) {
            snprintf(err, errlen, "a worker's results are incomplete");
            *unit = pool->total;
            return -1;
        }
        got[rec] = 1;
    }
    return 0;
}

/* What a pool of n workers held: their files, their pids, the shared map. */
static void let_go(FILE **files, int n, pid_t *pids, void *map, size_t bytes) {
    for (int j = 0; files && j < n; j++)
        if (files[j])
            fclose(files[j]);
    free(files);
    free(pids);
    if (map != MAP_FAILED)
        munmap(map, bytes);
}

/* rm_spread spreads the units over the processes when there are at least
 * this many a process: the last unit to end then keeps one process alone
 * for a small part of the whole. */
#define SPREAD_UNITS_PER_PROCESS 4

/* A worker's units so far, for the parent's progress bar. */
static int count_units(void *ctx, long done, long total) {
    (void)total;
    __atomic_store_n((long *)ctx, done, __ATOMIC_RELAXED);
    return 0;
}

/* Whether somebody may cancel these runs while they run (the workshop,
 * whose client may leave): they then run in a worker even on one process,
 * so that this process can stop it at once instead of when a replication
 * ends, which may take minutes. A pool's worker (count_units) cannot be
 * cancelled by itself: its parent stops it. */
static int may_cancel(const rm_progress *p) {
    return p->tick && p->tick != count_units;
}

/* The units of the pool, one after the other in this process. */
static int run_here(const rm_pool *pool, double *const *values, double *const *pvalues, rm_progress *progress,
                    char *err, size_t errlen) {
    progress->procs = 1;
    for (int k = 0; k < pool->njobs; k++) {
        const rm_reps_job *job = &pool->job[k];
        size_t nv = (size_t)job->n, np = (size_t)job->nperiods * (size_t)job->tn;
        rm_sim *sim = rm_sim_new(job->model, job->hooks, job->period);
        if (!sim) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        for (int r = 0; r < job->reps; r++) {
            char msg[RM_ERR_LEN];
            if (run_unit(sim, job, r, values[k] + (size_t)r * nv, pvalues[k] + (size_t)r * np, msg) < 0) {
                snprintf(err, errlen, "%s", msg);
                rm_sim_free(sim);
                return -1;
            }
            progress->done++;
            if (rm_progress_show(progress, progress->done, 0) < 0) {
                snprintf(err, errlen, "cancelled");
                rm_sim_free(sim);
                return -1;
            }
        }
        rm_sim_free(sim);
    }
    return 0;
}

int rm_run_reps(const rm_reps_job *job, double *values, double *pvalues, rm_progress *progress,
                char *err, size_t errlen) {
    return rm_run_reps_all(job, 1, &values, &pvalues, progress, err, errlen);
}

int rm_run_reps_all(const rm_reps_job *jobs_of, int njobs, double *const *values, double *const *pvalues,
                    rm_progress *progress, char *err, size_t errlen) {
    rm_pool pool = {jobs_of, njobs, NULL, 0, 0, 0};
    if (njobs < 1)
        return 0;
    if (!(pool.first = malloc(((size_t)njobs + 1) * sizeof(int)))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int k = 0; k < njobs; k++) {
        pool.first[k] = pool.total;
        pool.total += jobs_of[k].reps;
        pool.calls_lua |= rm_model_calls_lua(jobs_of[k].model);
    }
    pool.first[njobs] = pool.total;
    int jobs = jobs_of[0].jobs < pool.total ? jobs_of[0].jobs : pool.total;
    if (jobs < 1)
        jobs = 1;
    if (pool.total == 0 || ((jobs <= 1 || pool.total <= 1) && !pool.calls_lua && !may_cancel(progress))) {
        int here = run_here(&pool, values, pvalues, progress, err, errlen);
        free(pool.first);
        return here;
    }
    pool.procs = jobs;
    progress->procs = jobs;
    size_t shared_size = sizeof(workers_shared) + (size_t)jobs * sizeof(int);
    workers_shared *sh = mmap(NULL, shared_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    FILE **files = calloc((size_t)jobs, sizeof *files);
    pid_t *pids = calloc((size_t)jobs, sizeof *pids);
    int rc = 0;
    unsigned char *got = NULL;                       /* units received */
    if (sh == MAP_FAILED || !files || !pids) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
        goto done;
    }
    sh->done = 0;
    sh->next = 0;
    sh->stop_after = INT_MAX;
    for (int j = 0; j < jobs; j++)
        sh->at[j] = -1;
    if (!(got = calloc((size_t)pool.total, 1))) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
        goto done;
    }
    fflush(stdout);
    fflush(stderr);
    int started = 0;
    for (int j = 0; j < jobs; j++) {
        if (!(files[j] = tmpfile())) {
            snprintf(err, errlen, "cannot make a temporary file for a worker: %s", strerror(errno));
            rc = -1;
            break;
        }
        pid_t pid = rm_fork_worker();
        if (pid < 0) {
            snprintf(err, errlen, "cannot start a worker process: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (pid == 0)
            worker(&pool, j, files[j], sh);          /* never returns */
        pids[j] = pid;
        started++;
    }
    /* wait for them all, the bar moving meanwhile; a unit that fails stops
     * the workers past it, the others go on until they pass it (failed_at) */
    int running = started, hard = rc != 0;           /* hard: stop them all now */
    int failed_unit = INT_MAX;                       /* the unit whose error is in err */
    while (running > 0) {
        for (int j = 0; j < started; j++) {
            if (!pids[j])
                continue;
            int status;
            pid_t w = waitpid(pids[j], &status, WNOHANG);
            if (w == pids[j]) {
                pids[j] = 0;
                running--;
                if (rc == 0 && WIFSIGNALED(status)) {
                    snprintf(err, errlen, "a worker process died (signal %d)", WTERMSIG(status));
                    rc = -1, hard = 1;
                } else if (rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) >= 2) {
                    snprintf(err, errlen, "a worker could not write its results");
                    rc = -1, hard = 1;
                } else if (!hard && WIFEXITED(status) && WEXITSTATUS(status) == 1) {   /* its error record */
                    char msg[RM_ERR_LEN];
                    int unit = pool.total;
                    if (collect(&pool, files[j], values, pvalues, got, &unit, msg, sizeof msg) == 0)
                        snprintf(msg, sizeof msg, "a worker stopped without saying why");
                    if (unit < failed_unit || rc == 0) {
                        failed_unit = unit;
                        snprintf(err, errlen, "%s", msg);
                    }
                    rc = -1;
                }
            }
        }
        /* stop the workers whose work no longer counts: all of them after a
         * hard failure, those past the lowest failed unit after a unit's */
        int stop_after = __atomic_load_n(&sh->stop_after, __ATOMIC_RELAXED);
        for (int k = 0; rc != 0 && k < started; k++)
            if (pids[k] && (hard || __atomic_load_n(&sh->at[k], __ATOMIC_RELAXED) > stop_after))
                kill(pids[k], SIGKILL);              /* again each round until reaped: harmless */
        if (rm_progress_show(progress, progress->done + __atomic_load_n(&sh->done, __ATOMIC_RELAXED), 0) < 0 &&
            rc == 0) {                               /* cancelled: stop the workers now */
            snprintf(err, errlen, "cancelled");
            rc = -1, hard = 1;
            for (int j = 0; j < started; j++)
                if (pids[j])
                    kill(pids[j], SIGKILL);
        }
        if (running > 0)
            nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    for (int j = 0; j < started && rc == 0; j++)
        if (collect(&pool, files[j], values, pvalues, got, &failed_unit, err, errlen) < 0)
            rc = -1;
    /* every unit accounted for (a worker ending early, even with status 0,
     * e.g. os.exit in an --unsafe hook, must not leave zeros) */
    for (int u = 0; u < pool.total && rc == 0; u++)
        if (!got[u]) {
            snprintf(err, errlen, "replication %d ended without results (did a hook exit the process?)",
                     u - pool.first[job_of(&pool, u)] + 1);
            rc = -1;
        }
    progress->done += sh->done;
done:
    free(got);
    free(pool.first);
    let_go(files, jobs, pids, sh, shared_size);
    return rc;
}

int rm_spread(long n, int jobs, int reps, size_t width, double *const *into, rm_spread_unit unit, void *ctx,
              rm_progress *progress, char *err, size_t errlen) {
    int procs = jobs < n ? jobs : (int)n;
    /* Units one after the other, each on --jobs processes, when there are
     * few of them and each has replications enough for every process;
     * otherwise the units spread over the processes, which also spreads
     * what each unit does on its own (loading, writing its files). */
    if (procs <= 1 || (reps >= jobs && n < SPREAD_UNITS_PER_PROCESS * (long)jobs)) {
        for (long i = 0; i < n; i++) {
            int rc = unit(ctx, i, jobs, into ? into[i] : NULL, progress, err, errlen);
            if (rc != REMOUS_OK)
                return rc;
        }
        return REMOUS_OK;
    }
    size_t bytes = ((size_t)n * width + 1) * sizeof(double) + (size_t)procs * sizeof(long);
    double *shared = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    long *done = shared == MAP_FAILED ? NULL : (long *)(shared + (size_t)n * width + 1);
    size_t shared_size = sizeof(workers_shared) + (size_t)procs * sizeof(int);
    workers_shared *sh = mmap(NULL, shared_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    FILE **messages = calloc((size_t)procs, sizeof *messages);
    pid_t *pids = calloc((size_t)procs, sizeof *pids);
    int rc = REMOUS_OK, started = 0;
    if (shared == MAP_FAILED || sh == MAP_FAILED || !messages || !pids) {
        snprintf(err, errlen, "out of memory");
        rc = REMOUS_ERR_RUN;
    }
    progress->procs = procs;
    fflush(stdout);
    fflush(stderr);
    if (sh != MAP_FAILED) {
        sh->stop_after = INT_MAX;
        sh->next = 0;
    }
    for (int p = 0; p < procs && rc == REMOUS_OK; p++) {
        done[p] = 0;
        sh->at[p] = -1;
        if (!(messages[p] = tmpfile())) {
            snprintf(err, errlen, "cannot make a temporary file for a worker: %s", strerror(errno));
            rc = REMOUS_ERR_RUN;
            break;
        }
        pid_t pid = rm_fork_worker();
        if (pid < 0) {
            snprintf(err, errlen, "cannot start a worker process: %s", strerror(errno));
            rc = REMOUS_ERR_RUN;
            break;
        }
        if (pid == 0) {                              /* the next unit not taken, each on this process */
            rm_progress mine;
            rm_progress_start(&mine, 0, 0);
            mine.tick = count_units;
            mine.tick_ctx = &done[p];
            for (long i; (i = claim(sh)) < n;) {     /* (the lowest failure is found: see claim) */
                if (i > __atomic_load_n(&sh->stop_after, __ATOMIC_RELAXED))
                    break;                           /* a unit before it failed */
                __atomic_store_n(&sh->at[p], (int)i, __ATOMIC_RELAXED);
                char message[1024];
                int status = unit(ctx, i, 1, width ? shared + (size_t)i * width : NULL, &mine, message,
                                  sizeof message);
                if (status != REMOUS_OK) {
                    failed_at(sh, (int)i);
                    fputs(message, messages[p]);
                    fflush(messages[p]);
                    _exit(status);
                }
            }
            _exit(REMOUS_OK);
        }
        pids[p] = pid;
        started++;
    }
    /* as rm_run_reps does: the error said is the lowest failing unit's */
    int running = started, hard = rc != REMOUS_OK, failed_unit = INT_MAX;
    while (running > 0) {
        long sum = 0;
        for (int p = 0; p < started; p++) {
            sum += __atomic_load_n(&done[p], __ATOMIC_RELAXED);
            if (!pids[p])
                continue;
            int status;
            if (waitpid(pids[p], &status, WNOHANG) != pids[p])
                continue;
            pids[p] = 0;
            running--;
            if (hard || (WIFEXITED(status) && WEXITSTATUS(status) == REMOUS_OK))
                continue;
            if (WIFSIGNALED(status)) {
                if (rc == REMOUS_OK) {               /* not one we stopped */
                    snprintf(err, errlen, "a worker process died (signal %d)", WTERMSIG(status));
                    rc = REMOUS_ERR_RUN, hard = 1;
                }
                continue;
            }
            int at = __atomic_load_n(&sh->at[p], __ATOMIC_RELAXED);
            if (rc != REMOUS_OK && at >= failed_unit)
                continue;
            failed_unit = at;
            rc = WEXITSTATUS(status) == REMOUS_ERR_INPUT ? REMOUS_ERR_INPUT : REMOUS_ERR_RUN;
            rewind(messages[p]);
            if (!fgets(err, (int)errlen, messages[p]))
                snprintf(err, errlen, "a worker stopped without saying why");
        }
        if (rc == REMOUS_OK && rm_progress_show(progress, progress->done + sum, 0) < 0) {
            snprintf(err, errlen, "cancelled");
            rc = REMOUS_ERR_RUN, hard = 1;
        }
        /* stop the workers whose work no longer counts: all after a hard
         * failure (a death, a cancel), those past the lowest failed unit */
        int stop_after = __atomic_load_n(&sh->stop_after, __ATOMIC_RELAXED);
        for (int q = 0; rc != REMOUS_OK && q < started; q++)
            if (pids[q] && (hard || __atomic_load_n(&sh->at[q], __ATOMIC_RELAXED) > stop_after))
                kill(pids[q], SIGKILL);
        if (running > 0)
            nanosleep(&(struct timespec){0, 5000000}, NULL);
        else
            progress->done += sum;
    }
    for (long i = 0; rc == REMOUS_OK && width && i < n; i++)
        memcpy(into[i], shared + (size_t)i * width, width * sizeof(double));
    if (sh != MAP_FAILED)
        munmap(sh, shared_size);
    let_go(messages, procs, pids, shared, bytes);
    return rc;
}
