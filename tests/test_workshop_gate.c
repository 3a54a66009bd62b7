/* The workshop's gate: the Host names a loopback server answers to, the
 * requests that come from another site's page, and the connections' deadlines
 * (on socket pairs: a connection past its deadline reads the end of its stream). */
#include "testing.h"

#include <sys/socket.h>

#include "workshop_gate.h"

static void a_loopback_server_answers_only_to_loopback_names(void **state) {
    (void)state;
    const char *yes[] = {"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LocalHost:8080", "[::1]:8080"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(rm_gate_loopback_host(yes[i], "127.0.0.1", 8080));
    const char *no[] = {"evil.example:8080", "127.0.0.1:8081", "127.0.0.1", "localhost", "localhost.:8080",
                        "127.0.0.1:8080.evil.example", "127.0.0.1:80800", "127.0.0.1:8080 ", " 127.0.0.1:8080",
                        "localhost:8080@evil.example", "127.1:8080", "0x7f000001:8080", "", "[::1]", "::1:8080",
                        "127.0.0.2:8080", "localhost.evil.example:8080", "127.0.0.1:+8080", "127.0.0.1:08080"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (rm_gate_loopback_host(no[i], "127.0.0.1", 8080))
            fail_msg("Host \"%s\" accepted", no[i]);
    assert_false(rm_gate_loopback_host(NULL, "127.0.0.1", 8080));      /* no Host at all */
    assert_false(rm_gate_loopback_host("127.0.0.1:0", "127.0.0.1", 0)); /* the port not known yet */
    /* on port 80 a browser leaves the port out */
    assert_true(rm_gate_loopback_host("localhost", "127.0.0.1", 80));
    assert_true(rm_gate_loopback_host("127.0.0.1:80", "127.0.0.1", 80));
    /* another loopback address: its own name too */
    assert_true(rm_gate_loopback_host("127.0.0.2:9000", "127.0.0.2", 9000));
    assert_true(rm_gate_loopback_host("localhost:9000", "127.0.0.2", 9000));
    assert_false(rm_gate_loopback_host("127.0.0.3:9000", "127.0.0.2", 9000));
}

static void a_page_of_another_site_is_refused_but_a_link_followed_is_not(void **state) {
    (void)state;
    const char *host = "127.0.0.1:8080";
    /* the page itself: no Origin on a same-origin GET, or its own */
    assert_false(rm_gate_cross_site(host, NULL, NULL, NULL, NULL));
    assert_false(rm_gate_cross_site(host, "http://127.0.0.1:8080", "same-origin", "cors", "empty"));
    assert_false(rm_gate_cross_site(host, NULL, "none", "navigate", "document"));        /* typed, bookmarked */
    assert_false(rm_gate_cross_site(host, NULL, "cross-site", "navigate", "document"));  /* a shared link */
    assert_false(rm_gate_cross_site(host, NULL, "same-site", "navigate", "document"));
    /* another site's page */
    assert_true(rm_gate_cross_site(host, "http://evil.example", NULL, NULL, NULL));
    assert_true(rm_gate_cross_site(host, "null", NULL, NULL, NULL));                     /* a sandbox, a file */
    assert_true(rm_gate_cross_site(host, "http://localhost:8080", NULL, NULL, NULL));    /* another origin */
    assert_true(rm_gate_cross_site(host, "https://127.0.0.1:8080", NULL, NULL, NULL));
    assert_true(rm_gate_cross_site(host, "http://127.0.0.1:8080.evil.example", NULL, NULL, NULL));
    assert_true(rm_gate_cross_site(NULL, "http://127.0.0.1:8080", NULL, NULL, NULL));
    assert_true(rm_gate_cross_site(host, NULL, "cross-site", "no-cors", "image"));
    assert_true(rm_gate_cross_site(host, NULL, "cross-site", "cors", "empty"));
    assert_true(rm_gate_cross_site(host, NULL, "same-site", "no-cors", "script"));
    assert_true(rm_gate_cross_site(host, NULL, "cross-site", "navigate", "iframe"));     /* framed */
    assert_true(rm_gate_cross_site(host, NULL, "cross-site", "navigate", NULL));
    assert_true(rm_gate_cross_site(host, NULL, "cross-site", NULL, "document"));
    assert_true(rm_gate_cross_site(host, NULL, "bogus", NULL, NULL));
    /* a link followed but an Origin of another site (a form posted): refused */
    assert_true(rm_gate_cross_site(host, "http://evil.example", "cross-site", "navigate", "document"));
}

/* Whether the end of the stream can be read at once on s. */
static int ended(int s) {
    char byte;
    return recv(s, &byte, 1, MSG_DONTWAIT) == 0;
}

static void connections_past_their_deadline_are_shut_down(void **state) {
    (void)state;
    rm_gate g;
    rm_gate_init(&g, 5.0, 60.0);
    int reading[2], answering[2], sending[2], kept[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, reading), 0);
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, answering), 0);
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sending), 0);
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, kept), 0);
    rm_gate_conn *r = rm_gate_open(&g, reading[0], 100.0);
    rm_gate_conn *a = rm_gate_open(&g, answering[0], 100.0);
    rm_gate_conn *s = rm_gate_open(&g, sending[0], 100.0);
    rm_gate_conn *k = rm_gate_open(&g, kept[0], 100.0);
    assert_non_null(r);
    assert_non_null(k);
    assert_int_equal(g.open, 4);
    rm_gate_phase(&g, a, RM_GATE_ANSWERING, 101.0);
    rm_gate_phase(&g, s, RM_GATE_SENDING, 101.0);
    rm_gate_phase(&g, k, RM_GATE_ANSWERING, 101.0);
    rm_gate_phase(&g, k, RM_GATE_SENDING, 102.0);   /* answered, then */
    rm_gate_phase(&g, k, RM_GATE_READING, 104.0);   /* the next request of a kept-alive connection */
    assert_int_equal(rm_gate_reap(&g, 105.0), 0);   /* a request trickled for 5 s: still in time */
    assert_false(ended(reading[1]));
    assert_int_equal(rm_gate_reap(&g, 105.01), 1);  /* past 5 s: shut down, whatever it sent */
    assert_true(ended(reading[1]));
    assert_false(ended(kept[1]));
    assert_int_equal(rm_gate_reap(&g, 106.0), 0);   /* once */
    assert_int_equal(rm_gate_reap(&g, 109.5), 1);   /* the kept-alive one: 5 s after its answer */
    assert_true(ended(kept[1]));
    assert_int_equal(rm_gate_reap(&g, 160.0), 0);
    assert_false(ended(sending[1]));
    assert_int_equal(rm_gate_reap(&g, 161.5), 1);   /* an answer not taken in 60 s */
    assert_true(ended(sending[1]));
    assert_int_equal(rm_gate_reap(&g, 1e6), 0);     /* working on the answer: no deadline */
    assert_false(ended(answering[1]));
    assert_int_equal(g.cut_reading, 1);
    assert_int_equal(g.cut_idle, 1);
    assert_int_equal(g.cut_sending, 1);
    rm_gate_close(&g, r);
    rm_gate_close(&g, k);
    assert_int_equal(g.open, 2);
    rm_gate_close(&g, NULL);                         /* untracked (no memory): nothing */
    rm_gate_free(&g);                                /* frees those still open */
    int fds[] = {reading[0], reading[1], answering[0], answering[1], sending[0], sending[1], kept[0], kept[1]};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
}

/* Crowded (from 3 open here), a request has 1 s instead of 5. */
static void a_crowded_server_gives_a_request_less_time(void **state) {
    (void)state;
    rm_gate g;
    rm_gate_init(&g, 5.0, 60.0);
    rm_gate_crowd(&g, 3, 1.0);
    int pairs[3][2];
    rm_gate_conn *c[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, pairs[i]), 0);
        c[i] = rm_gate_open(&g, pairs[i][0], 10.0 + i * 0.1);
    }
    rm_gate_phase(&g, c[2], RM_GATE_ANSWERING, 10.2);
    assert_int_equal(rm_gate_reap(&g, 11.0), 0);
    assert_int_equal(rm_gate_reap(&g, 11.05), 1);   /* the first, 1.05 s after its accept */
    assert_true(ended(pairs[0][1]));
    assert_false(ended(pairs[1][1]));
    rm_gate_close(&g, c[0]);                         /* 2 open: no longer crowded */
    assert_int_equal(rm_gate_reap(&g, 14.0), 0);
    assert_int_equal(rm_gate_reap(&g, 15.2), 1);     /* the second: 5 s again */
    assert_int_equal(g.cut_reading, 2);
    rm_gate_free(&g);
    for (int i = 0; i < 3; i++) {
        close(pairs[i][0]);
        close(pairs[i][1]);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_loopback_server_answers_only_to_loopback_names),
        cmocka_unit_test(a_page_of_another_site_is_refused_but_a_link_followed_is_not),
        cmocka_unit_test(connections_past_their_deadline_are_shut_down),
        cmocka_unit_test(a_crowded_server_gives_a_request_less_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
