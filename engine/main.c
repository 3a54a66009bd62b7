/* The command line: remous run | check | --help | --version.
 * Exit codes: 0 success, 1 a run failed, 2 a usage or scenario error.
 * Errors are one line on stderr: "remous: FILE:LINE: message". */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "remous.h"
#include "words.h"

static const char usage[] =
    "usage: remous run SCENARIO.lua [options]      run the replications, print a summary\n"
    "       remous compare SCENARIO.lua [options]  baseline against every variant, paired\n"
    "       remous sweep SCENARIO.lua --grid NAME=V1,V2,... [--grid ...] --out DIR\n"
    "                    [--shard I/N] [--resume] [--rank ELEMENT:NAME:METRIC[:min|max]] [options]\n"
    "       remous merge DIR... --out DIR [--rank ...]   gather the shards of a sweep\n"
    "       remous batch SCRIPT.lua [--seed S] [--jobs J]   a Lua script calling run, compare, sweep\n"
    "       remous fragility SCENARIO.lua [--variant NAME] [--away 2w] [--at T|worst]\n"
    "                    each person away in turn, paired with the same run without the absence\n"
    "       remous trace SCENARIO.lua [--variant NAME] --out FILE.csv   event log of one replication\n"
    "       remous check SCENARIO.lua [--set NAME=VALUE]...   validate only\n"
    "       remous workshop SCENARIO.lua [--port P] [--listen ADDR]   a live page for a team\n"
    "       remous --help | --version\n"
    "\n"
    "options:\n"
    "  --variant NAME       run a variant of the scenario instead of the baseline (run, fragility)\n"
    "  --away T             fragility: how long each person is away: 2w, 10d, 36h (default 2w)\n"
    "  --at T|worst         fragility: when the absence starts, from the start: 3w, 10d (default: the\n"
    "                       end of the warm-up); worst: each week of the measured period, the worst kept\n"
    "  --reps N             replications (default: the scenario's, else 10)\n"
    "  --seed S             seed of the random streams (default 1)\n"
    "  --set NAME=VALUE     value of a param() of the scenario (repeatable)\n"
    "  --out DIR            write summary.csv, replications.csv, timeseries.csv, params.csv into DIR\n"
    "  --period T           time-series period: 1w, 1d, 8h, 30min, or a number in the scenario's unit\n"
    "  --html FILE          write the report, one self-contained page (run, compare)\n"
    "  --jobs J             processes for the replications (default: every core)\n"
    "  --lang en|fr         language of the digest and the report (en)\n"
    "  --min-change SPEC    compare, workshop: the smallest change the digest lists, e.g. 10%\n"
    "                       or 10%,time=2,share=2,count=5,people=1 (default 5%,time=0.5,share=1,\n"
    "                       count=1,people=0.5; 0: every change significant after Holm's correction)\n"
    "  --unsafe             lift the sandbox (only for scenarios you trust)\n"
    "  --quiet              no table on stdout\n"
  "  --port P             workshop: port to listen on (default 8080; 0: any free port)\n"
  "  --listen ADDR        workshop: address to listen on (default 127.0.0.1; beyond it, a token)\n"
    "";

typedef struct cli {
    const char *command, *scenario, *out, *variant, *lang, *html, *rank, *listen, *away, *at;
    int port;
    const char *dirs[1024];           /* merge's folders */
    int ndirs;
    remous_grid grid[64];
    int ngrid, shard, nshards, resume;
    remous_options opt;
    const char *set_names[256], *set_values[256];
    int quiet;
} cli;

/* The options of run and check; `later`: in the contract, not in this version. */
static const struct {
    const char *name;
    int flag, later;
} options[] = {
    {"--reps", 0, 0}, {"--seed", 0, 0}, {"--jobs", 0, 0}, {"--set", 0, 0}, {"--out", 0, 0},
    {"--lang", 0, 0}, {"--unsafe", 1, 0}, {"--quiet", 1, 0},
    {"--period", 0, 0}, {"--variant", 0, 0}, {"--html", 0, 0}, {"--grid", 0, 0}, {"--shard", 0, 0},
    {"--resume", 1, 0}, {"--rank", 0, 0}, {"--port", 0, 0}, {"--listen", 0, 0}, {"--min-change", 0, 0},
    {"--away", 0, 0}, {"--at", 0, 0}, {NULL, 0, 0},
};

static int fail_usage(const char *fmt, const char *arg) {
    fputs("remous: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see remous --help)\n", stderr);
    return REMOUS_ERR_INPUT;
}

/* Parses a whole number in [min, max]; returns 0 or -1. */
static int parse_whole(const char *s, unsigned long long min, unsigned long long max, unsigned long long *out) {
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse(cli *c, int argc, char **argv) {
    c->command = argv[1];
    for (int i = 2; i < argc; i++) {
        char *arg = argv[i];
        if (strncmp(arg, "--", 2) != 0) {
            if (strcmp(c->command, "merge") == 0) {
                if (c->ndirs == 1024)
                    return fail_usage("too many folders to merge%s", "");
                c->dirs[c->ndirs++] = arg;
                continue;
            }
            if (c->scenario)
                return fail_usage("unexpected argument %s: give one scenario file", arg);
            c->scenario = arg;
            continue;
        }
        /* --name value or --name=value */
        char name[64];
        const char *value = NULL, *eq = strchr(arg, '=');
        if (eq && strncmp(arg, "--set", 5) != 0) {
            snprintf(name, sizeof name, "%.*s", (int)(eq - arg), arg);
            value = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", arg);
            if (strncmp(arg, "--set=", 6) == 0) {
                snprintf(name, sizeof name, "--set");
                value = arg + 6;
            }
        }
        int known = -1;
        for (int k = 0; options[k].name; k++)
            if (strcmp(options[k].name, name) == 0)
                known = k;
        if (known < 0)
            return fail_usage("unknown option %s", name);
        if (options[known].later)
            return fail_usage("%s is not supported yet by this version of remous", name);
        if (!options[known].flag && !value) {
            if (i + 1 >= argc)
                return fail_usage("%s needs a value", name);
            value = argv[++i];
        }
        unsigned long long v;
        if (strcmp(name, "--unsafe") == 0) {
            c->opt.unsafe = 1;
        } else if (strcmp(name, "--resume") == 0) {
            c->resume = 1;
        } else if (strcmp(name, "--rank") == 0) {
            c->rank = value;
        } else if (strcmp(name, "--port") == 0) {
            if (parse_whole(value, 0, 65535, &v) < 0)
                return fail_usage("--port: expected a whole number from 0 to 65535, got \"%s\"", value);
            c->port = (int)v;
        } else if (strcmp(name, "--away") == 0) {
            c->away = value;
        } else if (strcmp(name, "--at") == 0) {
            c->at = value;
        } else if (strcmp(name, "--listen") == 0) {
            c->listen = value;
        } else if (strcmp(name, "--min-change") == 0) {
            c->opt.min_change = value;
        } else if (strcmp(name, "--shard") == 0) {
            unsigned long long a, b;
            char *slash = strchr(value, '/');
            char first[32];
            snprintf(first, sizeof first, "%.*s", slash ? (int)(slash - value) : 0, value);
            if (!slash || parse_whole(first, 1, 100000, &a) < 0 || parse_whole(slash + 1, 1, 100000, &b) < 0 || a > b)
                return fail_usage("--shard: expected I/N with 1 <= I <= N, e.g. 2/8, got \"%s\"", value);
            c->shard = (int)a;
            c->nshards = (int)b;
        } else if (strcmp(name, "--grid") == 0) {
            const char *e = strchr(value, '=');
            if (!e || e == value || !e[1])
                return fail_usage("--grid: expected NAME=V1,V2,..., got \"%s\"", value);
            if (c->ngrid == 64)
                return fail_usage("too many --grid options%s", "");
            remous_grid *g = &c->grid[c->ngrid++];
            g->name = strndup(value, (size_t)(e - value));
            int n = 1;
            for (const char *p = e + 1; *p; p++)
                n += *p == ',';
            const char **values = calloc((size_t)n, sizeof *values);
            char *copy = strdup(e + 1);
            if (!g->name || !values || !copy)
                return fail_usage("out of memory%s", "");
            g->nvalues = 0;
            for (char *p = copy; p; ) {
                char *comma = strchr(p, ',');
                if (comma)
                    *comma++ = '\0';
                if (!*p)
                    return fail_usage("--grid %s: an empty value", g->name);
                values[g->nvalues++] = p;
                p = comma;
            }
            g->values = values;
        } else if (strcmp(name, "--quiet") == 0) {
            c->quiet = 1;
        } else if (strcmp(name, "--reps") == 0) {
            if (parse_whole(value, 1, 10000000, &v) < 0)
                return fail_usage("--reps: expected a whole number from 1 to 10000000, got \"%s\"", value);
            c->opt.replications = (int)v;
        } else if (strcmp(name, "--seed") == 0) {
            if (parse_whole(value, 0, ULLONG_MAX, &v) < 0)
                return fail_usage("--seed: expected a whole number >= 0, got \"%s\"", value);
            c->opt.seed = v;
        } else if (strcmp(name, "--jobs") == 0) {
            if (parse_whole(value, 1, 4096, &v) < 0)
                return fail_usage("--jobs: expected a whole number from 1 to 4096, got \"%s\"", value);
            c->opt.jobs = (int)v;
        } else if (strcmp(name, "--lang") == 0) {
            if (!rm_lang_known(value)) {
                fprintf(stderr, "remous: --lang: expected one of %s, got \"%s\" (see remous --help)\n", rm_lang_codes(),
                        value);
                return REMOUS_ERR_INPUT;
            }
            c->lang = value;
        } else if (strcmp(name, "--variant") == 0) {
            if (strcmp(c->command, "compare") == 0)
                return fail_usage("--variant goes with run and trace (compare runs every variant)%s", "");
            c->variant = value;
        } else if (strcmp(name, "--html") == 0) {
            if (!*value)
                return fail_usage("--html needs a file name, e.g. --html report.html%s", "");
            c->html = value;
        } else if (strcmp(name, "--period") == 0) {
            c->opt.period = value;
        } else if (strcmp(name, "--out") == 0) {
            if (!*value)
                return fail_usage("--out needs a folder%s", "");
            c->out = value;
        } else if (strcmp(name, "--set") == 0) {
            const char *e = strchr(value, '=');
            if (!e || e == value)
                return fail_usage("--set: expected NAME=VALUE, got \"%s\"", value);
            if (c->opt.nsets == 256)
                return fail_usage("too many --set options%s", "");
            size_t len = (size_t)(e - value);
            char *n = malloc(len + 1);
            if (!n)
                return fail_usage("out of memory%s", "");
            memcpy(n, value, len);
            n[len] = '\0';
            for (int k = 0; k < c->opt.nsets; k++)
                if (strcmp(c->set_names[k], n) == 0) {
                    free(n);
                    return fail_usage("--set %s given twice", c->set_names[k]);
                }
            c->set_names[c->opt.nsets] = n;
            c->set_values[c->opt.nsets++] = e + 1;
        }
    }
    if (strcmp(c->command, "merge") == 0) {
        if (c->ndirs == 0 || !c->out)
            return fail_usage("merge needs the shards' folders and --out DIR%s", "");
        return 0;
    }
    if (!c->scenario) {
        char example[160];
        snprintf(example, sizeof example, "%s needs a %s file, e.g. remous %s %s", c->command,
                 strcmp(c->command, "batch") == 0 ? "script" : "scenario", c->command,
                 strcmp(c->command, "batch") == 0 ? "scripts/batch/smallest_team.lua" : "scenarios/bookstore.lua");
        return fail_usage("%s", example);
    }
    if (strcmp(c->command, "sweep") == 0 && !c->out)
        return fail_usage("sweep needs --out DIR, where its results go%s", "");
    if (strcmp(c->command, "sweep") != 0 && (c->ngrid || c->nshards || c->resume))
        return fail_usage("--grid, --shard and --resume go with sweep%s", "");
    if (c->opt.min_change && strcmp(c->command, "compare") != 0 && strcmp(c->command, "workshop") != 0)
        return fail_usage("--min-change goes with compare and workshop, where a digest is shown%s", "");
    if ((c->port >= 0 || c->listen) && strcmp(c->command, "workshop") != 0)
        return fail_usage("--port and --listen go with workshop%s", "");
    if ((c->rank) && strcmp(c->command, "sweep") != 0 && strcmp(c->command, "merge") != 0)
        return fail_usage("--rank goes with sweep and merge%s", "");
    if ((c->away || c->at) && strcmp(c->command, "fragility") != 0)
        return fail_usage("--away and --at go with fragility%s", "");
    if (c->html && strcmp(c->command, "fragility") == 0)
        return fail_usage("--html does not go with fragility yet: use --out DIR for fragility.csv%s", "");
    if (strcmp(c->command, "trace") == 0 && !c->out)
        return fail_usage("trace needs --out FILE.csv, the event log to write%s", "");
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage, stderr);
        return REMOUS_ERR_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(usage, stdout);
        return REMOUS_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("remous %s\n", REMOUS_VERSION);
        return REMOUS_OK;
    }
    static const char *commands[] = {"run", "check", "compare", "trace", "sweep", "merge", "batch", "workshop",
                                      "fragility", NULL};
    int known = 0;
    for (const char **k = commands; *k; k++)
        known |= strcmp(argv[1], *k) == 0;
    if (!known)
        return fail_usage("unknown command '%s'", argv[1]);

    static cli c;
    c.opt = remous_default_options();
    c.opt.set_names = c.set_names;
    c.opt.set_values = c.set_values;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    c.opt.jobs = cores > 0 ? (int)cores : 1;     /* default: every core */
    c.port = -1;                                 /* workshop: 8080 unless --port */
    int status = parse(&c, argc, argv);
    if (status != 0)
        return status;
    c.opt.progress = !c.quiet && isatty(STDERR_FILENO);

    char err[1024];
    remous_watch_loads(1);                       /* the workshop: its first load only */
    if (strcmp(c.command, "merge") == 0) {
        status = remous_merge(c.dirs, c.ndirs, c.out, c.rank, c.quiet ? NULL : stdout, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        return status;
    }
    if (strcmp(c.command, "batch") == 0) {
        status = remous_batch(c.scenario, &c.opt, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        return status;
    }
    if (strcmp(c.command, "workshop") == 0) {
        c.opt.progress = 0;
        status = remous_workshop(c.scenario, &c.opt, c.listen ? c.listen : "127.0.0.1", c.port < 0 ? 8080 : c.port, stdout, err,
                                 sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        return status;
    }
    if (strcmp(c.command, "sweep") == 0) {
        remous_sweep_options sw = {c.grid, c.ngrid, c.variant, c.shard, c.nshards, c.resume, c.rank, c.html, c.lang};
        status = remous_sweep(c.scenario, &c.opt, &sw, c.out, c.quiet ? NULL : stdout, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        return status;
    }
    remous_scenario *sc = remous_open(c.scenario, &c.opt, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "remous: %s\n", err);
        return REMOUS_ERR_INPUT;
    }
    if (strcmp(c.command, "check") == 0) {
        status = remous_check(sc, stderr, err, sizeof err);
        if (status == REMOUS_OK)
            printf("%s: ok\n", c.scenario);
        else
            fprintf(stderr, "remous: %s\n", err);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "trace") == 0) {
        status = remous_trace(sc, c.variant ? c.variant : "baseline", c.out, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "fragility") == 0) {
        remous_fragility *f = NULL;
        remous_fragility_options fo = {c.variant, c.away, c.at};
        status = remous_fragility_run(sc, &fo, &f, err, sizeof err);
        if (status == REMOUS_OK && c.out)
            status = remous_write_fragility(f, c.out, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        else if (!c.quiet)
            remous_print_fragility(f, stdout, c.lang);
        remous_fragility_free(f);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "compare") == 0) {
        remous_comparison *cmp = NULL;
        status = remous_compare(sc, &cmp, err, sizeof err);
        if (status == REMOUS_OK && c.out)
            status = remous_write_comparison(cmp, c.out, err, sizeof err);
        if (status == REMOUS_OK && c.html)
            status = remous_write_html(cmp, c.html, c.lang, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        else
            remous_print_warnings(cmp, stderr);
        if (status == REMOUS_OK && !c.quiet) {
            remous_print_headline(cmp, stdout, c.lang);
            remous_print_digest(cmp, stdout, c.lang);
        }
        remous_comparison_free(cmp);
        remous_close(sc);
        return status;
    }
    remous_results *res = NULL;
    status = remous_run_variant(sc, c.variant ? c.variant : "baseline", &res, err, sizeof err);
    if (status == REMOUS_OK && c.out)
        status = remous_write_csv(res, c.out, err, sizeof err);
    if (status == REMOUS_OK && c.html)
        status = remous_write_html_run(res, c.html, c.lang, err, sizeof err);
    if (status != REMOUS_OK)
        fprintf(stderr, "remous: %s\n", err);
    else
        remous_print_run_warnings(res, stderr);
    if (status == REMOUS_OK && !c.quiet)
        remous_print_table(res, stdout);
    remous_results_free(res);
    remous_close(sc);
    for (int i = 0; i < c.opt.nsets; i++)
        free((char *)c.set_names[i]);
    return status;
}
