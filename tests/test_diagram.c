/* The process diagram (diagram.c) of a tiny model: one node per stream and
 * step plus the exit, one edge per route with its probability, a hook's
 * route dashed, what a variant changes coloured, a scenario's words
 * escaped, the French words. */
#include "testing.h"

#include "diagram.h"
#include "scenario.h"

static const char *tiny =
    "scenario 'tiny' { unit = 'minute', horizon = days(5), replications = 2 }\n"
    "role 'clerk' { count = 2, label = 'R&D <team> \\\\N' }\n"
    "arrivals 'calls' { interarrival = exponential(10), to = 'answer', label = 'phone calls' }\n"
    "arrivals 'letters' { interarrival = exponential(30), to = 'sort' }\n"
    "activity 'answer' { role = 'clerk', duration = exponential(3), next = { sort = 0.3, exit = 0.7 } }\n"
    "activity 'sort' { role = 'clerk', duration = 2, next = { file = 0.25, exit = 0.75 } }\n"
    "activity 'file' { duration = 5, next = function(item) return 'exit' end }\n"
    "variant 'more sorting' { apply = function()\n"
    "  activity 'answer' { next = { sort = 0.5, exit = 0.5 } }\n"
    "  activity 'archive' { role = 'clerk', duration = 1 }\n"
    "  activity 'file' { next = 'archive' }\n"
    "end }\n";

/* How many times s holds what. */
static int count(const char *s, const char *what) {
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* How many of the SVG's <g> groups of class cls hold what. */
static int groups_with(const char *svg, const char *cls, const char *what) {
    char open[64];
    snprintf(open, sizeof open, "class=\"%s\"", cls);
    int n = 0;
    for (const char *p = strstr(svg, open); p; p = strstr(p + 1, open)) {
        const char *end = strstr(p, "</g>");
        const char *found = strstr(p, what);
        n += found && end && found < end;
    }
    return n;
}

static void tiny_model(void **state) {
    (void)state;
    remous_scenario *sc = open_text(tiny, NULL);
    remous_results *res = run_ok(sc);
    char err[400] = "";
    char *svg = rm_diagram_svg(sc->models[0], res, NULL, "t0", "en", err, sizeof err);
    if (!svg)
        fail_msg("no diagram: %s", err);
    assert_int_equal(strncmp(svg, "<svg", 4), 0);            /* inline: no prolog */
    assert_null(strstr(svg, "<?xml"));
    assert_null(strstr(svg, "<!DOCTYPE"));
    assert_int_equal(count(svg, "class=\"node\""), 6);         /* 2 streams, 3 steps, the exit */
    assert_int_equal(count(svg, "class=\"edge\""), 7);
    assert_int_equal(count(svg, ">30%</text>"), 1);
    assert_int_equal(count(svg, ">70%</text>"), 1);
    assert_int_equal(count(svg, ">25%</text>"), 1);
    assert_int_equal(count(svg, ">75%</text>"), 1);
    assert_int_equal(count(svg, ">decided by a function</text>"), 1);
    assert_int_equal(groups_with(svg, "edge", "stroke-dasharray=\"5,2\""), 1);   /* the hook's route */
    assert_int_equal(count(svg, ">R&amp;D &lt;team&gt; \\N (2)</text>"), 2);   /* answer's and sort's */
    assert_int_equal(count(svg, ">phone calls</text>"), 1);
    assert_int_equal(count(svg, ">letters</text>"), 1);
    assert_int_equal(count(svg, ">no one (a delay)</text>"), 1);
    assert_int_equal(count(svg, " of the flow</text>"), 3);
    assert_int_equal(count(svg, " a day</text>"), 2);          /* five days: counts per day */
    assert_int_equal(count(svg, "id=\"t0_n"), 6);              /* ids unique in a page */
    assert_int_equal(count(svg, "d55e00"), 0);                 /* the baseline: nothing coloured */
    free(svg);

    /* French: its words and the space before % */
    svg = rm_diagram_svg(sc->models[0], res, NULL, "t0", "fr", err, sizeof err);
    assert_non_null(svg);
    assert_int_equal(count(svg, ">30 %</text>"), 1);
    assert_int_equal(count(svg, ">sortie</text>"), 1);
    assert_int_equal(count(svg, ">décidé par une fonction</text>"), 1);
    assert_int_equal(count(svg, " du flux</text>"), 3);
    free(svg);

    /* the variant against the baseline: two routes of answer changed, one
     * step added (archive) with the route to it, file's hook gone */
    assert_int_equal(sc->nmodels, 2);
    svg = rm_diagram_svg(sc->models[1], NULL, sc->models[0], "t1", "en", err, sizeof err);
    assert_non_null(svg);
    assert_int_equal(count(svg, "class=\"node\""), 7);
    assert_int_equal(count(svg, "class=\"edge\""), 8);
    assert_int_equal(count(svg, ">50%</text>"), 2);
    assert_int_equal(count(svg, ">decided by a function</text>"), 0);
    assert_int_equal(groups_with(svg, "node", "fill=\"#fbe6bc\""), 1);     /* archive, added */
    assert_int_equal(count(svg, ">(new)</text>"), 1);
    assert_int_equal(groups_with(svg, "edge", "stroke=\"#d55e00\""), 4);   /* answer's two, to archive and out of it */
    assert_int_equal(count(svg, " of the flow</text>"), 0);                /* no results: no figures */
    free(svg);
    remous_results_free(res);
    remous_close(sc);
}

/* A tool with an uptake: its route and the others', with their shares; its
 * step's fallback dotted; a step people come back to, per arrival. */
static const char *with_tool =
    "scenario 'loop' { unit = 'minute', horizon = weeks(3), replications = 2 }\n"
    "role 'clerk' { count = 3 }\n"
    "arrivals 'visits' { interarrival = exponential(15), to = 'check' }\n"
    "activity 'check' { role = 'clerk', duration = 2, next = { check = 0.5, exit = 0.5 } }\n"
    "activity 'pay' { role = 'clerk', duration = 1 }\n"
    "tool 'app' { uptake = 0.4, fallback = 'pay', apply = function()\n"
    "  arrivals 'visits' { to = 'pay_app' }\n"
    "  activity 'pay_app' { role = 'clerk', duration = 1 }\n"
    "end }\n"
    "variant 'with the app' { tools = { 'app' } }\n";

static void tool_and_loop(void **state) {
    (void)state;
    remous_scenario *sc = open_text(with_tool, NULL);
    remous_results *res = run_ok(sc);
    char err[400] = "";
    char *svg = rm_diagram_svg(sc->models[0], res, NULL, "b", "en", err, sizeof err);
    assert_non_null(svg);
    assert_int_equal(count(svg, "class=\"node\""), 4);            /* visits, check, pay (nobody sends there), out */
    assert_int_equal(count(svg, " times per arrival</text>"), 1);  /* check: twice per visit on average */
    const char *week = strstr(svg, " a week</text>");           /* three weeks: per week */
    assert_non_null(week);
    while (week > svg && week[-1] != '>')
        week--;
    assert_near(atof(week), 4 * 168, 0.05 * 4 * 168);           /* 4 an hour, said per week */
    assert_int_equal(count(svg, ">never done</text>"), 1);         /* pay, before the tool */
    free(svg);
    svg = rm_diagram_svg(sc->models[1], NULL, sc->models[0], "v", "en", err, sizeof err);
    assert_non_null(svg);
    assert_int_equal(count(svg, "class=\"node\""), 5);
    assert_int_equal(count(svg, ">with app (40%)</text>"), 1);
    assert_int_equal(count(svg, ">the others (60%)</text>"), 1);
    assert_int_equal(count(svg, ">when the tool is not used</text>"), 1);
    assert_int_equal(groups_with(svg, "edge", "stroke-dasharray=\"1,5\""), 1);   /* the fallback, dotted */
    free(svg);
    remous_results_free(res);
    remous_close(sc);
}

/* A model too large to draw legibly: no picture, one line saying why, and
 * the report is written all the same. */
static void too_large(void **state) {
    (void)state;
    char text[20000];
    size_t n = (size_t)snprintf(text, sizeof text,
                                "scenario 'long' { unit = 'minute', horizon = days(1), replications = 2 }\n"
                                "arrivals 'in' { interarrival = exponential(30), to = 's1' }\n");
    for (int i = 1; i <= 81; i++) {             /* a chain of 81 steps */
        char next[16] = "exit";
        if (i < 81)
            snprintf(next, sizeof next, "s%d", i + 1);
        n += (size_t)snprintf(text + n, sizeof text - n, "activity 's%d' { duration = 1, next = '%s' }\n", i, next);
    }
    remous_scenario *sc = open_text(text, NULL);
    remous_results *res = run_ok(sc);
    char err[400] = "";
    assert_null(rm_diagram_svg(sc->models[0], res, NULL, "d0", "en", err, sizeof err));
    assert_string_equal(err, "too large to draw legibly (82 steps and streams, 82 routes; at most 80 and 200)");
    assert_null(rm_diagram_svg(sc->models[0], res, NULL, "d0", "fr", err, sizeof err));
    assert_string_equal(err, "trop grand pour rester lisible (82 étapes et flux, 82 chemins ; au plus 80 et 200)");
    const char *path = scenario_file("long.html", "");
    assert_int_equal(remous_write_html_run(res, path, "en", err, sizeof err), REMOUS_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char page[1 << 20];
    page[fread(page, 1, sizeof page - 1, f)] = '\0';
    fclose(f);
    assert_int_equal(count(page, "<p class=\"meta\">The picture of the model could not be drawn: too large to draw "
                                 "legibly (82 steps and streams, 82 routes; at most 80 and 200)</p>"), 1);
    assert_int_equal(count(page, "class=\"node\""), 0);
    assert_int_equal(count(page, "</html>"), 1);
    remous_results_free(res);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tiny_model),
        cmocka_unit_test(tool_and_loop),
        cmocka_unit_test(too_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
