/* The workshop's gate: who may talk to the server and for how long.
 *
 * Which requests are let in (pure functions, no I/O): the Host header on a
 * loopback address (DNS rebinding), and requests from another site's page
 * (Origin, Sec-Fetch-Site).
 *
 * How long a connection may take (a registry of the open connections):
 * libmicrohttpd's timeout is an idle timeout, renewed by every byte, so a
 * client that trickles one byte a second holds its connection for ever.
 * The gate gives each connection a deadline per phase instead: its whole
 * request (headers and any body) within `reading_seconds` of the accept
 * (or of the end of its previous answer, on a kept-alive connection), its
 * answer taken within `sending_seconds` once queued; no deadline while the
 * server works on the answer (a page waiting for its comparison). When the
 * server is crowded (`crowd` connections open or more), a request has only
 * `crowded_seconds`: a real client sends its headers in milliseconds, so
 * the slow ones make room faster than they can come back. A
 * connection past its deadline is shut down (shutdown(2) on its socket:
 * libmicrohttpd then reads the end of the stream and closes it as if the
 * client had left). */
#ifndef RM_WORKSHOP_GATE_H
#define RM_WORKSHOP_GATE_H

#include <pthread.h>

/* ------------------------------------------------------------ requests -- */

/* Whether `host` (the Host header, NULL when absent) names the server on a
 * loopback address `listen` (such as "127.0.0.1"), port `port`: the
 * listen address, 127.0.0.1, localhost or [::1], each with ":port" (or
 * without it on port 80), letters in any case. Anything else, a missing
 * Host included, could be a page of another site whose name was made to
 * point at 127.0.0.1 (DNS rebinding). */
int rm_gate_loopback_host(const char *host, const char *listen, int port);

/* Whether a request comes from a page of another site (each header NULL
 * when absent): an Origin other than "http://" + host, or a Sec-Fetch-Site
 * other than same-origin or none, except for a top-level navigation (a
 * link followed, Sec-Fetch-Mode navigate and Sec-Fetch-Dest document),
 * which is how a shared link is opened. */
int rm_gate_cross_site(const char *host, const char *origin, const char *fetch_site, const char *fetch_mode,
                       const char *fetch_dest);

/* --------------------------------------------------------- connections -- */

enum { RM_GATE_READING, RM_GATE_ANSWERING, RM_GATE_SENDING };

typedef struct rm_gate_conn {
    int fd;
    int phase;
    double since;             /* when the phase began */
    int cut;                  /* shut down already */
    long answered;            /* requests read whole on it */
    struct rm_gate_conn *prev, *next;
} rm_gate_conn;

typedef struct rm_gate {
    pthread_mutex_t lock;
    rm_gate_conn *head;
    double reading_seconds, sending_seconds;
    long crowd;               /* 0: never crowded */
    double crowded_seconds;
    long open;
    long cut_reading;         /* never sent a whole request in time: a slow client */
    long cut_idle;            /* kept alive, no next request in time: as any server does */
    long cut_sending;         /* did not take its answer in time */
} rm_gate;

void rm_gate_init(rm_gate *g, double reading_seconds, double sending_seconds);
/* From `crowd` connections open, the reading deadline is `crowded_seconds`. */
void rm_gate_crowd(rm_gate *g, long crowd, double crowded_seconds);
/* A connection accepted at `now` on socket `fd`: NULL when out of memory. */
rm_gate_conn *rm_gate_open(rm_gate *g, int fd, double now);
void rm_gate_phase(rm_gate *g, rm_gate_conn *c, int phase, double now);
/* Before the socket is closed (so that reap never shuts down a reused fd). */
void rm_gate_close(rm_gate *g, rm_gate_conn *c);
/* Shuts down every connection past its phase's deadline; returns how many. */
long rm_gate_reap(rm_gate *g, double now);
void rm_gate_free(rm_gate *g);

#endif
