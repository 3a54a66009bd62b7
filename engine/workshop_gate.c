/* The workshop's gate: which requests are let in, and how long each
 * connection may take (see workshop_gate.h). */
#include "workshop_gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* ------------------------------------------------------------ requests -- */

/* host is name:port, or name alone on port 80 (browsers leave the default
 * port out), the name in any case. */
static int names(const char *host, const char *name, int port) {
    size_t n = strlen(name);
    if (strncasecmp(host, name, n) != 0)
        return 0;
    if (host[n] == '\0')
        return port == 80;
    char suffix[16];
    snprintf(suffix, sizeof suffix, ":%d", port);
    return strcmp(host + n, suffix) == 0;
}

int rm_gate_loopback_host(const char *host, const char *listen, int port) {
    if (!host || port <= 0)
        return 0;
    const char *loopback[] = {"127.0.0.1", "localhost", "[::1]"};
    for (size_t i = 0; i < sizeof loopback / sizeof loopback[0]; i++)
        if (names(host, loopback[i], port))
            return 1;
    return listen && names(host, listen, port);
}

int rm_gate_cross_site(const char *host, const char *origin, const char *fetch_site, const char *fetch_mode,
                       const char *fetch_dest) {
    if (origin) {                                  /* "null" too: a sandbox, a file */
        if (!host || strncasecmp(origin, "http://", 7) != 0 || strcasecmp(origin + 7, host) != 0)
            return 1;
    }
    if (fetch_site && strcasecmp(fetch_site, "same-origin") != 0 && strcasecmp(fetch_site, "none") != 0) {
        int followed_link = fetch_mode && strcasecmp(fetch_mode, "navigate") == 0 && fetch_dest &&
                            strcasecmp(fetch_dest, "document") == 0;
        if (!followed_link)                        /* an image, a script, a fetch, a frame */
            return 1;
    }
    return 0;
}

/* --------------------------------------------------------- connections -- */

void rm_gate_init(rm_gate *g, double reading_seconds, double sending_seconds) {
    memset(g, 0, sizeof *g);
    pthread_mutex_init(&g->lock, NULL);
    g->reading_seconds = reading_seconds;
    g->sending_seconds = sending_seconds;
}

void rm_gate_crowd(rm_gate *g, long crowd, double crowded_seconds) {
    g->crowd = crowd;
    g->crowded_seconds = crowded_seconds;
}

rm_gate_conn *rm_gate_open(rm_gate *g, int fd, double now) {
    rm_gate_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->fd = fd;
    c->phase = RM_GATE_READING;
    c->since = now;
    pthread_mutex_lock(&g->lock);
    c->next = g->head;
    if (g->head)
        g->head->prev = c;
    g->head = c;
    g->open++;
    pthread_mutex_unlock(&g->lock);
    return c;
}

void rm_gate_phase(rm_gate *g, rm_gate_conn *c, int phase, double now) {
    if (!c)
        return;
    pthread_mutex_lock(&g->lock);
    c->answered += phase == RM_GATE_ANSWERING && c->phase == RM_GATE_READING;
    c->phase = phase;
    c->since = now;
    pthread_mutex_unlock(&g->lock);
}

void rm_gate_close(rm_gate *g, rm_gate_conn *c) {
    if (!c)
        return;
    pthread_mutex_lock(&g->lock);
    if (c->prev)
        c->prev->next = c->next;
    else
        g->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    g->open--;
    pthread_mutex_unlock(&g->lock);
    free(c);
}

long rm_gate_reap(rm_gate *g, double now) {
    long n = 0;
    pthread_mutex_lock(&g->lock);
    double reading_seconds = g->crowd && g->open >= g->crowd ? g->crowded_seconds : g->reading_seconds;
    for (rm_gate_conn *c = g->head; c; c = c->next) {
        if (c->cut || c->phase == RM_GATE_ANSWERING)
            continue;
        int reading = c->phase == RM_GATE_READING;
        if (now - c->since <= (reading ? reading_seconds : g->sending_seconds))
            continue;
        shutdown(c->fd, SHUT_RDWR);                /* the fd stays libmicrohttpd's to close */
        c->cut = 1;
        n++;
        if (!reading)
            g->cut_sending++;
        else if (c->answered)
            g->cut_idle++;
        else
            g->cut_reading++;
    }
    pthread_mutex_unlock(&g->lock);
    return n;
}

void rm_gate_free(rm_gate *g) {
    pthread_mutex_lock(&g->lock);
    rm_gate_conn *c = g->head;
    while (c) {
        rm_gate_conn *next = c->next;
        free(c);
        c = next;
    }
    g->head = NULL;
    pthread_mutex_unlock(&g->lock);
    pthread_mutex_destroy(&g->lock);
}
