/* The event log of one replication (remous trace): one row per step an item
 * completes, for process-mining tools (PM4Py, ...): case_id, activity,
 * resource, start, end, then the item's arrival stream and attributes.
 * Times are ISO 8601, counted from Monday 2024-01-01 00:00 at the
 * scenario's start, so that a tool reads them as dates. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "results.h"

typedef struct trace {
    rm_csv out;
    const rm_model *m;
    const char **attr_names;  /* the union of the streams' attributes, sorted */
    int nattrs;
} trace;

/* Civil date of a day count from 1970-01-01 (H. Hinnant's algorithm). */
static void civil(long z, int *y, int *mo, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *mo = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*mo <= 2));
}

/* Simulation time t as "2024-01-02T09:10:00" (milliseconds when needed). */
static void iso_time(char *buf, size_t len, const rm_model *m, double t) {
    double seconds = (t + m->start) * m->unit_seconds;
    double ms = floor(seconds * 1000 + 0.5);
    long whole = (long)floor(ms / 1000);
    int milli = (int)(ms - (double)whole * 1000);
    long days = whole / 86400, rest = whole % 86400;
    int y, mo, d;
    civil(19723 + days, &y, &mo, &d);             /* 19723: 2024-01-01, a Monday */
    if (milli)
        snprintf(buf, len, "%04d-%02d-%02dT%02ld:%02ld:%02ld.%03d", y, mo, d, rest / 3600, rest / 60 % 60,
                 rest % 60, milli);
    else
        snprintf(buf, len, "%04d-%02d-%02dT%02ld:%02ld:%02ld", y, mo, d, rest / 3600, rest / 60 % 60, rest % 60);
}

static int step_done(void *ctx, const rm_item_view *item, int activity, int person, double start, double end) {
    trace *tr = ctx;
    const rm_model *m = tr->m;
    char buf[600];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)item->id);
    rm_csv_field(&tr->out, buf);
    rm_csv_field(&tr->out, m->activities[activity].name);
    if (person >= 0) {
        int r = m->person_role[person];
        snprintf(buf, sizeof buf, "%s#%d", m->roles[r].name, person - m->roles[r].first_person + 1);
        rm_csv_field(&tr->out, buf);
    } else {
        rm_csv_field(&tr->out, "");
    }
    iso_time(buf, sizeof buf, m, start);
    rm_csv_field(&tr->out, buf);
    iso_time(buf, sizeof buf, m, end);
    rm_csv_field(&tr->out, buf);
    const rm_arrivals *st = &m->arrivals[item->arrivals];
    rm_csv_field(&tr->out, st->name);
    for (int k = 0; k < tr->nattrs; k++) {
        const rm_attribute *at = NULL;
        int j = 0;
        for (; j < st->nattrs && !at; j++)
            if (strcmp(st->attrs[j].name, tr->attr_names[k]) == 0)
                at = &st->attrs[j];
        if (!at) {
            rm_csv_field(&tr->out, "");
            continue;
        }
        double v = item->attrs[j - 1];
        if (at->type == RM_ATTR_BOOLEAN)
            rm_csv_field(&tr->out, v != 0 ? "true" : "false");
        else if (at->type == RM_ATTR_CHOICE)
            rm_csv_field(&tr->out, at->choices[(size_t)v]);
        else
            rm_csv_number(&tr->out, v);
    }
    rm_csv_end_row(&tr->out);
    return tr->out.failed ? -1 : 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int remous_trace(remous_scenario *sc, const char *variant, const char *path, char *err, size_t errlen) {
    int v = 0;
    while (v < sc->nmodels && strcmp(sc->variants[v], variant) != 0)
        v++;
    if (v == sc->nmodels || !sc->models[v]) {   /* the same message as run's */
        remous_results *none = NULL;
        return remous_run_variant(sc, variant, &none, err, errlen);
    }
    const rm_model *m = sc->models[v];
    trace tr = {.m = m};
    int total = 0;
    for (int s = 0; s < m->narrivals; s++)
        total += m->arrivals[s].nattrs;
    tr.attr_names = calloc((size_t)total + 1, sizeof *tr.attr_names);
    rm_sim *sim = rm_sim_new(m, &sc->hooks, m->horizon);
    if (!tr.attr_names || !sim) {
        free(tr.attr_names);
        rm_sim_free(sim);
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (int s = 0; s < m->narrivals; s++)
        for (int k = 0; k < m->arrivals[s].nattrs; k++) {
            int seen = 0;
            for (int j = 0; j < tr.nattrs; j++)
                seen |= strcmp(tr.attr_names[j], m->arrivals[s].attrs[k].name) == 0;
            if (!seen)
                tr.attr_names[tr.nattrs++] = m->arrivals[s].attrs[k].name;
        }
    qsort(tr.attr_names, (size_t)tr.nattrs, sizeof *tr.attr_names, by_name);

    /* the file: its folder and name for the temporary-then-rename writer */
    char dir[4096] = ".";
    const char *name = strrchr(path, '/');
    if (name) {
        snprintf(dir, sizeof dir, "%.*s", (int)(name - path), path);
        if (!dir[0])
            snprintf(dir, sizeof dir, "/");
        name++;
    } else {
        name = path;
    }
    int rc = REMOUS_OK;
    if (rm_csv_open(&tr.out, dir, name, err, errlen) < 0) {
        rc = REMOUS_ERR_RUN;
    } else {
        const char *header[] = {"case_id", "activity", "resource", "start", "end", "arrivals"};
        for (int k = 0; k < 6; k++)
            rm_csv_field(&tr.out, header[k]);
        for (int k = 0; k < tr.nattrs; k++)
            rm_csv_field(&tr.out, tr.attr_names[k]);
        rm_csv_end_row(&tr.out);
        rm_sim_observe(sim, step_done, &tr);
        if (m->has_hooks)                        /* a hook inside one long C call */
            rm_hook_watchdog(1, tr.out.tmp);
        int ran = rm_sim_run(sim, sc->seed, 1);
        rm_hook_watchdog(0, NULL);
        if (ran < 0) {
            snprintf(err, errlen, "%s", tr.out.failed ? "cannot write the event log" : rm_sim_error(sim));
            fclose(tr.out.f);                    /* no half-written log */
            remove(tr.out.tmp);
            rc = REMOUS_ERR_RUN;
        } else if (rm_csv_close(&tr.out, err, errlen) < 0) {
            rc = REMOUS_ERR_RUN;
        }
    }
    rm_sim_free(sim);
    free(tr.attr_names);
    return rc;
}
