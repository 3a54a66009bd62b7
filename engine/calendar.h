/* Calendars (opening hours, shifts) and weekly profiles.
 *
 * A profile is a weight over the week, piecewise constant, repeating every
 * week: a calendar is a profile of weight 1 while open; arrival rates that
 * vary by time of day are profiles of the rate (times the calendar's
 * openness). Two questions cover all uses: how much weight lies between two
 * times (working time, busy time inside it), and when a given amount of
 * weight has gone by (the next arrival when interarrival time counts in
 * open time only). Intervals are half-open: open at 09:00, closed at 17:00. */
#ifndef RM_CALENDAR_H
#define RM_CALENDAR_H

#include <stddef.h>

typedef struct rm_segment {
    double start, end;        /* within [0, week) */
    double weight;            /* > 0 */
    double before;            /* the profile's integral over [0, start) */
} rm_segment;

typedef struct rm_profile {
    rm_segment *seg;          /* sorted, disjoint */
    int n;
    double week;              /* a week in the scenario's unit */
    double offset;            /* where t = 0 falls in the week (from Monday 00:00) */
    double per_week;          /* the integral over a whole week */
    int always;               /* weight 1 all the time: the fast path */
    double cap;               /* > 0: overlapping parts do not add beyond it (a calendar: 1) */
} rm_profile;

/* Times within this fraction of a week of a boundary count as on it: a
 * boundary computed as k * week + c - offset may come back an ulp short when
 * c or the offset is not exact in binary (09:10 in hours). */
#define RM_WEEK_EPSILON 1e-12

/* Parses one calendar string ("tue-sat 10:00-19:00", "mon,wed 09:00-12:00,
 * 14:00-17:00", "sat", "always", "mon-fri 22:00-06:00" for a night shift)
 * and adds its open intervals to *p (weight 1). Times are in a day of
 * 24 * 3600 / unit_seconds units. Returns 0, or -1 with a sentence in err. */
int rm_calendar_parse(rm_profile *p, const char *spec, char *err, size_t errlen);

/* Parses points in the week ("mon-sat 18:30", "mon,thu 09:00,14:00") into
 * *times (week offsets, sorted, allocated) and *n. Returns 0 or -1. */
int rm_calendar_parse_points(const char *spec, double week, double **times, int *n,
                             char *err, size_t errlen);

/* Parses a scenario start ("mon 00:00", "tue 10:30") into a week offset. */
int rm_calendar_parse_start(const char *spec, double week, double *offset, char *err, size_t errlen);

/* An empty profile over a week of `week` units, t = 0 at `offset`. */
void rm_profile_init(rm_profile *p, double week, double offset);
/* The profile that is 1 everywhere. */
void rm_profile_always(rm_profile *p, double week);
void rm_profile_free(rm_profile *p);
/* Adds [start, end) (week offsets, end may exceed the week: it wraps) with
 * weight w, adding to what is there. Returns 0 or -1 (out of memory). */
int rm_profile_add(rm_profile *p, double start, double end, double w);
/* The product of a and b (the rate while open) into *out. */
int rm_profile_multiply(const rm_profile *a, const rm_profile *b, rm_profile *out);
/* A copy of a. */
int rm_profile_copy(const rm_profile *a, rm_profile *out);

/* The rate profile that brings, on average, n arrivals on every day that
 * calendar cal opens, spread evenly over that day's open hours whatever
 * their length (n / open hours of that day). A stretch of open time that
 * crosses midnight (a night shift) belongs to the day it starts; a stretch
 * of a whole day or more is cut at midnights. Returns 0 or -1 (memory). */
int rm_profile_per_open_day(const rm_profile *cal, double n, rm_profile *out);
/* The rate profile that brings n arrivals a week over cal's open time. */
int rm_profile_per_open_week(const rm_profile *cal, double n, rm_profile *out);

/* The integral of the weight over [a, b] (simulation times). */
double rm_profile_integral(const rm_profile *p, double a, double b);
/* The earliest t' >= t such that the integral over [t, t'] is `amount`
 * (time stands still while closed: an arrival due after exactly a day's
 * open time comes at closing time, and counts in that day). INFINITY if
 * the weight is 0 all week. */
double rm_profile_advance(const rm_profile *p, double t, double amount);
/* 1 if the weight at t is > 0. */
int rm_profile_open(const rm_profile *p, double t);
/* The first time > t at which the weight changes; INFINITY if never. */
double rm_profile_next_change(const rm_profile *p, double t);

#endif
