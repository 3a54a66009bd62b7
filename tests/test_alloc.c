/* Allocation failures, the SQLite way: this test is linked with malloc,
 * calloc and realloc wrapped (-Wl,--wrap), and fails the Nth allocation
 * made by the engine, for every N across loading, comparing and writing a
 * small scenario. Each must end in a clean error with a message, or go on
 * (Lua retries a failed allocation after collecting garbage) with results
 * identical to a normal run: never a crash (in the ASan build, no leak). The Lua
 * state's allocations go through the engine's allocator, so they fail too;
 * those inside the shared libraries (libcsv, libc's strdup) do not. */
#include "testing.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1;       /* the allocation to fail; -1: none */
static long made;               /* allocations so far */

static int failing(void) { return made++ == fail_at; }
void *__wrap_malloc(size_t n) { return failing() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return failing() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return failing() ? NULL : __real_realloc(p, n); }

static const char *model =
    "scenario 'small' { horizon = days(1), replications = 1 }\n"
    "calendar 'office' { 'mon-fri 09:00-17:00' }\n"
    "role 'clerk' { count = 2, calendar = 'office', absence = { every = hours(6), lasts = hours(2) } }\n"
    "arrivals 'visits' { interarrival = exponential(20), calendar = 'office', to = 'serve',\n"
    "  attributes = { paid = bernoulli(0.5) }, patience = uniform(30, 60) }\n"
    "activity 'serve' { role = 'clerk', duration = exponential(8), kind = 'core',\n"
    "  next = function(item) if item.attributes.paid then return 'exit' end return 'pay' end }\n"
    "activity 'pay' { role = 'clerk', duration = 2, kind = 'sales' }\n"
    "task 'close' { every = 'mon-fri 16:45', role = 'clerk', duration = 10 }\n"
    "tool 'app' { adoption = 0.5, fallback = 'pay', training = 30, apply = function()\n"
    "  activity 'pay_app' { role = 'clerk', duration = 1 }\n"
    "  activity 'serve' { next = 'pay_app' }\n"
    "end }\n"
    "variant 'with the app' { tools = { 'app' } }\n";

/* Whether two files hold the same bytes. */
static int same_file(const char *a, const char *b) {
    FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
    int same = x && y;
    while (same) {
        int c = fgetc(x), d = fgetc(y);
        same = c == d;
        if (c == EOF)
            break;
    }
    if (x) fclose(x);
    if (y) fclose(y);
    return same;
}

/* Loads, compares, writes the CSV files and the report; the status. */
static int everything(const char *path, const char *dir) {
    remous_options opt = remous_default_options();
    char err[1024] = "";
    remous_scenario *sc = remous_open(path, &opt, err, sizeof err);
    if (!sc) {
        assert_true(err[0] != '\0');
        return REMOUS_ERR_INPUT;
    }
    remous_comparison *cmp = NULL;
    int rc = remous_compare(sc, &cmp, err, sizeof err);
    if (rc == REMOUS_OK) {
        rc = remous_write_comparison(cmp, dir, err, sizeof err);
        if (rc == REMOUS_OK) {
            char html[300];
            snprintf(html, sizeof html, "%s/report.html", dir);
            rc = remous_write_html(cmp, html, "en", err, sizeof err);
        }
        remous_comparison_free(cmp);
    }
    if (rc != REMOUS_OK)
        assert_true(err[0] != '\0');         /* a failure always says something */
    remous_close(sc);
    return rc;
}

static void every_allocation_can_fail(void **state) {
    (void)state;
    const char *path = scenario_file("alloc.lua", model);
    char dir[] = "/tmp/remous-alloc-XXXXXX";
    assert_non_null(mkdtemp(dir));
    fail_at = -1;
    made = 0;
    assert_int_equal(everything(path, dir), REMOUS_OK);
    long total = made;
    print_message("    %ld allocations in a whole comparison\n", total);
    assert_true(total > 100);
    char summary[300], reference[300], cmd[700];
    snprintf(summary, sizeof summary, "%s/summary.csv", dir);
    snprintf(reference, sizeof reference, "%s/reference.csv", dir);
    assert_int_equal(rename(summary, reference), 0);
    long failed = 0;
    for (long n = 0; n < total; n++) {
        fail_at = n;
        made = 0;
        remove(summary);
        if (everything(path, dir) != REMOUS_OK) {
            failed++;
            continue;
        }
        /* it went on (Lua retries after collecting garbage): the same results */
        if (!same_file(summary, reference))
            fail_msg("allocation %ld failed, the run went on, and its summary.csv differs", n);
    }
    fail_at = -1;
    print_message("    each failed in turn: %ld ended in a clean error, %ld went on with the same results\n",
                  failed, total - failed);
    assert_true(failed > 0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_allocation_can_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
