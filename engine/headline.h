/* The headline of a variant: at most five sentences a team can read aloud,
 * one per concern, each backed by a real change of the comparison (or
 * saying "no real change" for the work the organization exists for, and
 * for the cost of a scenario that gives costs: the team asked about them).
 * When all six concerns speak, the cost's "no real change" gives way
 * first, else the new work. It reads the paired comparison (rm_delta rows) and
 * the runs' summaries; it never re-runs or recomputes a statistic. The
 * digest (digest.c) is the full list; this is what a team hears first. */
#ifndef RM_HEADLINE_H
#define RM_HEADLINE_H

#include <stdio.h>

#include "results.h"

/* The concerns, in the order the headline speaks of them. */
typedef enum {
    RM_HL_PUBLIC,             /* the people who come: an arrivals stream */
    RM_HL_STAFF,              /* the people who work: a role */
    RM_HL_MISSION,            /* the work the organization exists for */
    RM_HL_NEW_WORK,           /* the tool's steps and kinds that did not exist */
    RM_HL_ONE_PERSON,         /* a step that comes to depend on one person */
    RM_HL_COST,               /* what it costs a month, all in, and the value lost */
    RM_HL_CONCERNS
} rm_hl_concern;

/* One sentence and the figure that goes with it on the workshop's wall:
 * `what` ("readers walking in: wait"), `before` and `after` ("1.9", "3.2
 * minutes": before has no unit when it is after's; "" for new work). All
 * owned. */
typedef struct rm_headline {
    rm_hl_concern concern;
    char *sentence;           /* capitalised, with its full stop */
    char *what, *before, *after;
} rm_headline;

/* The headline of variant v (1 <= v < cmp->n) in lang ("en" or "fr"):
 * returns how many sentences (0..5) into *out (free with
 * rm_headline_free), -1 when out of memory (*out is then NULL). */
int rm_headline_of(const rm_comparison *cmp, int v, const char *lang, rm_headline **out);

void rm_headline_free(rm_headline *h, int n);

/* Whether a row of the comparison is a real change: the one place the
 * headline decides it (today the 95% interval excludes 0). */
int rm_headline_is_real(const rm_delta *d);

/* The headline of every variant of cmp as an HTML section (with its
 * styles) into f, in lang; with `figures`, each sentence's figure too,
 * baseline -> variant, in large type (the workshop's wall). Nothing when
 * cmp has no variant. */
void rm_headline_html(FILE *f, const rm_comparison *cmp, const char *lang, int figures);

/* A number as a person says it, into buf: two significant digits (3.2, 46,
 * 1,200; 0.35 below 1), a decimal comma and a space between thousands in
 * French. Returns buf. */
const char *rm_say_number(double v, const char *lang, char *buf, size_t len);

/* Whether a unit after the figure v is singular in lang (English: for 1
 * only; French: below 2, number.singular_below_two). */
int rm_say_singular(double v, const char *lang);
/* "replication" or "replications" after n, as lang agrees it. */
const char *rm_replications_word(double n, const char *lang);

/* The same for a figure as written in lang ("1", "1,5", "−1", "1 200",
 * "1.0 minutes": the figure at its start; a sign before it skipped). */
int rm_said_singular(const char *said, const char *lang);

#endif
