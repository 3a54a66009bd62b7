/* Random streams: seeding. The generator itself is inline in rng.h. */
#include "rng.h"

uint64_t rm_splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rm_rng_seed(rm_rng *r, uint64_t seed) {
    for (int i = 0; i < 4; i++)
        r->s[i] = rm_splitmix64(&seed);
}

uint64_t rm_hash_name(const char *name) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

void rm_rng_stream(rm_rng *r, uint64_t seed, uint64_t rep, const char *name) {
    rm_rng_stream_hashed(r, seed, rep, rm_hash_name(name));
}

void rm_rng_stream_hashed(rm_rng *r, uint64_t seed, uint64_t rep, uint64_t name_hash) {
    /* Mix the three keys through splitmix64 so that nearby seeds or
     * replications give unrelated states. */
    uint64_t x = seed;
    uint64_t k = rm_splitmix64(&x);
    x = k ^ rep;
    k = rm_splitmix64(&x);
    x = k ^ name_hash;
    rm_rng_seed(r, rm_splitmix64(&x));
}
