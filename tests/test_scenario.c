/* Loading scenarios: the language's words, and one clear line naming the
 * file and line for every malformed scenario. */
#include "testing.h"
#include "results.h"

#include "rng.h"

#include "labels.h"
#include "scenario.h"

#define HEAD "scenario 'x' { horizon = 10 }\n"

static void malformed_scenarios_name_file_and_line(void **state) {
    (void)state;
    assert_load_error(HEAD "role 'a' { count = }",
                      "bad.lua:2: a value is missing after \"count =\"");
    assert_load_error(HEAD "arrivals 'a' { interarrival = 1, to = 'advice' }\n"
                           "activity 'advise' { duration = 1 }",
                      "bad.lua:2: arrivals \"a\": to: no step called \"advice\" (did you mean \"advise\"?)");
    assert_load_error(HEAD "role 'bookseller' {}\n"
                           "activity 'advise' {\n"
                           "  duration = 1,\n"
                           "  role = 'booksellers' }\n",
                      "bad.lua:3: activity \"advise\": no role called \"booksellers\" (did you mean \"bookseller\"?)");
    assert_load_error(HEAD "activity 'b' { duration = 1, queue = 'lines', role = 'r' }\nrole 'r' {}",
                      "bad.lua:2: activity \"b\": no queue called \"lines\"");
    assert_load_error(HEAD "activity 'b' { duration = 1, next = { b = 0.5, exit = 0.4 } }",
                      "bad.lua:2: activity \"b\": next: the probabilities must sum to 1, they sum to 0.9 "
                      "(or write rest for one entry: it takes 1 minus the others)");
    assert_load_error(HEAD "activity 'b' { duration = 1, next = { c = 1 } }",
                      "bad.lua:2: activity \"b\": next: no step called \"c\"");
    assert_load_error(HEAD "role 'a' { count = -1 }",
                      "bad.lua:2: role \"a\": count must be a whole number from 0 to 100000, got -1");
    assert_load_error(HEAD "role 'a' { count = 1e9 }",
                      "bad.lua:2: role \"a\": count must be a whole number from 0 to 100000, got 1000000000.0");
    assert_load_error(HEAD "arrivals 'a' { initial = 1e8, to = 'exit' }",
                      "bad.lua:2: arrivals \"a\": initial must be a whole number from 0 to 1000000, got 100000000.0");
    assert_load_error(HEAD "activity 'b' { duration = choice { short = 0.5, long = 0.5 } }",
                      "bad.lua:2: activity \"b\": duration must be a number or a distribution such as "
                      "exponential(5) (choice draws names: use it in attributes), got choice");
    assert_load_error(HEAD "error('bad\\nthing')", "bad.lua:2: bad thing");
    assert_load_error(HEAD "error({})", "bad.lua: an error was raised with a table value instead of a message");
    assert_load_error(HEAD "x = param('x', 1, { min = 'a' })", "bad.lua:2: param \"x\": min must be a number, got \"a\"");
    assert_load_error(HEAD "role 'a' { cout = 2 }",
                      "bad.lua:2: role \"a\": unknown field \"cout\" (did you mean \"count\"?)");
    assert_load_error(HEAD "activity 'b' { duration = 'long' }",
                      "bad.lua:2: activity \"b\": duration must be a number, a distribution such as "
                      "exponential(5), or a function(item), got \"long\"");
    assert_load_error(HEAD "activity 'b' { role = 'r' }\nrole 'r' {}",
                      "bad.lua:2: activity \"b\": set its duration, e.g. duration = exponential(5)");
    assert_load_error(HEAD "arrivals 'a' { to = 'exit' }",
                      "bad.lua:2: arrivals \"a\": set interarrival (e.g. exponential(6)) or rate (e.g. per_hour(10))");
    assert_load_error(HEAD "activity 'exit' { duration = 1 }",
                      "bad.lua:2: activity: \"exit\" is the reserved step that ends a journey; choose another name");
    assert_load_error("role 'a' {}",
                      "bad.lua: no scenario declaration: start the file with scenario \"Name\" { horizon = days(7) }");
    assert_load_error("", "bad.lua: no scenario declaration: start the file with scenario \"Name\" { horizon = days(7) }");
    assert_load_error("scenario 'x' { }", "bad.lua:1: scenario \"x\": set its horizon, e.g. horizon = days(28)");
    assert_load_error("scenario 'x' { horizon = 10, warmup = 10 }",
                      "bad.lua:1: scenario \"x\": warmup (10) must be shorter than the horizon (10)");
    assert_load_error("scenario 'x' { unit = 'day', horizon = 10 }",
                      "bad.lua:1: scenario \"x\": unit must be \"second\", \"minute\" or \"hour\", got \"day\"");
    assert_load_error(HEAD "role 'a' 'b'", "bad.lua:2: role \"a\": write its fields in braces, e.g. role \"a\" { ... }");
    assert_load_error(HEAD "x = nil + 1", "bad.lua:2: attempt to perform arithmetic on a nil value");
    assert_load_error(HEAD "role 'r' {}\nactivity 'file' { role = 'r', duration = 1, interruptible = true, resume = 'everyone' }",
                      "bad.lua:3: activity \"file\": resume must be \"same\" (the person who left it takes it up "
                      "again) or \"anyone\" (any free person of its roles), got \"everyone\"");
    assert_load_error(HEAD "role 'r' {}\nactivity 'file' { role = 'r', duration = 1, resume = 'anyone' }",
                      "bad.lua:3: activity \"file\": resume says who takes up an interrupted step; add "
                      "interruptible = true, or remove resume");
}

static void invalid_distribution_parameters(void **state) {
    (void)state;
    assert_load_error(HEAD "d = exponential(-5)",
                      "bad.lua:2: exponential: the mean must be > 0 (got exponential(-5))");
    assert_load_error(HEAD "d = triangular(5, 1, 3)",
                      "bad.lua:2: triangular: it needs min <= mode <= max (got triangular(5, 1, 3))");
    assert_load_error(HEAD "d = normal(10, -1)",
                      "bad.lua:2: normal: the standard deviation must be >= 0 (got normal(10, -1))");
    assert_load_error(HEAD "d = bernoulli(1.5)",
                      "bad.lua:2: bernoulli: p must be between 0 and 1 (got bernoulli(1.5))");
    assert_load_error(HEAD "d = uniform(3)", "bad.lua:2: uniform: parameter 2 must be a number, got nil");
    assert_load_error(HEAD "d = choice { a = 0.2, b = 0.7 }",
                      "bad.lua:2: choice: the probabilities must sum to 1, they sum to 0.9 "
                      "(or write rest for one entry: it takes 1 minus the others)");
    assert_load_error(HEAD "d = per_hour(0)", "bad.lua:2: per_hour: the rate must be a number > 0, got 0");
}

static void empirical_data(void **state) {
    (void)state;
    scenario_file("d.csv", "gap,other\n1,2\n3,4\nabc,5\n");
    scenario_file("q.csv", "gap\n1\n\"2\n");
    scenario_file("neg.csv", "gap\n1\n-2\n");
    scenario_file("twice.csv", "gap,other,gap\n1,2,3\n");
    assert_load_error(HEAD "d = empirical('d.csv', 'gap')",
                      "bad.lua:2: empirical: d.csv row 4, column \"gap\": \"abc\" is not a number");
    assert_load_error(HEAD "d = empirical('d.csv', 'gaps')",
                      "bad.lua:2: empirical: d.csv has no column \"gaps\" in its first row");
    assert_load_error(HEAD "d = empirical('q.csv', 'gap')",
                      "bad.lua:2: empirical: q.csv row 3: error parsing data while strict checking enabled");
    assert_load_error(HEAD "d = empirical('twice.csv', 'gap')",
                      "bad.lua:2: empirical: twice.csv row 1 names the column \"gap\" twice (columns 1 and 3): "
                      "give each column its own name");
    assert_load_error(HEAD "d = empirical('neg.csv', 'gap')",
                      "bad.lua:2: empirical: neg.csv row 3, column \"gap\": -2 is negative (durations and amounts are >= 0)");
    assert_load_error(HEAD "d = empirical('../d.csv', 'gap')",
                      "bad.lua:2: empirical: ../d.csv: a scenario reads data files from its own folder only (a relative path without ..)");

    /* Values are resampled: with values 1 and 3 (an empty cell is skipped)
     * the mean interarrival is 2. */
    scenario_file("ok.csv", "minutes,x\n1,a\n,b\n3,c\n");
    remous_scenario *sc = open_text(
        "scenario 'emp' { horizon = 100000, replications = 1 }\n"
        "arrivals 'a' { interarrival = empirical('ok.csv', 'minutes'), to = 'exit' }\n", NULL);
    remous_results *res = run_ok(sc);
    assert_near(metric(res, "arrivals", "a", "arrived").mean, 50000, 500);
    remous_results_free(res);
    remous_close(sc);
}

static void the_sandbox_keeps_scenarios_in(void **state) {
    (void)state;
    assert_load_error("os.execute('ls')", "bad.lua:1: \"os\" is not a word of the scenario language");
    assert_load_error("io.open('/etc/passwd')", "bad.lua:1: \"io\" is not a word of the scenario language");
    assert_load_error("load('return 1')", "bad.lua:1: \"load\" is not a word of the scenario language");
    assert_load_error("dofile('/etc/passwd')", "bad.lua:1: \"dofile\" is not a word of the scenario language");
    assert_load_error("debug.getinfo(1)", "bad.lua:1: \"debug\" is not a word of the scenario language");
    assert_load_error("string.dump(print)", "bad.lua:1: attempt to call a nil value (field 'dump')");
    assert_load_error("require('os')",
                      "bad.lua:1: require: no module \"os\" in the scenario's folder or in remous's scripts/");
    assert_load_error("require('../etc/passwd')",
                      "bad.lua:1: require: \"../etc/passwd\" is not a module name (letters, digits, _ and dots)");
    assert_load_error("math.randomseed(3)",
                      "bad.lua:1: math.randomseed is disabled: random numbers come from the run's seed (--seed)");
    assert_load_error("while true do end",
                      "bad.lua:1: stopped after 500 million Lua instructions: an endless loop?");
    assert_load_error("while true do pcall(function() while true do end end) end",
                      "bad.lua:1: stopped after 500 million Lua instructions: an endless loop?");
    /* the checked values are out of reach */
    assert_load_error("local d = exponential(1)\nassert(getmetatable(d) == 'remous value')\nd.p = { -5 }",
                      "bad.lua:3: distributions and rates cannot be changed");
    assert_load_error("setmetatable(exponential(1), {})", "bad.lua:1: cannot change a protected metatable");
    assert_load_error(HEAD "math.abs = function() return 0 end\n"
                           "activity 'b' { duration = 1, next = { b = 0.5, exit = 0.4 } }",
                      "bad.lua:3: activity \"b\": next: the probabilities must sum to 1, they sum to 0.9 "
                      "(or write rest for one entry: it takes 1 minus the others)");
    assert_load_error("local t = {} local i = 0 while true do i = i + 1; t[i] = i end",
                      "bad.lua: the scenario used more than 256 MB of memory: a table growing without end?");
    /* a module next to the scenario loads, in the same sandbox */
    scenario_file("helpers.lua", "return { gap = function() return exponential(5) end }");
    remous_scenario *sc = open_text(
        "local h = require('helpers')\n"
        "assert(require('helpers') == h)\n"
        "scenario 'mod' { horizon = 10 }\n"
        "arrivals 'a' { interarrival = h.gap(), to = 'exit' }\n", NULL);
    remous_close(sc);
    /* --unsafe lifts it */
    remous_options unsafe = remous_default_options();
    unsafe.unsafe = 1;
    sc = open_text("assert(os.time() > 0)\nscenario 'x' { horizon = 10 }\n", &unsafe);
    remous_close(sc);
}

/* A scenario that tramples the globals the language is built on gets the
 * same model: the prelude keeps its own references. */
static void trampled_globals_change_nothing(void **state) {
    (void)state;
    const char *model =
        "scenario 'g' { horizon = 1000, replications = 2 }\n"
        "role 'r' {}\n"
        "arrivals 'a' { interarrival = exponential(10), to = 's' }\n"
        "activity 's' { role = 'r', duration = exponential(5), next = { s = 0.1, exit = 0.9 } }\n"
        "variant 'v' { apply = function() activity 's' { duration = 4 } end }\n";
    char text[2048];
    snprintf(text, sizeof text, "%s%s", model,
             "pairs, ipairs, next, error, type, tostring, setmetatable = nil, nil, nil, nil, nil, nil, nil\n"
             "string.format, string.sub, string.match, table.sort, math.floor, math.abs = nil, nil, nil, nil, nil, nil\n");
    remous_scenario *a = open_text(model, NULL), *b = open_text(text, NULL);
    remous_results *ra = run_ok(a), *rb = run_ok(b);
    double x = metric(ra, "queue", "s", "wait_mean").mean, y = metric(rb, "queue", "s", "wait_mean").mean;
    assert_memory_equal(&x, &y, sizeof x);
    remous_results_free(ra);
    remous_results_free(rb);
    char err[512];
    assert_int_equal(remous_run_variant(b, "v", &rb, err, sizeof err), REMOUS_OK);
    remous_results_free(rb);
    remous_close(a);
    remous_close(b);
}

static void defaults_change_nothing(void **state) {
    (void)state;
    remous_close(open_text(HEAD "role 'a' { calendar = 'always' }\n"
                                "activity 'b' { role = 'a', duration = 1, interruptible = false, switch_cost = 0 }", NULL));
}

static void math_random_as_in_lua(void **state) {
    (void)state;
    remous_close(open_text(
        "local x = math.random(0)\n"
        "assert(math.type(x) == 'integer')\n"
        "local y = math.random(math.mininteger, math.maxinteger)\n"
        "for i = 1, 1000 do local k = math.random(3, 5); assert(k >= 3 and k <= 5) end\n"
        "for i = 1, 1000 do local u = math.random(); assert(u >= 0 and u < 1) end\n"
        "scenario 'r' { horizon = 1 }\n", NULL));
    assert_load_error("math.random(5, 1)", "bad.lua:1: bad argument #2 to 'random' (interval is empty)");
}

/* A hook draws from its own stream, "activity/NAME/duration/lua", seeded
 * from (seed, replication, that name) as the engine's streams are: not
 * moved by math.random at load time nor by other hooks. */
static void hooks_draw_from_their_own_streams(void **state) {
    (void)state;
    remous_options opt = remous_default_options();
    remous_scenario *sc = open_text(
        "for i = 1, 7 do math.random() end\n"
        "scenario 'h' { horizon = 10, replications = 1 }\n"
        "arrivals 'a' { interarrival = 4, to = 'before', limit = 1 }\n"
        "activity 'before' { duration = 0, next = function(item) math.random(); math.random(); return 'wait' end }\n"
        "activity 'wait' { duration = function(item) return math.random() end }\n", &opt);
    remous_results *res = run_ok(sc);
    rm_rng r;
    rm_rng_stream(&r, opt.seed, 1, "activity/wait/duration/lua");
    remous_summary_row row = metric(res, "activity", "wait", "duration_mean");
    assert_near(row.mean, rm_rng_uniform(&r), 1e-12);     /* (4 + u) - 4: not exactly u */
    remous_results_free(res);
    remous_close(sc);
}

static void calendars_are_checked_where_written(void **state) {
    (void)state;
    assert_load_error(HEAD "arrivals 'a' { rate = { ['9:00'] = per_hour(6), ['09:00'] = per_hour(6) }, to = 'exit' }",
                      "bad.lua:2: arrivals \"a\": rate must be per_hour(r), per_day(r), or rates by time of day such as "
                      "{ [\"10:00\"] = per_hour(6), [\"12:00\"] = per_hour(15) }, each time once (9:00 and 09:00 are "
                      "the same), got a table");
    assert_load_error(HEAD "role 'a' { absence = { every = constant(0), lasts = 0 } }",
                      "bad.lua:2: role \"a\": absence must be { every = distribution, lasts = distribution }, "
                      "e.g. { every = exponential(days(60)), lasts = uniform(days(1), days(5)) } (every must be "
                      "more than 0 on average), got a table");
    assert_load_error(HEAD "role 'r' {}\ntask 't' { every = uniform(0, 0), role = 'r', duration = 1 }",
                      "bad.lua:3: task \"t\": every must be a day and time such as \"mon-sat 18:30\" or a "
                      "distribution of the gap (more than 0 on average), got uniform");
    assert_load_error(HEAD "task 'close' { every = 'mon 18h', role = 'r', duration = 5 }\nrole 'r' {}",
                      "bad.lua:2: task \"close\": every must be a day and time such as \"mon-sat 18:30\" or a "
                      "distribution of the gap (\"mon 18h\": \"18h\" is not a time of day (write HH:MM, e.g. 09:30)), "
                      "got \"mon 18h\"");
    assert_load_error(HEAD "task 'close' { every = 'mon 18:00', duration = 5 }",
                      "bad.lua:2: task \"close\": set who does it, e.g. role = \"manager\"");
    assert_load_error(HEAD "role 'r' {}\nactivity 'close' { role = 'r', duration = 1 }\n"
                           "task 'close' { every = 'mon 18:00', role = 'r', duration = 5 }",
                      "bad.lua:4: task \"close\": an activity has that name already; give the task another");
    assert_load_error(HEAD "role 'a' { absence = { every = 5 } }",
                      "bad.lua:2: role \"a\": absence must be { every = distribution, lasts = distribution }, "
                      "e.g. { every = exponential(days(60)), lasts = uniform(days(1), days(5)) }, got a table");
    assert_load_error(HEAD "calendar 'shop' { 'tue-sat 10:00-19:0' }",
                      "bad.lua:2: calendar \"shop\": \"tue-sat 10:00-19:0\": \"19:0\" is not a time of day (write HH:MM, e.g. 09:30)");
    assert_load_error(HEAD "calendar 'shop' { 'tue-sta 10:00-19:00' }",
                      "bad.lua:2: calendar \"shop\": \"tue-sta 10:00-19:00\": \"sta\" is not a day (mon, tue, wed, thu, fri, sat, sun)");
    assert_load_error(HEAD "calendar 'shop' 'mon'",
                      "bad.lua:2: calendar \"shop\": write its hours as strings in braces, e.g. calendar \"shop\" { \"mon-fri 09:00-17:00\" }");
    assert_load_error(HEAD "calendar 'always' { 'mon' }",
                      "bad.lua:2: calendar: \"always\" is predefined (open all the time); choose another name");
    assert_load_error(HEAD "calendar 'shop' { 'mon' }\nrole 'a' { calendar = 'shp' }",
                      "bad.lua:3: role \"a\": no calendar called \"shp\" (did you mean \"shop\"?)");
    assert_load_error(HEAD "arrivals 'a' { rate = { ['10h'] = per_hour(6) }, to = 'exit' }",
                      "bad.lua:2: arrivals \"a\": rate: \"10h\" is not a time of day: write [\"10:00\"] (hours:minutes, in quotes)");
    assert_load_error(HEAD "arrivals 'a' { rate = { ['10:00'] = 6 }, to = 'exit' }",
                      "bad.lua:2: arrivals \"a\": rate must be per_hour(r), per_day(r), or rates by time of day such as "
                      "{ [\"10:00\"] = per_hour(6), [\"12:00\"] = per_hour(15) }, got a table");
    assert_load_error("scenario 'x' { horizon = 10, start = 'monday' }",
                      "bad.lua:1: scenario \"x\": start must be a day and a time such as \"mon 08:00\" "
                      "(\"monday\": \"monday\" is not a day (mon, tue, wed, thu, fri, sat, sun)), got \"monday\"");
}

static void params_and_set(void **state) {
    (void)state;
    const char *text =
        "scenario 'p' { horizon = 10 }\n"
        "role 'a' { count = param('people', 2, { label = 'People', min = 1, max = 5 }) }\n"
        "assert(param('people', 99) == param('people', 2))\n"
        "local fast = param('fast', false)\n"
        "local name = param('label', 'shop')\n";
    const char *names[] = {"people", "fast", "label"}, *values[] = {"4", "true", "big shop"};
    remous_options opt = remous_default_options();
    opt.nsets = 3;
    opt.set_names = names;
    opt.set_values = values;
    remous_scenario *sc = open_text(text, &opt);
    remous_results *res = run_ok(sc);
    assert_non_null(metric(res, "person", "a#4", "utilization").name);
    remous_results_free(res);
    remous_close(sc);

    values[0] = "9";
    assert_string_equal(short_error(load_error(text, &opt)), "bad.lua:2: param \"people\" = 9 (from --set) is above its max 5");
    values[0] = "many";
    assert_string_equal(short_error(load_error(text, &opt)), "--set people: expected a number, got \"many\"");
    values[0] = "3";
    values[1] = "yes";
    assert_string_equal(short_error(load_error(text, &opt)), "--set fast: expected true or false, got \"yes\"");
    values[1] = "false";
    names[2] = "lable";
    assert_string_equal(short_error(load_error(text, &opt)),
                        "--set lable: the scenario has no param(\"lable\") (did you mean \"label\"?)");
}

/* With keep_failed_variants (the workshop's), a variant that does not
 * compile is kept apart with its error; the others run as before. */
static void a_variant_that_fails_can_be_kept_apart(void **state) {
    (void)state;
    const char *text =
        "scenario 'k' { horizon = 100, replications = 2 }\n"
        "local share = param('share', 0.9)\n"
        "arrivals 'a' { interarrival = 1, to = 'b' }\n"
        "activity 'b' { duration = 0 }\n"
        "activity 'c' { duration = 0 }\n"
        "activity 'd' { duration = 0 }\n"
        "variant 'broken' { apply = function() activity 'b' { next = { c = share, d = 0.2, exit = rest } } end }\n"
        "variant 'hooked' { apply = function() activity 'b' { next = function(item) return 'd' end } end }\n";
    const char *broken = "bad.lua:7: activity \"b\": next: c = 0.9 and d = 0.2 leave nothing for exit";
    assert_string_equal(short_error(load_error(text, NULL)), broken);   /* by default: the whole file */

    remous_options opt = remous_default_options();
    opt.keep_failed_variants = 1;
    const char *names[] = {"share"}, *values[] = {"0.9"}, *origins[] = {"page"};
    opt.nsets = 1;
    opt.set_names = names;
    opt.set_values = values;
    opt.set_origins = origins;
    remous_scenario *sc = open_text(text, &opt);
    char err[1024];
    remous_results *res = NULL;
    assert_int_equal(remous_run_variant(sc, "broken", &res, err, sizeof err), REMOUS_ERR_INPUT);
    assert_string_equal(short_error(err), "scenario.lua:7: activity \"b\": next: c = 0.9 and d = 0.2 leave nothing "
                                          "for exit (share = 0.9, set on the page)");
    assert_string_equal(short_error(rm_variant_error(sc, 1, "fr")), "scenario.lua:7: activity \"b\": next: c = 0.9 et d = 0.2 ne "
                                                       "laissent rien pour exit (share = 0.9, réglé sur la page)");
    assert_null(sc->errors[2]);
    /* the variant after it sees its own steps (its hook names "d") */
    assert_int_equal(remous_run_variant(sc, "hooked", &res, err, sizeof err), REMOUS_OK);
    assert_true(metric(res, "activity", "d", "completed").mean >= 99);
    assert_int_equal(metric(res, "activity", "c", "completed").mean, 0);
    remous_results_free(res);
    remous_comparison *cmp = NULL;
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    assert_int_equal(cmp->n, 2);
    assert_int_equal(cmp->nfailed, 1);
    assert_int_equal(cmp->failed[0], 1);
    remous_delta_row row;
    assert_int_equal(remous_comparison_find(cmp, "hooked", "activity", "d", "completed", &row), 0);
    assert_int_equal(remous_comparison_find(cmp, "broken", "activity", "d", "completed", &row), -1);
    remous_comparison_free(cmp);
    remous_close(sc);

    /* an error of the file itself still fails the open */
    assert_string_equal(short_error(load_error(HEAD "activity 'b' { duration = 0, next = { b = 0.8, exit = 0.3 } }\n"
                                               "variant 'v' {}", &opt)),
                        "bad.lua:2: activity \"b\": next: the probabilities must sum to 1, they sum to 1.1");
}

static void time_helpers_follow_the_unit(void **state) {
    (void)state;
    /* the unit written anywhere, even as a variable; a comment is not read */
    remous_scenario *sc0 = open_text(
        "local hourly = 'hour'\n"
        "local before = days(1)\n"
        "-- unit = 'second' is what the old version used\n"
        "scenario 'u' { unit = hourly, horizon = days(2), warmup = before, replications = 1 }\n"
        "assert(before == 24)\n", NULL);
    remous_results *r0 = run_ok(sc0);
    remous_close(sc0);
    remous_results_free(r0);
    sc0 = open_text("-- unit = 'hour' is what the old version used\n"
                    "scenario 'u' { horizon = days(2) }\nassert(days(2) == 2880)\n", NULL);
    remous_close(sc0);
    remous_scenario *sc = open_text(
        "scenario 'u' { unit = 'hour', horizon = days(2), replications = 1 }\n"
        "assert(minutes(30) == 0.5 and hours(2) == 2 and weeks(1) == 168 and seconds(36) == 0.01)\n"
        "arrivals 'a' { rate = per_day(24), to = 'b' }\n"
        "activity 'b' { duration = minutes(6) }\n", NULL);
    remous_results *res = run_ok(sc);
    assert_near(metric(res, "activity", "b", "duration_mean").mean, 0.1, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* Labels reach the model, and what people read follows labels.h: the label,
 * else the name with _ as spaces; people as the role's label and number. */
static void labels_reach_the_model(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 'x' { horizon = 10, label = 'Le « x » 📚',\n"
        "  kinds = { core = 'conseil', admin = { label = 'paperasse', group = 'gestion' } } }\n"
        "role 'book_seller' { count = 2, label = 'libraires' }\n"
        "role 'clerk_on_duty' {}\n"
        "arrivals 'walk_in' { interarrival = 1, to = 'advise' }\n"
        "activity 'advise' { role = 'book_seller', duration = 1, kind = 'core', next = 'file', label = 'conseil aux lecteurs' }\n"
        "task 'count_the_till' { every = 5, role = 'clerk_on_duty', duration = 1, kind = 'admin', label = 'compter la caisse' }\n"
        "activity 'file' { role = 'clerk_on_duty', duration = 1 }\n"
        "tool 't' { label = 'outil', apply = function() activity 'file' { kind = 'orders' } end }\n"
        "variant 'with_t' { tools = { 't' }, label = 'avec « t »' }\n", NULL);
    assert_non_null(sc);
    const rm_model *m = sc->models[0], *v = sc->models[1];
    char buf[64];
    assert_string_equal(m->label, "Le « x » 📚");
    assert_string_equal(m->variant_label, "");
    assert_string_equal(v->variant_label, "avec « t »");
    assert_string_equal(m->roles[0].label, "libraires");
    assert_string_equal(m->roles[1].label, "");
    assert_int_equal(m->nkinds, 3);              /* core, work (file's default), admin (tasks come last) */
    assert_string_equal(m->kinds[2], "admin");
    assert_string_equal(m->kind_labels[2], "paperasse");
    assert_string_equal(m->kind_groups[2], "gestion");
    assert_string_equal(m->kind_groups[0], "");
    assert_string_equal(m->kind_labels[1], "");
    assert_string_equal(v->tools[0].label, "outil");
    /* a task's label is its step's, and its own queue's */
    assert_string_equal(rm_label_of(m, "activity", "count_the_till", "en", buf, sizeof buf), "compter la caisse");
    assert_string_equal(rm_label_of(m, "queue", "count_the_till", "en", buf, sizeof buf), "compter la caisse");
    assert_string_equal(rm_label_of(m, "queue", "advise", "en", buf, sizeof buf), "conseil aux lecteurs");
    assert_string_equal(rm_label_of(m, "arrivals", "walk_in", "en", buf, sizeof buf), "walk in");
    assert_string_equal(rm_label_of(m, "person", "book_seller#2", "en", buf, sizeof buf), "libraires #2");
    assert_string_equal(rm_label_of(m, "person", "book_seller#2", "fr", buf, sizeof buf), "libraires nº 2");
    assert_string_equal(rm_label_of(m, "person", "clerk_on_duty#1", "en", buf, sizeof buf), "clerk on duty #1");
    assert_string_equal(rm_label_of(m, "role", "no_such_role", "en", buf, sizeof buf), "no such role");
    assert_string_equal(rm_kind_label(m, "admin", "en", buf, sizeof buf), "paperasse");
    assert_string_equal(rm_kind_label(m, "work", "en", buf, sizeof buf), "work");
    assert_string_equal(rm_kind_label(m, "work", "fr", buf, sizeof buf), "travail");
    assert_string_equal(rm_kind_label(v, "orders", "fr", buf, sizeof buf), "orders");
    assert_string_equal(rm_variant_label(m, "baseline", "fr", buf, sizeof buf), "situation actuelle");
    assert_string_equal(rm_variant_label(v, "with_t", "en", buf, sizeof buf), "avec « t »");
    /* cut at a character, never inside one: "Le « x » 📚" is 16 bytes, the emoji 4 */
    char small[15];
    assert_string_equal(rm_shown(m->label, m->name, small, sizeof small), "Le « x » ");
    char tiny[5];
    assert_string_equal(rm_shown("«««", "x", tiny, sizeof tiny), "««");
    assert_int_equal(rm_utf8_length("Le « x » 📚"), 10);
    remous_close(sc);
}

/* What waits in each queue (rm_queue.holds): people where a stream of
 * people can come, by a route, a table, a tool's route or fallback, or a
 * function (any step); forms where every step of the queue has patience
 * = false; a task's occurrences where only a task comes. */
static int holds_of(const rm_model *m, const char *queue) {
    for (int q = 0; q < m->nqueues; q++)
        if (strcmp(m->queues[q].name, queue) == 0)
            return m->queues[q].holds;
    return -1;
}

static void queues_know_what_waits_there(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 'x' { horizon = days(1) }\n"
        "role 'clerk' {}\n"
        "arrivals 'visitors' { interarrival = 10, to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 1, next = { file = 0.5, exit = 0.5 } }\n"
        "activity 'file' { role = 'clerk', duration = 1, patience = false, next = function(item) return 'call' end }\n"
        "activity 'call' { role = 'clerk', duration = 1 }\n"
        "task 'tidy' { every = 'mon-sun 09:00', role = 'clerk', duration = 30 }\n", NULL);
    const rm_model *m = sc->models[0];
    assert_int_equal(holds_of(m, "serve"), RM_HOLDS_PEOPLE);
    assert_int_equal(holds_of(m, "file"), RM_HOLDS_FORMS);
    assert_int_equal(holds_of(m, "call"), RM_HOLDS_PEOPLE);     /* after a function: any step, */
    assert_int_equal(holds_of(m, "tidy"), RM_HOLDS_PEOPLE);     /* the task's too */
    remous_close(sc);
    sc = open_text("scenario 'x' { horizon = days(1) }\n"
                   "role 'clerk' {}\n"
                   "arrivals 'visitors' { interarrival = 10, to = 'serve' }\n"
                   "activity 'serve' { role = 'clerk', duration = 1 }\n"
                   "task 'tidy' { every = 'mon-sun 09:00', role = 'clerk', duration = 30 }\n", NULL);
    assert_int_equal(holds_of(sc->models[0], "serve"), RM_HOLDS_PEOPLE);
    assert_int_equal(holds_of(sc->models[0], "tidy"), RM_HOLDS_TASKS);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(malformed_scenarios_name_file_and_line),
        cmocka_unit_test(invalid_distribution_parameters),
        cmocka_unit_test(empirical_data),
        cmocka_unit_test(the_sandbox_keeps_scenarios_in),
        cmocka_unit_test(defaults_change_nothing),
        cmocka_unit_test(trampled_globals_change_nothing),
        cmocka_unit_test(math_random_as_in_lua),
        cmocka_unit_test(hooks_draw_from_their_own_streams),
        cmocka_unit_test(calendars_are_checked_where_written),
        cmocka_unit_test(params_and_set),
        cmocka_unit_test(time_helpers_follow_the_unit),
        cmocka_unit_test(a_variant_that_fails_can_be_kept_apart),
        cmocka_unit_test(labels_reach_the_model),
        cmocka_unit_test(queues_know_what_waits_there),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
