/*
 * plain_mm3.c - the fastest plain C event loop we can write for M/M/3 FIFO
 * at load 0.85: the reference `make bench` measures remous against.
 *
 * What makes it fast (each measured; keep them when editing):
 * - events are 16 bytes ({time, type}) in a binary heap by value, and the
 *   event being handled is replaced at the top when it schedules its
 *   successor (one sift down instead of a pop and a push);
 * - no tie-breaking sequence: with continuous times, ties have probability 0;
 * - xoshiro256** inline, exponentials as -mean * log(u) with u in (0, 1]
 *   (log is about 2.5x cheaper than log1p in glibc);
 * - the waiting line is a ring buffer of arrival times (FIFO needs no heap);
 * - the only statistic is the sum of waits, the least a simulation keeps.
 * It is built with the same compiler and flags as remous.
 *
 * Usage: plain_mm3 [EVENTS]   (default 20000000)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ARRIVAL, SERVICE_END };
typedef struct { double t; int type; } Event;
typedef struct { uint64_t s[4]; } Rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static void rng_seed(Rng *r, uint64_t seed) {
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&seed);
}
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t rng_next(Rng *r) { /* xoshiro256** */
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = rotl(s[3], 45);
    return out;
}
static inline double expo(Rng *r, double mean) {
    double u = (double)((rng_next(r) >> 11) + 1) * 0x1.0p-53;   /* (0, 1] */
    return -mean * log(u);
}

/* Calendar: binary min-heap of events by time. */
static Event heap[8]; static size_t hn;   /* at most 1 arrival + 3 service ends */
static inline void sift_down(size_t i, Event e) {
    size_t c;
    while ((c = 2 * i + 1) < hn) {
        if (c + 1 < hn && heap[c + 1].t < heap[c].t) c++;
        if (!(heap[c].t < e.t)) break;
        heap[i] = heap[c]; i = c;
    }
    heap[i] = e;
}
static inline void push(double t, int type) {
    Event e = { t, type };
    size_t i = hn++;
    while (i > 0 && e.t < heap[(i - 1) / 2].t) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
    heap[i] = e;
}
static inline void replace_top(double t, int type) { Event e = { t, type }; sift_down(0, e); }
static inline void pop_top(void) { Event last = heap[--hn]; if (hn) sift_down(0, last); }

/* FIFO waiting line: growable ring buffer of arrival times (capacity 2^k). */
static double *q; static size_t qhead, qlen, qcap;
static void q_push(double t) {
    if (qlen == qcap) {
        size_t ncap = qcap ? 2 * qcap : 1024;
        double *nq = malloc(ncap * sizeof *nq);
        if (!nq) exit(1);
        for (size_t i = 0; i < qlen; i++) nq[i] = q[(qhead + i) & (qcap - 1)];
        free(q); q = nq; qcap = ncap; qhead = 0;
    }
    q[(qhead + qlen++) & (qcap - 1)] = t;
}
static inline double q_pop(void) { double t = q[qhead]; qhead = (qhead + 1) & (qcap - 1); qlen--; return t; }

int main(int argc, char **argv) {
    const double mean_ia = 1.0, mean_svc = 3 * 0.85;
    const int servers = 3;
    long long n_events = argc > 1 ? atoll(argv[1]) : 20000000LL;
    Rng arr, svc;
    rng_seed(&arr, 0x1234567u);
    rng_seed(&svc, 0x89ABCDEFu);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int busy = 0;
    double wait_sum = 0.0; long long started = 0, done = 0;
    push(expo(&arr, mean_ia), ARRIVAL);
    while (done < n_events) {
        Event e = heap[0];
        done++;
        if (e.type == ARRIVAL) {
            replace_top(e.t + expo(&arr, mean_ia), ARRIVAL);
            if (busy < servers) { busy++; started++; push(e.t + expo(&svc, mean_svc), SERVICE_END); }
            else q_push(e.t);
        } else if (qlen > 0) {           /* the server goes straight to the next customer */
            wait_sum += e.t - q_pop(); started++;
            replace_top(e.t + expo(&svc, mean_svc), SERVICE_END);
        } else { busy--; pop_top(); }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);

    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("plain_mm3 events=%lld seconds=%.3f events_per_sec=%.0f mean_wait=%.4f\n",
           done, secs, secs > 0 ? (double)done / secs : 0.0, started ? wait_sum / (double)started : 0.0);
    free(q);
    return 0;
}
