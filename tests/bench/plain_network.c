/*
 * plain_network.c - the fastest plain C event loop we can write for the
 * second benchmark model (tests/bench/network.lua): two classes (urgent
 * 0.3, routine 0.5 per unit of time) through reception (2 servers, mean 2,
 * priority), then treatment with probability 0.7 (3 servers, mean 4,
 * priority), then checkout (1 server, mean 1, FIFO); exponential times.
 *
 * Made fast the same way as plain_mm3.c: 16-byte events in a binary heap,
 * replaced at the top when an event schedules its successor, no tie
 * sequence, xoshiro256** inline, -mean * log(u); each priority line is one
 * ring buffer per class (two classes need no heap); the only statistic is
 * the sum of waits per station. Built with remous's compiler and flags.
 *
 * Usage: plain_network [EVENTS]   (default 20000000)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { RECEPTION, TREATMENT, CHECKOUT, STATIONS };
/* type: 0 and 1 an arrival of that class; 2 + 2 * station + class the end
 * of a service at that station for an item of that class */
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
static inline double uniform(Rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }
static inline double expo(Rng *r, double mean) {
    double u = (double)((rng_next(r) >> 11) + 1) * 0x1.0p-53;   /* (0, 1] */
    return -mean * log(u);
}

/* Calendar: binary min-heap of events by time (2 arrivals + 6 services). */
static Event heap[16]; static size_t hn;
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

/* A waiting line of one class: growable ring buffer of arrival times. */
typedef struct { double *t; size_t head, len, cap; } Ring;
static void ring_push(Ring *q, double t) {
    if (q->len == q->cap) {
        size_t ncap = q->cap ? 2 * q->cap : 1024;
        double *nq = malloc(ncap * sizeof *nq);
        if (!nq) exit(1);
        for (size_t i = 0; i < q->len; i++) nq[i] = q->t[(q->head + i) & (q->cap - 1)];
        free(q->t); q->t = nq; q->cap = ncap; q->head = 0;
    }
    q->t[(q->head + q->len++) & (q->cap - 1)] = t;
}
static inline double ring_pop(Ring *q) {
    double t = q->t[q->head]; q->head = (q->head + 1) & (q->cap - 1); q->len--; return t;
}

static const int servers[STATIONS] = { 2, 3, 1 };
static const double mean[STATIONS] = { 2, 4, 1 };
static int busy[STATIONS];
static Ring line[STATIONS][2];     /* checkout keeps both classes in line[CHECKOUT][0]: FIFO */
static Rng svc[STATIONS], arr[2], route;
static double wait_sum[STATIONS];
static long long started[STATIONS];

/* Item of class c reaches station st at time t: served at once by a free
 * server (scheduled by `put`), or waits. */
typedef void put_fn(double t, int type);
static void reach(int st, int c, double t, put_fn *put) {
    if (busy[st] < servers[st]) {
        busy[st]++; started[st]++;
        put(t + expo(&svc[st], mean[st]), 2 + 2 * st + c);
    } else
        ring_push(&line[st][st == CHECKOUT ? 0 : c], t);
}
static void replace_top(double t, int type) { Event e = { t, type }; sift_down(0, e); }
static int top_free;               /* the handled event's slot is still at the top */
static void put_first(double t, int type) {
    if (top_free) { top_free = 0; replace_top(t, type); } else push(t, type);
}

int main(int argc, char **argv) {
    long long n_events = argc > 1 ? atoll(argv[1]) : 20000000LL;
    for (int s = 0; s < STATIONS; s++) rng_seed(&svc[s], 0x51u + (uint64_t)s);
    rng_seed(&arr[0], 0x1234567u); rng_seed(&arr[1], 0x7654321u); rng_seed(&route, 0xabcdefu);
    const double ia[2] = { 1 / 0.3, 2 };

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long long done = 0;
    push(expo(&arr[0], ia[0]), 0);
    push(expo(&arr[1], ia[1]), 1);
    while (done < n_events) {
        Event e = heap[0];
        done++;
        top_free = 1;
        if (e.type < 2) {                        /* an arrival of class c */
            int c = e.type;
            replace_top(e.t + expo(&arr[c], ia[c]), c);
            top_free = 0;
            reach(RECEPTION, c, e.t, put_first);
            continue;
        }
        int st = (e.type - 2) / 2, c = (e.type - 2) % 2;
        /* the server takes the next in line: urgent first, then routine */
        Ring *q = st == CHECKOUT ? &line[st][0] : line[st][0].len ? &line[st][0] : &line[st][1];
        if (q->len) {
            double since = ring_pop(q);
            int qc = q == &line[st][1];           /* (at checkout, the class no longer matters) */
            wait_sum[st] += e.t - since; started[st]++;
            put_first(e.t + expo(&svc[st], mean[st]), 2 + 2 * st + qc);
        } else
            busy[st]--;
        /* the item served moves on */
        if (st == RECEPTION)
            reach(uniform(&route) < 0.7 ? TREATMENT : CHECKOUT, c, e.t, put_first);
        else if (st == TREATMENT)
            reach(CHECKOUT, c, e.t, put_first);
        if (top_free) {                          /* nothing replaced it: remove it */
            Event last = heap[--hn];
            if (hn) sift_down(0, last);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);

    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("plain_network events=%lld seconds=%.3f events_per_sec=%.0f", done, secs, secs > 0 ? (double)done / secs : 0.0);
    for (int s = 0; s < STATIONS; s++)
        printf(" wait%d=%.4f", s, started[s] ? wait_sum[s] / (double)started[s] : 0.0);
    printf("\n");
    return 0;
}
