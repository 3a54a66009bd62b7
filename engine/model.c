/* The compiled model: derived fields and cleanup, see model.h. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Marks step `step` and every step an item can go on to from it (its
 * route, every route a tool gives it, a tool's fallback; a route decided
 * by a function: any step) in seen[]. */
static void reach_from(const rm_model *m, int step, unsigned char *seen, int *stack) {
    int n = 0;
    if (step >= 0 && !seen[step])
        seen[step] = 1, stack[n++] = step;
    while (n > 0) {
        const rm_activity *act = &m->activities[stack[--n]];
        for (int k = -1; k < act->nalts; k++) {
            const rm_next *next = k < 0 ? &act->next : &act->alts[k].next;
            int count = next->kind == RM_NEXT_STEP ? 1 : next->kind == RM_NEXT_TABLE ? next->n : m->nactivities;
            for (int j = 0; j < count; j++) {
                int to = next->kind == RM_NEXT_STEP ? next->step : next->kind == RM_NEXT_TABLE ? next->steps[j] : j;
                if (to >= 0 && !seen[to])
                    seen[to] = 1, stack[n++] = to;
            }
        }
        if (act->tool >= 0) {
            int to = m->tools[act->tool].fallback;
            if (to >= 0 && !seen[to])
                seen[to] = 1, stack[n++] = to;
        }
    }
}

/* rm_queue.holds: the steps a stream of people (not a task's) can reach. */
static int what_queues_hold(rm_model *m) {
    unsigned char *seen = calloc((size_t)m->nactivities + 1, 1);
    int *stack = malloc(((size_t)m->nactivities + 1) * sizeof(int));
    if (!seen || !stack) {
        free(seen);
        free(stack);
        return -1;
    }
    for (int s = 0; s < m->narrivals; s++) {
        const rm_arrivals *st = &m->arrivals[s];
        if (st->hidden)
            continue;
        reach_from(m, st->to, seen, stack);
        for (int k = 0; k < st->nalts; k++)
            reach_from(m, st->alt_to[k], seen, stack);
    }
    for (int q = 0; q < m->nqueues; q++) {
        int people = 0, trays = 1;
        for (int a = 0; a < m->nactivities; a++)
            if (m->activities[a].queue == q) {
                people |= seen[a];
                trays &= m->activities[a].no_patience;
            }
        m->queues[q].holds = !people ? RM_HOLDS_TASKS : trays ? RM_HOLDS_FORMS : RM_HOLDS_PEOPLE;
    }
    free(seen);
    free(stack);
    return 0;
}

int rm_queue_holds(const rm_model *m, const char *name) {
    for (int q = 0; m && name && q < m->nqueues; q++)
        if (strcmp(m->queues[q].name, name) == 0)
            return m->queues[q].holds;
    return -1;
}

int rm_model_finish(rm_model *m) {
    m->npeople = 0;
    for (int r = 0; r < m->nroles; r++) {
        m->roles[r].first_person = m->npeople;
        m->npeople += m->roles[r].count;
    }
    m->person_role = malloc(((size_t)m->npeople + 1) * sizeof(int));
    if (!m->person_role)
        return -1;
    for (int r = 0; r < m->nroles; r++)
        for (int i = 0; i < m->roles[r].count; i++)
            m->person_role[m->roles[r].first_person + i] = r;

    /* Each role looks at the queues that feed a step it can do. */
    for (int r = 0; r < m->nroles; r++) {
        rm_role *role = &m->roles[r];
        role->queues = malloc(((size_t)m->nqueues + 1) * sizeof(int));
        if (!role->queues)
            return -1;
        role->nqueues = 0;
        for (int q = 0; q < m->nqueues; q++) {
            int feeds = 0;
            for (int a = 0; a < m->nactivities && !feeds; a++) {
                const rm_activity *act = &m->activities[a];
                if (act->queue != q)
                    continue;
                for (int k = 0; k < act->nroles; k++)
                    if (act->roles[k] == r)
                        feeds = 1;
            }
            if (feeds)
                role->queues[role->nqueues++] = q;
        }
    }

    /* A queue closes when every role that serves it goes home at times. */
    for (int q = 0; q < m->nqueues; q++) {
        int served = 0, always = 0;
        for (int r = 0; r < m->nroles; r++)
            for (int k = 0; k < m->roles[r].nqueues; k++)
                if (m->roles[r].queues[k] == q) {
                    served = 1;
                    always |= m->roles[r].calendar < 0;
                }
        m->queues[q].closes = served && !always;
    }

    /* A queue is shared when the steps it feeds do not all have the same
     * roles: its head may then block people of another role. */
    for (int q = 0; q < m->nqueues; q++) {
        const rm_activity *first = NULL;
        m->queues[q].shared = 0;
        for (int a = 0; a < m->nactivities; a++) {
            const rm_activity *act = &m->activities[a];
            if (act->queue != q)
                continue;
            if (!first)
                first = act;
            else if (act->nroles != first->nroles ||
                     memcmp(act->roles, first->roles, (size_t)act->nroles * sizeof(int)) != 0)
                m->queues[q].shared = 1;
        }
    }

    if (what_queues_hold(m) < 0)
        return -1;

    m->max_attrs = 0;
    m->has_hooks = 0;
    for (int s = 0; s < m->narrivals; s++) {
        if (m->arrivals[s].nattrs > m->max_attrs)
            m->max_attrs = m->arrivals[s].nattrs;
        if (m->arrivals[s].priority_hook)
            m->has_hooks = 1;
    }
    m->has_interruptible = 0;
    for (int a = 0; a < m->nactivities; a++) {
        if (m->activities[a].duration.hook || m->activities[a].next.kind == RM_NEXT_HOOK)
            m->has_hooks = 1;
        if (m->activities[a].interruptible)
            m->has_interruptible = 1;
        for (int k = 0; k < m->activities[a].nalts; k++)
            if (m->activities[a].alts[k].next.kind == RM_NEXT_HOOK)
                m->has_hooks = 1;
    }
    m->has_uptake = 0;
    for (int t = 0; t < m->ntools; t++) {
        rm_tool *tool = &m->tools[t];
        m->has_uptake |= tool->has_uptake;
        tool->routes = tool->staffed = 0;
        for (int a = 0; a < m->nactivities; a++) {
            for (int k = 0; k < m->activities[a].nalts; k++)
                tool->routes += m->activities[a].alts[k].tool == t;
            if (m->activities[a].tool == t && m->activities[a].nroles > 0)
                tool->staffed = 1;
        }
        for (int s = 0; s < m->narrivals; s++)
            for (int k = 0; k < m->arrivals[s].nalts; k++)
                tool->routes += m->arrivals[s].alt_tool[k] == t;
    }
    return 0;
}

static void free_dist(rm_dist *d) { free(d->values); }

void rm_model_free(rm_model *m) {
    if (!m)
        return;
    /* a model whose reading ran out of memory has counts without arrays:
     * every loop checks its array */
    for (int r = 0; m->roles && r < m->nroles; r++) {
        free(m->roles[r].name);
        free(m->roles[r].label);
        free(m->roles[r].queues);
        free_dist(&m->roles[r].absence_every);
        free_dist(&m->roles[r].absence_lasts);
    }
    for (int q = 0; m->queues && q < m->nqueues; q++) {
        free(m->queues[q].name);
        free(m->queues[q].label);
    }
    for (int a = 0; m->activities && a < m->nactivities; a++) {
        rm_activity *act = &m->activities[a];
        free(act->name);
        free(act->label);
        free(act->roles);
        free_dist(&act->duration.dist);
        free(act->next.steps);
        free(act->next.cum);
        for (int k = 0; act->alts && k < act->nalts; k++) {
            free(act->alts[k].next.steps);
            free(act->alts[k].next.cum);
        }
        free(act->alts);
    }
    for (int s = 0; m->arrivals && s < m->narrivals; s++) {
        rm_arrivals *st = &m->arrivals[s];
        free(st->name);
        free(st->label);
        free_dist(&st->interarrival);
        free_dist(&st->patience);
        for (int i = 0; st->attrs && i < st->nattrs; i++) {
            rm_attribute *at = &st->attrs[i];
            free(at->name);
            free_dist(&at->dist);
            if (at->choices)
                for (size_t c = 0; c < at->dist.nvalues; c++)
                    free(at->choices[c]);
            free(at->choices);
        }
        free(st->attrs);
        rm_profile_free(&st->profile);
        free(st->points);
        free(st->alt_tool);
        free(st->alt_to);
    }
    for (int c = 0; m->calendars && c < m->ncalendars; c++)
        rm_profile_free(&m->calendars[c]);
    free(m->calendars);
    for (int t = 0; m->tools && t < m->ntools; t++) {
        free(m->tools[t].name);
        free(m->tools[t].adoption);
        free(m->tools[t].label);
        free_dist(&m->tools[t].down_every);
        free_dist(&m->tools[t].down_lasts);
    }
    free(m->tools);
    for (int k = 0; m->derived && k < m->nderived; k++) {
        free(m->derived[k].name);
        free(m->derived[k].label);
        free(m->derived[k].unit);
    }
    free(m->derived);
    for (int k = 0; k < m->nkinds; k++) {
        if (m->kinds)
            free(m->kinds[k]);
        if (m->kind_labels)
            free(m->kind_labels[k]);
        if (m->kind_groups)
            free(m->kind_groups[k]);
    }
    free(m->kind_labels);
    free(m->kind_groups);
    for (int k = 0; m->mission && k < m->nmission; k++)
        free(m->mission[k]);
    free(m->mission);
    for (int p = 0; m->params && p < m->nparams; p++) {
        free(m->params[p].name);
        free(m->params[p].value);
        free(m->params[p].source);
        free(m->params[p].label);
    }
    free(m->roles);
    free(m->queues);
    free(m->activities);
    free(m->arrivals);
    free(m->kinds);
    free(m->params);
    free(m->person_role);
    free(m->name);
    free(m->label);
    free(m->description);
    free(m->variant_label);
    free(m->unit);
    free(m->currency);
    free(m);
}
