/* Validation against queueing theory: the engine's estimates must match
 * closed forms within a few percent, with replications enough that the 95%
 * interval is itself tighter than the tolerance (so a pass means something). */
#include "testing.h"

/* Checks an estimate against an exact value: within rel (relative), and
 * the interval's half-width below rel too. */
static void check(const remous_summary_row *r, double exact, double rel) {
    double half = r->ci95_high - r->mean;
    print_message("    %s %s %s: %.5g (95%% ± %.3g), theory %.5g, error %.2f%%\n", r->element, r->name,
                  r->metric, r->mean, half, exact, 100 * (r->mean - exact) / exact);
    if (!(fabs(r->mean - exact) <= rel * fabs(exact)))
        fail_msg("%s %s %s = %.6g, theory %.6g (tolerance %.1f%%)", r->element, r->name, r->metric,
                 r->mean, exact, rel * 100);
    if (!(half <= rel * fabs(exact)))
        fail_msg("%s %s %s: interval ± %.3g too wide to test against %.1f%%", r->element, r->name,
                 r->metric, half, rel * 100);
}

static remous_results *run_scenario(const char *text, remous_scenario **sc) {
    *sc = open_text(text, NULL);
    return run_ok(*sc);
}

/* Erlang C: probability of waiting in M/M/c with offered load a = lambda/mu. */
static double erlang_c(int c, double a) {
    double term = 1, sum = 1;                   /* sum of a^k/k! for k < c */
    for (int k = 1; k < c; k++) {
        term *= a / k;
        sum += term;
    }
    double last = term * a / c;                 /* a^c / c! */
    double rho = a / c;
    return last / (1 - rho) / (sum + last / (1 - rho));
}

static void mmc_mean_wait_matches_erlang_c(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'M/M/3' { horizon = 100000, warmup = 1000, replications = 20 }\n"
        "role 'server' { count = 3 }\n"
        "arrivals 'a' { interarrival = exponential(1), to = 'serve' }\n"
        "activity 'serve' { role = 'server', duration = exponential(2.4) }\n", &sc);
    double lambda = 1, mu = 1 / 2.4, a = lambda / mu;
    double wq = erlang_c(3, a) / (3 * mu - lambda);
    remous_summary_row r = metric(res, "queue", "serve", "wait_mean");
    check(&r, wq, 0.03);
    r = metric(res, "queue", "serve", "length_mean");
    check(&r, lambda * wq, 0.03);              /* Little's law */
    r = metric(res, "role", "server", "utilization");
    check(&r, a / 3, 0.01);
    r = metric(res, "arrivals", "a", "cycle_time_mean");
    check(&r, wq + 1 / mu, 0.02);
    remous_results_free(res);
    remous_close(sc);
}

/* Cobham (1954): M/G/1 with non-preemptive priority classes,
 * W_k = W0 / ((1 - s_{k-1})(1 - s_k)), W0 = sum of lambda_i E[S_i^2] / 2. */
static void priority_classes_match_cobham(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'priorities' { horizon = 200000, warmup = 1000, replications = 20 }\n"
        "role 'server' {}\n"
        "queue 'line' { discipline = 'priority' }\n"
        "arrivals 'urgent' { interarrival = exponential(1 / 0.3), to = 'serve', priority = 0 }\n"
        "arrivals 'routine' { interarrival = exponential(1 / 0.4), to = 'serve', priority = 1 }\n"
        "activity 'serve' { role = 'server', queue = 'line', duration = exponential(1) }\n", &sc);
    double l1 = 0.3, l2 = 0.4, es2 = 2;         /* exponential(1): E[S^2] = 2 */
    double w0 = (l1 + l2) * es2 / 2, s1 = l1, s2 = l1 + l2;
    remous_summary_row r = metric(res, "arrivals", "urgent", "wait_mean");
    check(&r, w0 / (1 - s1), 0.03);
    r = metric(res, "arrivals", "routine", "wait_mean");
    check(&r, w0 / ((1 - s1) * (1 - s2)), 0.03);
    remous_results_free(res);
    remous_close(sc);
}

/* M/M/1 with preemptive-resume priorities (exponential service, rate mu):
 * the mean time in system of class k is
 *   T_k = (1/mu) / (1 - s_{k-1}) + R_k / ((1 - s_{k-1})(1 - s_k)),
 * R_k = sum over i <= k of lambda_i E[S^2] / 2 (Kleinrock, vol. 2, 3.8). */
static void preemptive_resume_priorities(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'preemptive' { horizon = 200000, warmup = 1000, replications = 20 }\n"
        "role 'server' {}\n"
        "queue 'line' { discipline = 'priority' }\n"
        "arrivals 'urgent' { interarrival = exponential(1 / 0.3), to = 'serve', priority = 0 }\n"
        "arrivals 'routine' { interarrival = exponential(1 / 0.4), to = 'serve', priority = 1 }\n"
        "activity 'serve' { role = 'server', queue = 'line', duration = exponential(1),\n"
        "                   interruptible = true }\n", &sc);
    double l1 = 0.3, l2 = 0.4, es2 = 2, s1 = l1, s2 = l1 + l2;
    double t1 = 1 + l1 * es2 / 2 / (1 - s1);
    double t2 = 1 / (1 - s1) + (l1 + l2) * es2 / 2 / ((1 - s1) * (1 - s2));
    remous_summary_row r = metric(res, "arrivals", "urgent", "cycle_time_mean");
    check(&r, t1, 0.03);
    r = metric(res, "arrivals", "routine", "cycle_time_mean");
    check(&r, t2, 0.03);
    r = metric(res, "role", "server", "utilization");
    check(&r, s2, 0.01);
    remous_results_free(res);
    remous_close(sc);
}

/* The 95% interval covers the exact value, and is itself within rel. */
static void check_covers(const remous_summary_row *r, double exact, double rel) {
    check(r, exact, rel);
    if (!(r->ci95_low <= exact && exact <= r->ci95_high))
        fail_msg("%s %s %s: [%.6g, %.6g] does not cover %.6g", r->element, r->name, r->metric,
                 r->ci95_low, r->ci95_high, exact);
}

/* Mean number in an M/M/c queue with arrival rate lambda and service rate 1. */
static double l_mmc(int c, double lambda) {
    return erlang_c(c, lambda) * lambda / (c - lambda) + lambda;
}

/* 2 servers, preemptive-resume priority, exponential(1) service for both
 * classes, the default rule (resume = "same": an interrupted low item waits
 * for the person who left it). A CTMC, solved here by Gauss-Seidel: each
 * server is idle, on a low item, on a high one, or on a high one holding
 * an interrupted low one (at most one: it resumes it before any waiting low
 * item, which came later); with the high and the low items waiting
 * (truncated at k1, k2). Returns the mean number of low items in the
 * system; *high gets that of high ones (a check of the chain: M/M/2's). */
enum { IDLE, LOW, HIGH, HOLDING };
static int chain_index(int a, int b, int n1, int n2, int k1, int k2) {
    if (a > b) { int t = a; a = b; b = t; }     /* the servers are alike */
    return ((a * 4 + b) * (k1 + 1) + n1) * (k2 + 1) + n2;
}
static double same_person_chain(double l1, double l2, int k1, int k2, double *high) {
    int n = 16 * (k1 + 1) * (k2 + 1), nt = 0;
    int *from = malloc((size_t)n * 6 * sizeof(int)), *to = malloc((size_t)n * 6 * sizeof(int));
    double *rate = malloc((size_t)n * 6 * sizeof(double)), *out = calloc((size_t)n, sizeof(double));
    double *pi = malloc((size_t)n * sizeof(double));
    int *first = calloc((size_t)n + 1, sizeof(int)), *order = malloc((size_t)n * 6 * sizeof(int));
    assert_true(from && to && rate && out && pi && first && order);
#define ADD(f, t, r) do { from[nt] = (f); to[nt] = (t); rate[nt] = (r); nt++; } while (0)
    for (int a = 0; a < 4; a++)
        for (int b = a; b < 4; b++)
            for (int n1 = 0; n1 <= k1; n1++)
                for (int n2 = 0; n2 <= k2; n2++) {
                    int f = chain_index(a, b, n1, n2, k1, k2), sv[2] = {a, b}, t[2];
                    /* a high item: to an idle server, else interrupts a low one, else waits */
                    int k = sv[0] == IDLE ? 0 : sv[1] == IDLE ? 1 : sv[0] == LOW ? 0 : sv[1] == LOW ? 1 : -1;
                    if (k >= 0) {
                        t[0] = sv[0], t[1] = sv[1];
                        t[k] = sv[k] == IDLE ? HIGH : HOLDING;
                        ADD(f, chain_index(t[0], t[1], n1, n2, k1, k2), l1);
                    } else if (n1 < k1) {
                        ADD(f, chain_index(a, b, n1 + 1, n2, k1, k2), l1);
                    }
                    /* a low item: to an idle server, else waits */
                    k = sv[0] == IDLE ? 0 : sv[1] == IDLE ? 1 : -1;
                    if (k >= 0) {
                        t[0] = sv[0], t[1] = sv[1];
                        t[k] = LOW;
                        ADD(f, chain_index(t[0], t[1], n1, n2, k1, k2), l2);
                    } else if (n2 < k2) {
                        ADD(f, chain_index(a, b, n1, n2 + 1, k1, k2), l2);
                    }
                    /* an end of service (rate 1 each): the server takes a waiting high
                     * item, else the low one it holds, else a waiting low one */
                    for (k = 0; k < 2; k++) {
                        int m1 = n1, m2 = n2;
                        t[0] = sv[0], t[1] = sv[1];
                        if (sv[k] == IDLE)
                            continue;
                        if ((sv[k] == HIGH || sv[k] == HOLDING) && m1 > 0)
                            m1--;
                        else if (sv[k] == HOLDING)
                            t[k] = LOW;
                        else if (m2 > 0) {
                            m2--;
                            t[k] = LOW;
                        } else
                            t[k] = IDLE;
                        ADD(f, chain_index(t[0], t[1], m1, m2, k1, k2), 1);
                    }
                }
#undef ADD
    for (int e = 0; e < nt; e++) {              /* transitions by destination */
        out[from[e]] += rate[e];
        first[to[e] + 1]++;
    }
    for (int j = 0; j < n; j++)
        first[j + 1] += first[j];
    int *fill = calloc((size_t)n, sizeof(int));
    assert_non_null(fill);
    for (int e = 0; e < nt; e++)
        order[first[to[e]] + fill[to[e]]++] = e;
    for (int j = 0; j < n; j++)
        pi[j] = 1.0 / n;
    double change = 1;
    for (int sweep = 0; sweep < 20000 && change > 1e-14; sweep++) {   /* pi Q = 0 */
        double sum = 0;
        change = 0;
        for (int j = 0; j < n; j++) {
            double in = 0, self = 0;
            for (int x = first[j]; x < first[j + 1]; x++) {
                int e = order[x];
                if (from[e] == j)
                    self += rate[e];                /* a truncated or idle transition */
                else
                    in += pi[from[e]] * rate[e];
            }
            double v = out[j] > self ? in / (out[j] - self) : 0;
            change = fmax(change, fabs(v - pi[j]));
            pi[j] = v;
            sum += v;
        }
        for (int j = 0; j < n; j++)
            pi[j] /= sum;
    }
    assert_true(change <= 1e-14);
    double low = 0;
    *high = 0;
    for (int a = 0; a < 4; a++)
        for (int b = a; b < 4; b++)
            for (int n1 = 0; n1 <= k1; n1++)
                for (int n2 = 0; n2 <= k2; n2++) {
                    double p = pi[chain_index(a, b, n1, n2, k1, k2)];
                    low += p * (n2 + (a == LOW || a == HOLDING) + (b == LOW || b == HOLDING));
                    *high += p * (n1 + (a >= HIGH) + (b >= HIGH));
                }
    free(from), free(to), free(rate), free(out), free(pi), free(first), free(order), free(fill);
    return low;
}

/* Preemptive priority on 2 servers, exponential(1) service for both classes.
 * resume = "anyone": work-conserving and memoryless, so the high class is an
 * M/M/2 queue on its own and all items together an M/M/2 queue with both
 * rates: T_low = (L(l1 + l2) - L(l1)) / l2. The default ("same") lets a
 * free server idle while the other holds an interrupted low item: T_low
 * from the chain above, longer. */
static void preemptive_resume_on_two_servers(void **state) {
    (void)state;
    double l1 = 0.5, l2 = 0.5;
    const char *text =
        "scenario 'preemptive, 2 servers' { horizon = 200000, warmup = 1000, replications = 20 }\n"
        "role 'server' { count = 2 }\n"
        "queue 'line' { discipline = 'priority' }\n"
        "arrivals 'urgent' { interarrival = exponential(1 / 0.5), to = 'serve', priority = 0 }\n"
        "arrivals 'routine' { interarrival = exponential(1 / 0.5), to = 'serve', priority = 1 }\n"
        "activity 'serve' { role = 'server', queue = 'line', duration = exponential(1),\n"
        "                   interruptible = true, resume = '%s' }\n";
    char buf[1024];
    remous_scenario *sc;
    snprintf(buf, sizeof buf, text, "anyone");
    remous_results *res = run_scenario(buf, &sc);
    double t_anyone = (l_mmc(2, l1 + l2) - l_mmc(2, l1)) / l2;              /* 1.6 */
    remous_summary_row anyone = metric(res, "arrivals", "routine", "cycle_time_mean");
    check_covers(&anyone, t_anyone, 0.01);
    remous_summary_row r = metric(res, "arrivals", "urgent", "cycle_time_mean");
    check_covers(&r, l_mmc(2, l1) / l1, 0.01);                              /* 16/15 */
    r = metric(res, "activity", "serve", "duration_mean");                   /* the whole service */
    check(&r, 1, 0.005);
    r = metric(res, "role", "server", "utilization");
    check(&r, (l1 + l2) / 2, 0.005);
    remous_summary_row wait = metric(res, "queue", "line", "wait_mean");     /* Little, in the queue */
    r = metric(res, "queue", "line", "length_mean");
    assert_near(r.mean, (l1 + l2) * wait.mean, 0.002);
    remous_results_free(res);
    remous_close(sc);

    snprintf(buf, sizeof buf, text, "same");
    res = run_scenario(buf, &sc);
    double high, t_same = same_person_chain(l1, l2, 20, 60, &high) / l2;     /* 1.66443 */
    assert_near(high, l_mmc(2, l1), 1e-9);
    print_message("    chain: T_low %.6f (same) against %.6f (anyone)\n", t_same, t_anyone);
    remous_summary_row same = metric(res, "arrivals", "routine", "cycle_time_mean");
    check_covers(&same, t_same, 0.01);
    r = metric(res, "arrivals", "urgent", "cycle_time_mean");
    check_covers(&r, l_mmc(2, l1) / l1, 0.01);
    r = metric(res, "activity", "serve", "duration_mean");
    check(&r, 1, 0.005);
    /* "same" is slower for the low class, by more than both intervals */
    assert_true(t_same > t_anyone * 1.03);
    assert_true(same.ci95_low > anyone.ci95_high);
    remous_results_free(res);
    remous_close(sc);
}

/* M/M/1/K: an arrival finding K in the system is lost, with probability
 * (1 - rho) rho^K / (1 - rho^(K+1)). K = 5: 4 waiting places + 1 in service. */
static void mm1k_blocking_probability(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'M/M/1/5' { horizon = 100000, replications = 20 }\n"
        "role 'server' {}\n"
        "queue 'line' { capacity = 4 }\n"
        "arrivals 'a' { interarrival = exponential(1), to = 'serve' }\n"
        "activity 'serve' { role = 'server', queue = 'line', duration = exponential(0.8) }\n", &sc);
    double rho = 0.8;
    double pk = (1 - rho) * pow(rho, 5) / (1 - pow(rho, 6));
    remous_summary_row balked = metric(res, "queue", "line", "balked");
    remous_summary_row arrived = metric(res, "arrivals", "a", "arrived");
    remous_summary_row r = balked;
    r.metric = "balked / arrived";
    r.mean = balked.mean / arrived.mean;
    r.ci95_high = r.mean + (balked.ci95_high - balked.mean) / arrived.mean;
    check(&r, pk, 0.03);
    remous_results_free(res);
    remous_close(sc);
}

/* An open Jackson network with a rework loop: A then B, then back to A with
 * probability 0.2. Each station sees lambda / (1 - p); the mean time in the
 * system is sum of rho_i / (1 - rho_i), over lambda. */
static void jackson_network_with_rework(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'jackson' { horizon = 100000, warmup = 1000, replications = 20 }\n"
        "role 'a_staff' {}\n"
        "role 'b_staff' {}\n"
        "arrivals 'jobs' { interarrival = exponential(1), to = 'A' }\n"
        "activity 'A' { role = 'a_staff', duration = exponential(0.5), next = 'B' }\n"
        "activity 'B' { role = 'b_staff', duration = exponential(0.4), next = { A = 0.2, exit = 0.8 } }\n", &sc);
    double lambda = 1, eff = lambda / 0.8, ra = eff * 0.5, rb = eff * 0.4;
    double l = ra / (1 - ra) + rb / (1 - rb);
    remous_summary_row r = metric(res, "arrivals", "jobs", "cycle_time_mean");
    check(&r, l / lambda, 0.03);
    r = metric(res, "role", "a_staff", "utilization");
    check(&r, ra, 0.01);
    r = metric(res, "queue", "A", "length_mean");
    check(&r, ra * ra / (1 - ra), 0.04);       /* M/M/1 queue length at A */
    remous_results_free(res);
    remous_close(sc);
}

/* Flow with no resources: a sequence A (2) then B (3), back to A with
 * probability 0.25. The number of passes is geometric: the mean cycle time is
 * (2 + 3) / 0.75, and nobody ever waits. */
static void flow_without_resources(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_scenario(
        "scenario 'flow' { horizon = 100000, warmup = 100, replications = 20 }\n"
        "arrivals 'cases' { interarrival = exponential(1), to = 'A' }\n"
        "activity 'A' { duration = exponential(2), next = 'B' }\n"
        "activity 'B' { duration = 3, next = { A = 0.25, exit = 0.75 } }\n", &sc);
    remous_summary_row r = metric(res, "arrivals", "cases", "cycle_time_mean");
    check(&r, 5 / 0.75, 0.02);
    r = metric(res, "arrivals", "cases", "wait_mean");
    assert_true(r.mean == 0);
    r = metric(res, "activity", "B", "duration_mean");
    assert_near(r.mean, 3, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mmc_mean_wait_matches_erlang_c),
        cmocka_unit_test(priority_classes_match_cobham),
        cmocka_unit_test(preemptive_resume_priorities),
        cmocka_unit_test(preemptive_resume_on_two_servers),
        cmocka_unit_test(mm1k_blocking_probability),
        cmocka_unit_test(jackson_network_with_rework),
        cmocka_unit_test(flow_without_resources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
