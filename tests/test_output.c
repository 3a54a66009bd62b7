/* CSV writing: byte-exact files for a model whose results are known, the
 * temporary file renamed into place, and a clear error when it cannot be. */
#include <sys/stat.h>

#include "testing.h"

#include "csv_out.h"

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static const char *exact_model =
    "scenario 'exact' { horizon = 100, replications = 2 }\n"
    "role 'clerk' { count = param('clerks', 1) }\n"
    "arrivals 'a' { interarrival = 10, to = 'serve' }\n"
    "activity 'serve' { role = 'clerk', duration = 5, kind = 'core' }\n";

static void files_are_exactly_as_the_contract_says(void **state) {
    (void)state;
    remous_scenario *sc = open_text(exact_model, NULL);
    remous_results *res = run_ok(sc);
    char dir[] = "/tmp/remous-out-XXXXXX", err[512], path[256];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(remous_write_csv(res, dir, err, sizeof err), REMOUS_OK);

    snprintf(path, sizeof path, "%s/summary.csv", dir);
    assert_string_equal(slurp(path),
        "variant,element,name,metric,mean,ci95_low,ci95_high,stdev,n\r\n"
        "baseline,queue,serve,wait_mean,0,0,0,0,2\r\n"
        "baseline,queue,serve,wait_p50,0,0,0,0,2\r\n"
        "baseline,queue,serve,wait_p90,0,0,0,0,2\r\n"
        "baseline,queue,serve,wait_p95,0,0,0,0,2\r\n"
        "baseline,queue,serve,wait_max,0,0,0,0,2\r\n"
        "baseline,queue,serve,length_mean,0,0,0,0,2\r\n"
        "baseline,queue,serve,length_mean_open,0,0,0,0,2\r\n"
        "baseline,queue,serve,length_max,0,0,0,0,2\r\n"
        "baseline,queue,serve,abandoned,0,0,0,0,2\r\n"
        "baseline,queue,serve,balked,0,0,0,0,2\r\n"
        "baseline,role,clerk,utilization,0.45,0.45,0.45,0,2\r\n"
        "baseline,role,clerk,share_core,0.45,0.45,0.45,0,2\r\n"
        "baseline,role,clerk,share_idle,0.55,0.55,0.55,0,2\r\n"
        "baseline,role,clerk,overtime,0,0,0,0,2\r\n"
        "baseline,person,clerk#1,utilization,0.45,0.45,0.45,0,2\r\n"
        "baseline,person,clerk#1,share_core,0.45,0.45,0.45,0,2\r\n"
        "baseline,person,clerk#1,share_idle,0.55,0.55,0.55,0,2\r\n"
        "baseline,person,clerk#1,overtime,0,0,0,0,2\r\n"
        "baseline,activity,serve,completed,9,9,9,0,2\r\n"
        "baseline,activity,serve,duration_mean,5,5,5,0,2\r\n"
        "baseline,activity,serve,top_person_share,1,1,1,0,2\r\n"
        "baseline,arrivals,a,arrived,9,9,9,0,2\r\n"
        "baseline,arrivals,a,completed,9,9,9,0,2\r\n"
        "baseline,arrivals,a,abandoned,0,0,0,0,2\r\n"
        "baseline,arrivals,a,balked,0,0,0,0,2\r\n"
        "baseline,arrivals,a,wait_mean,0,0,0,0,2\r\n"
        "baseline,arrivals,a,cycle_time_mean,5,5,5,0,2\r\n"
        "baseline,scenario,exact,events,19,19,19,0,2\r\n");

    snprintf(path, sizeof path, "%s/params.csv", dir);
    assert_string_equal(slurp(path),
        "variant,name,value,source\r\n"
        "baseline,seed,1,run\r\n"
        "baseline,replications,2,run\r\n"
        "baseline,unit,minute,scenario\r\n"
        "baseline,horizon,100,scenario\r\n"
        "baseline,warmup,0,scenario\r\n"
        "baseline,period,1440,run\r\n"
        "baseline,clerks,1,default\r\n");

    snprintf(path, sizeof path, "%s/replications.csv", dir);
    const char *reps = slurp(path);
    assert_true(strncmp(reps, "variant,replication,element,name,metric,value\r\n"
                              "baseline,1,queue,serve,wait_mean,0\r\n", 82) == 0);
    assert_non_null(strstr(reps, "baseline,2,scenario,exact,events,19\r\n"));

    /* nothing but the four files: the temporary ones were renamed */
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test \"$(ls -A %s | wc -l)\" -eq 4", dir);
    assert_int_equal(system(cmd), 0);

    /* a folder that cannot be made: a clear error, nothing written */
    snprintf(path, sizeof path, "%s/summary.csv/sub", dir);
    assert_int_equal(remous_write_csv(res, path, err, sizeof err), REMOUS_ERR_RUN);
    char expected[512];
    snprintf(expected, sizeof expected, "cannot create the folder %s/summary.csv/sub: Not a directory", dir);
    assert_string_equal(err, expected);

    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_results_free(res);
    remous_close(sc);
}

/* The time series, period by period: arrivals at 10, 20, ..., 90, served
 * 5 minutes each, periods of 25. An event at a boundary falls in the later
 * period. */
static void timeseries_by_period(void **state) {
    (void)state;
    remous_options opt = remous_default_options();
    opt.period = "25";
    remous_scenario *sc = open_text(exact_model, &opt);
    remous_results *res = run_ok(sc);
    char dir[] = "/tmp/remous-out-XXXXXX", err[512], path[256];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(remous_write_csv(res, dir, err, sizeof err), REMOUS_OK);
    snprintf(path, sizeof path, "%s/timeseries.csv", dir);
    const char *ts = slurp(path);
    const char *expected[] = {
        "variant,period_start,element,name,metric,mean,ci95_low,ci95_high\r\n",
        "baseline,0,arrivals,a,arrived,2,2,2\r\n",
        "baseline,25,arrivals,a,arrived,2,2,2\r\n",
        "baseline,50,arrivals,a,arrived,3,3,3\r\n",
        "baseline,75,arrivals,a,arrived,2,2,2\r\n",
        "baseline,0,activity,serve,completed,1,1,1\r\n",
        "baseline,25,activity,serve,completed,3,3,3\r\n",
        "baseline,50,activity,serve,completed,2,2,2\r\n",
        "baseline,75,activity,serve,completed,3,3,3\r\n",
        "baseline,0,role,clerk,utilization,0.4,0.4,0.4\r\n",
        "baseline,50,role,clerk,utilization,0.6,0.6,0.6\r\n",
        "baseline,75,person,clerk#1,share_core,0.4,0.4,0.4\r\n",
        "baseline,50,queue,serve,length_mean,0,0,0\r\n",
        NULL};
    for (const char **e = expected; *e; e++)
        if (!strstr(ts, *e))
            fail_msg("timeseries.csv lacks %s", *e);
    assert_null(strstr(ts, "wait_p90"));           /* quantiles are in the summary only */
    opt.period = "2 weeks";
    char err2[512];
    assert_null(remous_open(scenario_file("p.lua", exact_model), &opt, err2, sizeof err2));
    assert_string_equal(err2, "--period: expected a length such as 1w, 1d, 8h, 30min, 90s or a number "
                              "in the scenario's unit, got \"2 weeks\"");
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_results_free(res);
    remous_close(sc);
}

/* The event log of a tiny model whose events are known: visits at 10 and
 * 20 (a Tuesday from 09:00), welcomed 2 minutes, then served 15 by the one
 * clerk; the second is still waiting for the clerk at the horizon (30). */
static void trace_of_a_tiny_model(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 'tiny' { horizon = 30, replications = 1, start = 'tue 09:00' }\n"
        "role 'clerk' {}\n"
        "arrivals 'visits' { interarrival = 10, to = 'welcome',\n"
        "  attributes = { paid = bernoulli(1), channel = choice { web = 1 }, pages = 3 } }\n"
        "activity 'welcome' { duration = 2, next = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 15 }\n", NULL);
    char dir[] = "/tmp/remous-trace-XXXXXX", path[300], err[512], cmd[400];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/log.csv", dir);
    assert_int_equal(remous_trace(sc, "baseline", path, err, sizeof err), REMOUS_OK);
    assert_string_equal(slurp(path),
        "case_id,activity,resource,start,end,arrivals,channel,pages,paid\r\n"
        "1,welcome,,2024-01-02T09:10:00,2024-01-02T09:12:00,visits,web,3,true\r\n"
        "2,welcome,,2024-01-02T09:20:00,2024-01-02T09:22:00,visits,web,3,true\r\n"
        "1,serve,clerk#1,2024-01-02T09:12:00,2024-01-02T09:27:00,visits,web,3,true\r\n");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_close(sc);
}

/* A single replication has no interval: those fields are empty. */
static void one_replication_leaves_intervals_empty(void **state) {
    (void)state;
    remous_options opt = remous_default_options();
    opt.replications = 1;
    remous_scenario *sc = open_text(exact_model, &opt);
    remous_results *res = run_ok(sc);
    char dir[] = "/tmp/remous-out-XXXXXX", err[512], path[256];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(remous_write_csv(res, dir, err, sizeof err), REMOUS_OK);
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    assert_non_null(strstr(slurp(path), "baseline,role,clerk,utilization,0.45,,,,1\r\n"));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_results_free(res);
    remous_close(sc);
}

/* replications.csv's rows for names that need quotes, and for a name
 * longer than a row's buffer: each field as the contract writes it. */
static void replication_rows_quote_what_needs_it(void **state) {
    (void)state;
    static char text[12000];
    char longname[5001];
    memset(longname, 'x', 5000);
    longname[5000] = '\0';
    snprintf(text, sizeof text,
             "scenario 'odd' { horizon = 100, replications = 2 }\n"
             "role 'clerk, senior' { count = 1 }\n"
             "arrivals 'a' { interarrival = 10, to = 'serve \"it\"' }\n"
             "activity 'serve \"it\"' { role = 'clerk, senior', duration = 5, next = '%s' }\n"
             "activity '%s' { role = 'clerk, senior', duration = 1 }\n", longname, longname);
    remous_scenario *sc = open_text(text, NULL);
    remous_results *res = run_ok(sc);
    char dir[] = "/tmp/remous-out-XXXXXX", err[512], path[256];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(remous_write_csv(res, dir, err, sizeof err), REMOUS_OK);
    snprintf(path, sizeof path, "%s/replications.csv", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char all[1 << 20];
    all[fread(all, 1, sizeof all - 1, f)] = '\0';
    fclose(f);
    /* nine arrivals (10, 20, ... 90), each 5 + 1 minutes of the one clerk: 54 of 100 */
    assert_non_null(strstr(all, "\r\nbaseline,1,queue,\"serve \"\"it\"\"\",wait_mean,0\r\n"));
    assert_non_null(strstr(all, "\r\nbaseline,2,role,\"clerk, senior\",utilization,0.54\r\n"));
    char row[5100];
    snprintf(row, sizeof row, "\r\nbaseline,2,activity,%s,completed,9\r\n", longname);
    assert_non_null(strstr(all, row));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_results_free(res);
    remous_close(sc);
}

/* rm_format_g10 against printf's "%.10g", byte for byte. */
static int same_as_printf(double v) {
    char mine[RM_G10_LEN], libc[64];
    rm_format_g10(mine, v);
    snprintf(libc, sizeof libc, "%.10g", v);
    if (strcmp(mine, libc) == 0)
        return 1;
    print_error("%.17g: rm_format_g10 wrote \"%s\", printf \"%s\"\n", v, mine, libc);
    return 0;
}

static uint64_t splitmix(uint64_t *s) {
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void numbers_are_written_as_printf_writes_them(void **state) {
    (void)state;
    static const double fixed[] = {0, -0.0, 1, -1, 0.1, 0.5, 1.5, 2.5, 0.45, 0.55, 1e-5, 1e-4, 9.9999e-5,
                                   0.0001, 0.00012345, 1e9, 1e10, 9999999999.5, 9999999999.4, 1234567890.5,
                                   1234567890.3, 1e15, 1.5e15, 123456789012.0, 1e21, 1e22, 1e23, 1e-12, 1e-13,
                                   1e300, 5e-324, 1.0 / 3, 2.0 / 3, -2.0 / 3, 0.1 + 0.2, 2.31075371,
                                   1.0000000005, 9.9999999995, 0.99999999995, 99999.999995, INFINITY,
                                   -INFINITY, NAN, 4477.0 / 7};
    int ok = 1;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        ok &= same_as_printf(fixed[i]);
    uint64_t s = 20261203;
    for (int i = 0; i < 150000 && ok; i++) {
        uint64_t bits = splitmix(&s);                /* any double at all */
        double v;
        memcpy(&v, &bits, sizeof v);
        ok &= same_as_printf(v);
        /* a significand with a decimal exponent among outputs' */
        double u = (double)(splitmix(&s) >> 11) * 0x1.0p-53;
        int x = (int)(splitmix(&s) % 40) - 15;
        ok &= same_as_printf((1 + 9 * u) * pow(10, x) * (i % 2 ? 1 : -1));
        /* next to a tie of the tenth digit, and to a power of ten */
        double tie = ((double)(splitmix(&s) % 9000000000ULL + 1000000000ULL) + 0.5) * pow(10, x - 9);
        ok &= same_as_printf(tie) & same_as_printf(nextafter(tie, 0)) & same_as_printf(nextafter(tie, 1e300));
        double ten = pow(10, x);
        ok &= same_as_printf(nextafter(ten, 0)) & same_as_printf(nextafter(ten, 1e300));
        /* a ratio of counts, a mean of minutes */
        ok &= same_as_printf((double)(splitmix(&s) % 100000) / (double)(splitmix(&s) % 999 + 1));
    }
    assert_true(ok);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(files_are_exactly_as_the_contract_says),
        cmocka_unit_test(timeseries_by_period),
        cmocka_unit_test(trace_of_a_tiny_model),
        cmocka_unit_test(one_replication_leaves_intervals_empty),
        cmocka_unit_test(numbers_are_written_as_printf_writes_them),
        cmocka_unit_test(replication_rows_quote_what_needs_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
