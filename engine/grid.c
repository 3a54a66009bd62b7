/* A sweep's grid: ranges FROM:TO:STEP expanded exactly, and a warning
 * when a grid parameter never reaches the swept variant's model. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "scenario.h"

#define MAX_DECIMALS 9

/* A plain decimal ("-0.25", "3", "1.") as its digits: *whole and the
 * number of decimals written. Returns 0, or -1 when it is not one (an
 * exponent, a letter, nothing) or has more than 15 digits. */
static int decimal(const char *s, size_t len, int64_t *whole, int *decimals) {
    size_t i = 0;
    int negative = 0, digits = 0, after = -1;
    int64_t v = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    for (; i < len; i++) {
        if (s[i] == '.' && after < 0) {
            after = 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9' || ++digits > 15)
            return -1;
        v = v * 10 + (s[i] - '0');
        if (after >= 0)
            after++;
    }
    if (digits == 0)
        return -1;
    *whole = negative ? -v : v;
    *decimals = after < 0 ? 0 : after;
    return 0;
}

static int64_t scaled(int64_t whole, int from, int to) {
    for (int d = from; d < to; d++)
        whole *= 10;
    return whole;
}

/* k / 10^decimals, with no trailing zeros: "0.6", "1", "-0.25". */
static void print_scaled(char *buf, size_t len, int64_t k, int decimals) {
    int64_t unit = scaled(1, 0, decimals);
    uint64_t a = k < 0 ? (uint64_t)0 - (uint64_t)k : (uint64_t)k;
    int w = snprintf(buf, len, "%s%llu", k < 0 ? "-" : "", (unsigned long long)(a / (uint64_t)unit));
    uint64_t frac = a % (uint64_t)unit;
    if (frac == 0 || w < 0 || (size_t)w >= len)
        return;
    int places = decimals;
    while (frac % 10 == 0) {
        frac /= 10;
        places--;
    }
    snprintf(buf + w, len - (size_t)w, ".%0*llu", places, (unsigned long long)frac);
}

int rm_grid_range(const char *name, const char *range, const char ***values, int *n, char *err, size_t errlen) {
    const char *c1 = strchr(range, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    int64_t v[3];
    int d[3];
    if (!c1 || !c2 || strchr(c2 + 1, ':') || decimal(range, (size_t)(c1 - range), &v[0], &d[0]) < 0 ||
        decimal(c1 + 1, (size_t)(c2 - c1 - 1), &v[1], &d[1]) < 0 || decimal(c2 + 1, strlen(c2 + 1), &v[2], &d[2]) < 0) {
        snprintf(err, errlen, "--grid %s: expected FROM:TO:STEP in plain decimals, e.g. %s=0.2:1:0.2, got \"%s\"", name,
                 name, range);
        return -1;
    }
    int decimals = 0;
    for (int i = 0; i < 3; i++)
        if (d[i] > decimals)
            decimals = d[i];
    if (decimals > MAX_DECIMALS) {
        snprintf(err, errlen, "--grid %s=%s: at most %d decimals", name, range, MAX_DECIMALS);
        return -1;
    }
    int64_t from = scaled(v[0], d[0], decimals), to = scaled(v[1], d[1], decimals), step = scaled(v[2], d[2], decimals);
    if (step <= 0) {
        snprintf(err, errlen, "--grid %s=%s: the step must be above 0", name, range);
        return -1;
    }
    if (from > to) {
        snprintf(err, errlen, "--grid %s=%s: FROM is above TO: write the smaller first, e.g. %s=%.*s:%.*s:%s", name,
                 range, name, (int)(c2 - c1 - 1), c1 + 1, (int)(c1 - range), range, c2 + 1);
        return -1;
    }
    int64_t count = (to - from) / step + 1;      /* the values FROM + i*STEP <= TO */
    if (count > RM_GRID_MAX_VALUES) {
        snprintf(err, errlen, "--grid %s=%s: %lld values, more than the %ld a grid parameter may have: "
                 "give a larger step", name, range, (long long)count, RM_GRID_MAX_VALUES);
        return -1;
    }
    enum { WIDTH = 40 };
    const char **list = malloc((size_t)count * (sizeof *list + WIDTH));
    if (!list) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char *text = (char *)(list + count);
    for (int64_t i = 0; i < count; i++) {
        char *slot = text + i * WIDTH;
        print_scaled(slot, WIDTH, from + i * step, decimals);
        list[i] = slot;
    }
    *values = list;
    *n = (int)count;
    return 0;
}

/* The signature of the swept model with the grid's first point, the
 * parameter g at value j; 0 when it does not open or cannot be told. */
static uint64_t signature_at(const char *path, const remous_options *opt, const remous_sweep_options *sw, int g,
                             int j) {
    const char *names[512], *vals[512];
    int n = 0;
    for (int i = 0; i < opt->nsets && n < 448; i++, n++) {
        names[n] = opt->set_names[i];
        vals[n] = opt->set_values[i];
    }
    for (int h = 0; h < sw->ngrid; h++, n++) {
        names[n] = sw->grid[h].name;
        vals[n] = sw->grid[h].values[h == g ? j : 0];
    }
    remous_options o = *opt;
    o.set_names = names;
    o.set_values = vals;
    o.set_origins = NULL;
    o.nsets = n;
    o.progress = 0;
    char err[1024];
    remous_scenario *sc = remous_open(path, &o, err, sizeof err);
    if (!sc)
        return 0;
    uint64_t s = 0;
    for (int v = 0; v < sc->nmodels; v++)
        if (strcmp(sc->variants[v], sw->variant ? sw->variant : "baseline") == 0 && sc->models[v])
            s = sc->signatures[v];
    remous_close(sc);
    return s;
}

void rm_grid_warn_unread(const char *path, const remous_options *opt, const remous_sweep_options *sw, FILE *out) {
    if (sw->ngrid < 1 || sw->ngrid > 64)
        return;
    uint64_t first = signature_at(path, opt, sw, 0, 0);
    if (first == 0)
        return;
    for (int g = 0; g < sw->ngrid; g++) {
        int last = sw->grid[g].nvalues < 10 ? sw->grid[g].nvalues - 1 : 9, same = last > 0;
        for (int j = 1; j <= last && same; j++)
            same = signature_at(path, opt, sw, g, j) == first;
        if (!same)
            continue;
        char who[300];
        if (sw->variant)
            snprintf(who, sizeof who, "the variant \"%s\"", sw->variant);
        else
            snprintf(who, sizeof who, "the baseline");
        fprintf(out, "remous: warning: --grid %s: %s never reads it (its model is the same for %s=%s and %s=%s): "
                "every point along it gives the same results; sweep a variant that uses it (--variant), or drop it\n",
                sw->grid[g].name, who, sw->grid[g].name, sw->grid[g].values[0], sw->grid[g].name,
                sw->grid[g].values[last]);
    }
}
