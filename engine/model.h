/* The compiled model: plain C arrays indexed by id, names resolved once.
 * Built by the Lua binding from a scenario, then read-only while it runs
 * (several replications may share one model). */
#ifndef RM_MODEL_H
#define RM_MODEL_H

#include "calendar.h"
#include "dist.h"

#define RM_EXIT (-1)          /* the reserved step that ends a journey */
#define RM_NO_HOOK 0          /* hook ids are > 0 */

typedef enum { RM_FIFO, RM_LIFO, RM_PRIORITY } rm_discipline;

/* Every element has a name (what the scenario and the CSV files use) and a
 * label (what people read: the digest, the table, the pages); a label of
 * "" means none, and people then read the name (see labels.h). */
typedef struct rm_role {
    char *name;
    char *label;              /* "" when none */
    int count;                /* people in the role */
    int first_person;         /* its people are first_person .. first_person+count-1 */
    int *queues;              /* queues feeding a step this role can do, in queue order */
    int nqueues;
    int calendar;             /* index into the model's calendars; -1: always at work */
    int has_absence;          /* each person is absent now and then: */
    rm_dist absence_every;    /*   from the end of an absence to the next */
    rm_dist absence_lasts;    /*   how long one lasts */
    double cost_per_hour;     /* what an hour of its people's paid time costs; < 0: not given */
} rm_role;

typedef struct rm_queue {
    char *name;
    char *label;              /* "" when none; a step's own queue has the step's */
    rm_discipline discipline;
    long capacity;            /* waiting places; -1 = unbounded */
    int shared;               /* fed by steps with different roles (derived) */
    int closes;               /* every role serving it has a calendar: it closes (derived) */
    int holds;                /* what waits there, for the words said of it (derived) */
} rm_queue;

/* What waits in a queue (rm_queue.holds): people, unless no stream of
 * people can reach its steps (a task's occurrences only) or every step it
 * feeds has patience = false (forms in a tray). */
enum { RM_HOLDS_PEOPLE, RM_HOLDS_FORMS, RM_HOLDS_TASKS };

/* A field that is either a distribution or a Lua hook. */
typedef struct rm_sampler {
    rm_dist dist;
    int hook;                 /* > 0: call this hook instead */
} rm_sampler;

typedef enum { RM_NEXT_STEP, RM_NEXT_TABLE, RM_NEXT_HOOK } rm_next_kind;

typedef struct rm_next {
    rm_next_kind kind;
    int step;                 /* RM_NEXT_STEP: an activity or RM_EXIT */
    int n;                    /* RM_NEXT_TABLE: n steps with cumulative probabilities */
    int *steps;
    double *cum;
    int hook;                 /* RM_NEXT_HOOK */
} rm_next;

/* A route a tool's apply changed: the items that use the tool (its uptake)
 * follow it; the others the route before it. */
typedef struct rm_next_alt {
    int tool;                 /* index into the model's tools */
    rm_next next;
} rm_next_alt;

typedef struct rm_activity {
    char *name;
    char *label;              /* "" when none (a task's label is its step's) */
    int *roles;               /* alternative roles, first free in this order */
    int nroles;               /* 0: a pure delay, no queue */
    int queue;                /* where items wait; -1 for a pure delay */
    rm_sampler duration;
    int kind;                 /* index into model kinds */
    rm_next next;             /* the route without the tools that changed it... */
    rm_next_alt *alts;        /* ...and theirs, in the order applied; the last used wins */
    int nalts;
    int interruptible;        /* left for a more urgent item, resumed later */
    double switch_cost;       /* added to the rest of the step at each resumption */
    int no_patience;          /* items waiting for it never give up (patience = false) */
    int resume_anyone;        /* interrupted: back to its queue for anyone of its roles
                                 (resume = "anyone"), not kept by the person (0, "same") */
    int tool;                 /* a tool step: index into the model's tools; -1: none */
} rm_activity;

typedef enum { RM_ATTR_NUMBER, RM_ATTR_BOOLEAN, RM_ATTR_CHOICE } rm_attr_type;

typedef struct rm_attribute {
    char *name;
    rm_dist dist;
    rm_attr_type type;
    char **choices;           /* RM_ATTR_CHOICE: the names, by drawn index */
} rm_attribute;

/* How an arrival stream spaces its arrivals. */
typedef enum {
    RM_GAPS,                  /* interarrival times, in plain time */
    RM_OPEN_GAPS,             /* interarrival times counted in its calendar's open time */
    RM_RATES,                 /* a rate that varies by time of day (and calendar): profile */
    RM_POINTS                 /* at set times of the week (a task): points */
} rm_timing;

typedef struct rm_arrivals {
    char *name;
    char *label;              /* "" when none */
    int has_interarrival;
    rm_dist interarrival;     /* RM_RATES: exponential(1), spread by the profile */
    rm_timing timing;
    rm_profile profile;       /* RM_OPEN_GAPS: the calendar; RM_RATES: rate x calendar */
    double *points;           /* RM_POINTS: week offsets, sorted */
    int npoints;
    int hidden;               /* a task's occurrences: not reported as arrivals */
    int to;                   /* first step, without the tools that changed it... */
    int *alt_tool, *alt_to;   /* ...and theirs (tool index, step), in the order applied */
    int nalts;
    double priority;
    int priority_hook;
    int has_patience;
    rm_dist patience;
    double deadline;          /* < 0: none */
    rm_attribute *attrs;
    int nattrs;
    long limit;               /* -1: none */
    long initial;             /* items waiting at t = 0 */
    double value;             /* what one completed item brings (a sale, a grant); < 0: not given */
} rm_arrivals;

/* A tool a variant brings in: its steps are the activities its apply
 * declared (rm_activity.tool). */
typedef struct rm_tool {
    char *name;
    char *label;              /* "" when none */
    double *adoption;         /* per role: share of its people concerned who use it */
    int has_uptake;           /* items use it with probability uptake(t), drawn per item; */
    double uptake_start, uptake_final, uptake_half_life;   /* else every item does */
    double learning_start;    /* tool steps take this much longer at first... */
    double half_life;         /* ...the excess halving every half_life */
    double training;          /* working time each person concerned spends learning it, at the start */
    int has_downtime;
    rm_dist down_every, down_lasts;
    int fallback;             /* where items go when it is down or not used; RM_NO_STEP: none */
    int routes;               /* routes it changed (derived) */
    int staffed;              /* some role does one of its steps (derived) */
    int has_cost;             /* its cost, when given (see cost.h): */
    double cost_per_month;    /*   a subscription, prorated to the measured period */
    double cost_per_item;     /*   a fee for each item that takes one of its steps */
    double cost_share_of_value;   /* a fee, this share of those items' value */
    double cost_setup;        /*   once, in every replication */
} rm_tool;

#define RM_NO_STEP (-2)

typedef struct rm_param {
    char *name, *value, *source;
    char *label;              /* for people (the workshop page); may be "" */
    int numeric;              /* its default is a number */
    double min, max, step;    /* NaN when not given */
} rm_param;

/* A metric the scenario declares (metric "x" { of = function(r) ... end }):
 * computed by the host from each replication's metrics (rm_hooks.derive),
 * reported as element "metric", name `name`, metric "value". */
typedef struct rm_derived {
    char *name;
    char *label;              /* "" when none */
    char *unit;               /* "share", "time", "count", "people", other words, or "" */
} rm_derived;

typedef struct rm_model {
    char *name;
    char *label;              /* the scenario's label, "" when none */
    char *description;        /* the scenario's description, "" when none: atop the pages */
    char *variant_label;      /* the variant's label; "" when none and for the baseline */
    char *unit;               /* "second", "minute" or "hour" */
    double unit_seconds;      /* 1, 60 or 3600 */
    double horizon, warmup;
    int replications;
    rm_role *roles;           int nroles;
    rm_queue *queues;         int nqueues;
    rm_activity *activities;  int nactivities;
    rm_arrivals *arrivals;    int narrivals;
    char **kinds;             int nkinds;
    char **kind_labels;       /* per kind, from the scenario's `kinds`; "" when none */
    char **kind_groups;       /* per kind, its group there ("" when none): for the report */
    char **mission;           /* the kinds the organization exists for (the scenario's */
    int nmission;             /*   `mission`; some may be absent from this run): the headline */
    rm_param *params;         int nparams;
    rm_profile *calendars;    int ncalendars;
    rm_tool *tools;           int ntools;
    rm_derived *derived;      int nderived;   /* the same in the baseline and every variant */
    double week;              /* a week in the scenario's unit */
    double start;             /* where t = 0 falls in the week, from Monday 00:00 */
    int npeople;
    int *person_role;         /* role of each person */
    int max_attrs;            /* largest nattrs over the arrival streams */
    int has_hooks;
    int has_interruptible;    /* some step is interruptible (derived) */
    int has_uptake;           /* some tool has an uptake (derived) */
    char *currency;           /* the scenario's ISO 4217 code, "" when none */
    int costed;               /* the scenario gives a cost or a value somewhere (in any of
                                 its models): the cost metrics are measured (cost.h) */
} rm_model;

/* What waits in queue `name` of m (rm_queue.holds), -1 when m has none. */
int rm_queue_holds(const rm_model *m, const char *name);

/* Fills the derived fields (first_person, person_role, role queues,
 * max_attrs, has_hooks) once the declared ones are set. Returns 0 or -1 on
 * allocation failure. */
int rm_model_finish(rm_model *m);

/* Whether a replication of m calls Lua: a hook, or a declared metric. Such
 * replications each run in a process forked from the loaded scenario, so
 * that state a function keeps cannot depend on --jobs (parallel.c). */
static inline int rm_model_calls_lua(const rm_model *m) { return m->has_hooks || m->nderived > 0; }

/* Frees everything the model owns, including m itself. NULL is fine. */
void rm_model_free(rm_model *m);

#endif
