/* Random streams: xoshiro256** seeded through splitmix64.
 *
 * Every random source of a model (an arrivals stream, an activity's
 * durations, ...) owns one stream, seeded from (seed, replication, name), so
 * that adding an element never shifts the numbers another element sees. */
#ifndef RM_RNG_H
#define RM_RNG_H

#include <math.h>
#include <stdint.h>

typedef struct rm_rng {
    uint64_t s[4];
} rm_rng;

/* One step of splitmix64: advances *x and returns the next output. */
uint64_t rm_splitmix64(uint64_t *x);

/* Seeds r from a 64-bit value (the four words are splitmix64 outputs). */
void rm_rng_seed(rm_rng *r, uint64_t seed);

/* Seeds r for the source called name in replication rep of a run with the
 * given seed. Different names give independent streams. */
void rm_rng_stream(rm_rng *r, uint64_t seed, uint64_t rep, const char *name);
/* The same, from rm_hash_name(name) computed once. */
void rm_rng_stream_hashed(rm_rng *r, uint64_t seed, uint64_t rep, uint64_t name_hash);

/* FNV-1a 64-bit hash of a NUL-terminated string. */
uint64_t rm_hash_name(const char *name);

static inline uint64_t rm_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* The next 64 random bits (xoshiro256**, Blackman and Vigna 2018). */
static inline uint64_t rm_rng_next(rm_rng *r) {
    uint64_t *s = r->s;
    uint64_t result = rm_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rm_rotl(s[3], 45);
    return result;
}

/* A uniform double in [0, 1), 53 random bits. */
static inline double rm_rng_uniform(rm_rng *r) {
    return (double)(rm_rng_next(r) >> 11) * 0x1.0p-53;
}

/* -log(1 - u) for u uniform in [0, 1): an exponential draw of mean 1. 1 - u
 * is exact (u is a multiple of 2^-53), and glibc's log is about 2.5 times
 * cheaper than its log1p, which computes the same number. */
static inline double rm_rng_exp1(rm_rng *r) {
    return -log(1.0 - rm_rng_uniform(r));
}

#endif
