/*
 * plain_mm3.c - hand-written C event loop for an M/M/3 FIFO queue (rho = 0.85).
 *
 * This is the reference point for `make bench`: the same model the engine runs,
 * written as directly as possible (binary-heap calendar of events stored by
 * value, xoshiro256** streams, ring-buffer queue). Its events/sec is the
 * practical speed limit the engine can be compared against.
 *
 * Usage: plain_mm3 [EVENTS]   (default 20000000)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ARRIVAL, SERVICE_END };
typedef struct { double t; uint64_t seq; int type; } Event;
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
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t rng_next(Rng *r) { /* xoshiro256** */
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = rotl(s[3], 45);
    return out;
}
static double expo(Rng *r, double mean) {
    double u = (double)(rng_next(r) >> 11) * 0x1.0p-53;
    return -mean * log1p(-u);
}

/* Calendar: binary min-heap ordered by (time, insertion sequence). */
static Event *heap; static size_t hn, hcap; static uint64_t seq;
static int before(const Event *a, const Event *b) {
    return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}
static void schedule(double t, int type) {
    if (hn == hcap) { hcap = hcap ? 2 * hcap : 16; heap = realloc(heap, hcap * sizeof *heap); }
    Event e = { t, seq++, type };
    size_t i = hn++;
    while (i > 0 && before(&e, &heap[(i - 1) / 2])) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
    heap[i] = e;
}
static Event pop(void) {
    Event top = heap[0], last = heap[--hn];
    size_t i = 0, c;
    while ((c = 2 * i + 1) < hn) {
        if (c + 1 < hn && before(&heap[c + 1], &heap[c])) c++;
        if (!before(&heap[c], &last)) break;
        heap[i] = heap[c]; i = c;
    }
    heap[i] = last;
    return top;
}

/* FIFO waiting line: growable ring buffer of arrival times (capacity 2^k). */
static double *q; static size_t qhead, qlen, qcap;
static void q_push(double t) {
    if (qlen == qcap) {
        size_t ncap = qcap ? 2 * qcap : 1024;
        double *nq = malloc(ncap * sizeof *nq);
        for (size_t i = 0; i < qlen; i++) nq[i] = q[(qhead + i) & (qcap - 1)];
        free(q); q = nq; qcap = ncap; qhead = 0;
    }
    q[(qhead + qlen++) & (qcap - 1)] = t;
}
static double q_pop(void) { double t = q[qhead]; qhead = (qhead + 1) & (qcap - 1); qlen--; return t; }

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
    schedule(expo(&arr, mean_ia), ARRIVAL);
    while (done < n_events && hn > 0) {
        Event e = pop();
        done++;
        if (e.type == ARRIVAL) {
            schedule(e.t + expo(&arr, mean_ia), ARRIVAL);
            if (busy < servers) { busy++; started++; schedule(e.t + expo(&svc, mean_svc), SERVICE_END); }
            else q_push(e.t);
        } else if (qlen > 0) { /* server goes straight to the next customer */
            wait_sum += e.t - q_pop(); started++;
            schedule(e.t + expo(&svc, mean_svc), SERVICE_END);
        } else busy--;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);

    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("plain_mm3 events=%lld seconds=%.3f events_per_sec=%.0f mean_wait=%.4f\n",
           done, secs, secs > 0 ? (double)done / secs : 0.0, started ? wait_sum / (double)started : 0.0);
    free(heap); free(q);
    return 0;
}
