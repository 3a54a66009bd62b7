/* The command line: remous COMMAND ..., each command with the options it
 * uses (any other is refused), COMMAND --help, --help, --version.
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
#include "csv_out.h"
#include "grid.h"
#include "words.h"

static const char usage[] =
    "usage: remous run SCENARIO.lua [options]      run the replications, print a summary\n"
    "       remous compare SCENARIO.lua [options]  baseline against every variant, paired\n"
    "       remous sweep SCENARIO.lua --grid NAME=V1,V2,...|NAME=FROM:TO:STEP [--grid ...] --out DIR\n"
    "                    [--shard I/N] [--resume] [--rank ELEMENT:NAME:METRIC[:min|max]] [options]\n"
    "       remous merge DIR... --out DIR [--rank ... [--html FILE]]   gather the shards of a sweep\n"
    "       remous batch SCRIPT.lua [options]      a Lua script calling run, compare, sweep\n"
    "       remous fragility SCENARIO.lua [--variant NAME] [--away 2w] [--at T|worst]\n"
    "                    each person away in turn, paired with the same run without the absence\n"
    "       remous sensitivity SCENARIO.lua [--variant NAME] [--metric ELEMENT:NAME:METRIC]... [--points N]\n"
    "                    each param at its min and its max, paired: what matters most\n"
    "       remous trace SCENARIO.lua [--variant NAME] --out FILE.csv   event log of one replication\n"
    "       remous check SCENARIO.lua [--set NAME=VALUE]...   validate only\n"
    "       remous workshop SCENARIO.lua [--port P] [--listen ADDR]   a live page for a team\n"
    "       remous --help | --version\n"
    "       remous COMMAND --help                  the options that command takes (it refuses others)\n"
    "\n"
    "options:\n";

typedef struct cli {
    const char *command, *scenario, *out, *variant, *lang, *html, *rank, *listen, *away, *at;
    int port;
    const char *dirs[1024];           /* merge's folders */
    int ndirs;
    remous_grid grid[64];
    int ngrid, shard, nshards, resume;
    remous_options opt;
    const char *set_names[256], *set_values[256];
    const char *targets[256];         /* --target, as given */
    const char *prefer;
    const char *ranks[64];            /* --rank, as given */
    int nranks;
    const char *metrics[256];         /* sensitivity's --metric, as given */
    int nmetrics, points;
    int quiet;
    int fragility, sensitivity;       /* compare: the report's sections asked for */
} cli;

/* Every option: whether it takes a value, its placeholder and its help. */
static const struct option_spec {
    const char *name;
    int flag;                          /* 1: takes no value */
    const char *help;                  /* "--reps N             replications ..." */
} options[] = {
    {"--variant", 0, "--variant NAME       run a variant of the scenario instead of the baseline"},
    {"--reps", 0, "--reps N             replications (default: the scenario's, else 10)"},
    {"--seed", 0, "--seed S             seed of the random streams (default 1)"},
    {"--jobs", 0, "--jobs J             processes for the replications (default: the CPUs this process may use)"},
    {"--set", 0, "--set NAME=VALUE     value of a param() of the scenario (repeatable)"},
    {"--out", 0, "--out DIR            write summary.csv, replications.csv, timeseries.csv, params.csv into DIR"},
    {"--period", 0, "--period T           time-series period: 1w, 1d, 8h, 30min, or a number in the scenario's unit"},
    {"--html", 0, "--html FILE          write the report, one self-contained page"},
    {"--lang", 0, "--lang en|fr         language of the table, the digest and the report (en)"},
    {"--min-change", 0, "--min-change SPEC    the smallest change the digest lists, e.g. 10%\n"
                        "                       or 10%,time=2,share=2,count=5,people=1 (default 5%,time=0.5,share=1,\n"
                        "                       count=1,people=0.5; 0: every change significant after Holm's correction)"},
    {"--grid", 0, "--grid NAME=V1,V2,... or NAME=FROM:TO:STEP   the values of a param to sweep (repeatable)"},
    {"--shard", 0, "--shard I/N          run only the I-th of N slices of the grid"},
    {"--resume", 1, "--resume             skip the points an interrupted sweep into --out finished"},
    {"--rank", 0, "--rank ELEMENT:NAME:METRIC[:min|max]   rank the points on that metric (repeatable: the Pareto front)"},
    {"--port", 0, "--port P             port to listen on (default 8080; 0: any free port)"},
    {"--listen", 0, "--listen ADDR        address to listen on (default 127.0.0.1; beyond it, a token)"},
    {"--target", 0, "--target SPEC        a level a metric must reach, judged on its 95% interval,\n"
                    "                       e.g. arrivals:walk_in:wait_mean<5 (or <=, >, >=; repeatable)"},
    {"--prefer", 0, "--prefer NAME:min|max,...   orders the points that meet every target, names the cheapest"},
    {"--away", 0, "--away T             how long each person is away: 2w, 10d, 36h (default 2w)"},
    {"--at", 0, "--at T|worst         when the absence starts, from the start: 3w, 10d (default: the end of\n"
                "                       the warm-up); worst: each week of the measured period, the worst kept"},
    {"--metric", 0, "--metric ELEMENT:NAME:METRIC   a metric to follow, e.g. arrivals:walk_in:wait_mean (repeatable;\n"
                    "                       default: each stream's wait and people lost, each role's busy and mission shares)"},
    {"--points", 0, "--points N           values from min to max for the response curve of the top three params\n"
                    "                       of each metric (default 2: min and max only)"},
    {"--fragility", 1, "--fragility          the report gains each run's knock-outs side by side (with --away, --at)"},
    {"--sensitivity", 1, "--sensitivity        the report gains each run's tornado, the params at min and max (with --metric)"},
    {"--unsafe", 1, "--unsafe             lift the sandbox (only for scenarios you trust)"},
    {"--quiet", 1, "--quiet              no table on stdout, no progress bar"},
    {NULL, 0, NULL},
};

/* Each command, what it is for and the options it uses: any other option
 * is refused, never silently ignored. */
static const struct command_spec {
    const char *name, *synopsis, *what, *options;
    const char *const *help;           /* {option, help} pairs said otherwise for this command */
} commands[] = {
    {"run", "remous run SCENARIO.lua [options]", "run the replications of the baseline (or of --variant), print a summary",
     "--variant --reps --seed --jobs --set --out --html --period --lang --target --unsafe --quiet",
     (const char *const[]){"--lang", "--lang en|fr         the language of the table and the report (en)", NULL}},
    {"compare", "remous compare SCENARIO.lua [options]", "the baseline against every variant, paired; the digest of each",
     "--reps --seed --jobs --set --out --html --period --lang --min-change --target --prefer --fragility --away --at "
     "--sensitivity --metric --unsafe --quiet",
     (const char *const[]){"--out", "--out DIR            also compare.csv, the paired differences",
                           "--prefer", "--prefer METRIC:min|max,...   orders the options that meet every target by these\n"
                           "                       metrics' means (as --target names them), names the cheapest", NULL}},
    {"sweep", "remous sweep SCENARIO.lua --grid NAME=V1,V2,... [--grid ...] --out DIR [options]",
     "the scenario at every point of a grid of param values",
     "--grid --out --shard --resume --rank --html --variant --reps --seed --jobs --set --period --lang --target --prefer "
     "--unsafe --quiet",
     (const char *const[]){"--html", "--html FILE          with --rank or targets: the decision page (heat maps, targets, the answer)",
                           "--out", "--out DIR            where the sweep's files go (needed)",
                           "--lang", "--lang en|fr         the language of the ranking, and of the page (en)", NULL}},
    {"merge", "remous merge DIR... --out DIR [options]", "gather the shards of a sweep into what one machine writes",
     "--out --rank --html --lang --quiet",
     (const char *const[]){"--out", "--out DIR            where the merged files go (needed)",
                           "--html", "--html FILE          with --rank or targets: the decision page (heat maps, targets, the answer)",
                           "--lang", "--lang en|fr         the language of the ranking, and of the page (en)",
                           "--quiet", "--quiet              no ranking on stdout", NULL}},
    {"batch", "remous batch SCRIPT.lua [options]", "a Lua script calling run, compare and sweep",
     "--reps --seed --jobs --set --out --unsafe",
     (const char *const[]){"--reps", "--reps N             replications of the script's runs that give no reps",
                           "--seed", "--seed S             seed of the script's runs that give no seed (default 1)",
                           "--set", "--set NAME=VALUE     a value the script reads with arg(\"NAME\", default) (repeatable)",
                           "--out", "--out DIR            the folder write_csv() writes into",
                           "--unsafe", "--unsafe             lift the sandbox (only for scripts you trust)", NULL}},
    {"trace", "remous trace SCENARIO.lua --out FILE.csv [options]", "the event log of replication 1",
     "--out --variant --seed --set --unsafe",
     (const char *const[]){"--out", "--out FILE.csv       the event log to write (needed)", NULL}},
    {"check", "remous check SCENARIO.lua [options]", "validate, then one replication of each model: warnings",
     "--set --seed --unsafe --quiet",
     (const char *const[]){"--quiet", "--quiet              no \"FILE: ok\" line (warnings and errors still show)", NULL}},
    {"fragility", "remous fragility SCENARIO.lua [options]",
     "each person away in turn (and each role of two), paired with the same run without the absence",
     "--variant --away --at --reps --seed --jobs --set --out --lang --unsafe --quiet",
     (const char *const[]){"--out", "--out DIR            write fragility.csv into DIR",
                           "--lang", "--lang en|fr         the language of the sentences (en)", NULL}},
    {"sensitivity", "remous sensitivity SCENARIO.lua [options]",
     "each param with a min and a max run at both ends, paired: the params ranked by their effect on each metric",
     "--variant --metric --points --reps --seed --jobs --set --out --lang --unsafe --quiet",
     (const char *const[]){"--out", "--out DIR            write sensitivity.csv into DIR",
                           "--lang", "--lang en|fr         the language of the tornado (en)",
                           "--set", "--set NAME=VALUE     value of a param() in the runs that do not vary it (repeatable)",
                           NULL}},
    {"workshop", "remous workshop SCENARIO.lua [options]", "a live page for a team",
     "--port --listen --min-change --seed --jobs --period --unsafe", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const struct command_spec *command_of(const char *name) {
    for (int k = 0; commands[k].name; k++)
        if (strcmp(commands[k].name, name) == 0)
            return &commands[k];
    return NULL;
}

/* Whether the command uses the option (names are whole words of the list). */
static int uses(const struct command_spec *cmd, const char *option) {
    size_t len = strlen(option);
    for (const char *p = cmd->options; (p = strstr(p, option)) != NULL; p += len)
        if ((p == cmd->options || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
            return 1;
    return 0;
}

/* `remous COMMAND --help`: what the command is for and its options. */
static void command_help(const struct command_spec *cmd, FILE *out) {
    fprintf(out, "usage: %s\n%s\n\noptions:\n", cmd->synopsis, cmd->what);
    for (const char *p = cmd->options; *p; ) {           /* in the command's order */
        size_t len = strcspn(p, " ");
        int k = 0;
        while (options[k].name && (strlen(options[k].name) != len || strncmp(options[k].name, p, len) != 0))
            k++;
        p += len + (p[len] == ' ');
        if (!options[k].name)
            continue;
        const char *help = options[k].help;
        for (const char *const *h = cmd->help; h && *h; h += 2)
            if (strcmp(h[0], options[k].name) == 0)
                help = h[1];
        fprintf(out, "  %s\n", help);
    }
}

/* An error, one line on stderr whatever it quotes: a control character (a
 * new line in a path, a terminal's escape in an option's value) is written
 * as Lua writes it in a string, \n or \27. */
static void say_error(const char *msg) {
    fputs("remous: ", stderr);
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
        if (*p == '\n')
            fputs("\\n", stderr);
        else if (*p < ' ' || *p == 127)
            fprintf(stderr, "\\%d", *p);
        else
            fputc(*p, stderr);
    }
    fputc('\n', stderr);
}

static int fail_usage(const char *fmt, const char *arg) {
    char msg[4600];
    int n = snprintf(msg, sizeof msg, fmt, arg);
    if (n >= 0 && (size_t)n < sizeof msg)
        snprintf(msg + n, sizeof msg - (size_t)n, " (see remous --help)");
    say_error(msg);
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

/* An option the command does not use: which commands it goes with. */
static int refuse(const char *command, const char *option) {
    /* the words some tests and users already know */
    if (strcmp(option, "--variant") == 0 && strcmp(command, "compare") == 0)
        return fail_usage("--variant goes with run, sweep and trace (compare runs every variant)%s", "");
    if (strcmp(option, "--grid") == 0 || strcmp(option, "--shard") == 0 || strcmp(option, "--resume") == 0)
        return fail_usage("--grid, --shard and --resume go with sweep%s", "");
    if (strcmp(option, "--min-change") == 0)
        return fail_usage("--min-change goes with compare and workshop, where a digest is shown%s", "");
    if (strcmp(option, "--port") == 0 || strcmp(option, "--listen") == 0)
        return fail_usage("--port and --listen go with workshop%s", "");
    if (strcmp(option, "--rank") == 0)
        return fail_usage("--rank goes with sweep and merge%s", "");
    char with[256] = "";
    int n = 0, total = 0;
    for (int k = 0; commands[k].name; k++)
        total += uses(&commands[k], option);
    for (int k = 0; commands[k].name; k++) {
        if (!uses(&commands[k], option))
            continue;
        n++;
        size_t w = strlen(with);
        snprintf(with + w, sizeof with - w, "%s%s", n == 1 ? "" : n == total ? " and " : ", ", commands[k].name);
    }
    fprintf(stderr, "remous: %s goes with %s, not %s (see remous %s --help)\n", option, with, command, command);
    return REMOUS_ERR_INPUT;
}

/* Whether the command line asks for help: --help or -h where an option
 * (not an option's value) may stand. */
static int asks_help(int argc, char **argv) {
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
        for (int k = 0; options[k].name; k++)
            if (!options[k].flag && strcmp(argv[i], options[k].name) == 0) {
                i++;                             /* its value */
                break;
            }
    }
    return 0;
}

/* The options that may be given more than once; any other, twice, is a slip
 * (the last would win without a word). */
static const char *const repeatable[] = {"--set", "--grid", "--target", "--rank", "--metric", NULL};

static int parse(cli *c, int argc, char **argv) {
    c->command = argv[1];
    unsigned char given[sizeof options / sizeof options[0]] = {0};
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
        if (!uses(command_of(c->command), name))
            return refuse(c->command, name);
        int many = 0;
        for (const char *const *r = repeatable; *r; r++)
            many |= strcmp(*r, name) == 0;
        if (given[known]++ && !many && !options[known].flag)   /* a flag twice says the same */
            return fail_usage("%s is given twice: give it once", name);
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
            if (c->nranks == 64)
                return fail_usage("too many --rank options%s", "");
            c->ranks[c->nranks++] = value;
            c->rank = c->ranks[0];
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
        } else if (strcmp(name, "--target") == 0) {
            if (c->opt.ntargets == 256)
                return fail_usage("too many --target options%s", "");
            c->targets[c->opt.ntargets++] = value;
        } else if (strcmp(name, "--metric") == 0) {
            if (c->nmetrics == 256)
                return fail_usage("too many --metric options%s", "");
            c->metrics[c->nmetrics++] = value;
        } else if (strcmp(name, "--points") == 0) {
            if (parse_whole(value, 2, 1000, &v) < 0)
                return fail_usage("--points: expected a whole number from 2 to 1000 (2: min and max only), got \"%s\"",
                                  value);
            c->points = (int)v;
        } else if (strcmp(name, "--prefer") == 0) {
            c->prefer = value;
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
            const char *colon = strchr(e + 1, ':');
            if (g->name && !strchr(e + 1, ',') && colon && strchr(colon + 1, ':')) {   /* FROM:TO:STEP */
                const char **values;
                char message[512];
                if (rm_grid_range(g->name, e + 1, &values, &g->nvalues, message, sizeof message) < 0)
                    return fail_usage("%s", message);
                g->values = values;
                continue;
            }
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
        } else if (strcmp(name, "--fragility") == 0) {
            c->fragility = 1;
        } else if (strcmp(name, "--sensitivity") == 0) {
            c->sensitivity = 1;
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
                char msg[4500];
                snprintf(msg, sizeof msg, "--lang: expected one of %s, got \"%.4000s\" (see remous --help)",
                         rm_lang_codes(), value);
                say_error(msg);
                return REMOUS_ERR_INPUT;
            }
            c->lang = value;
            c->opt.lang = value;
        } else if (strcmp(name, "--variant") == 0) {
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
    if (c->nshards > 1 && (c->rank || c->html))
        return fail_usage("--rank and --html go with the merge of a sharded sweep: a shard ranks and draws "
                          "nothing (give them to remous merge)%s", "");
    if (c->opt.period && !c->out && !c->html && (strcmp(c->command, "run") == 0 || strcmp(c->command, "compare") == 0)) {
        fprintf(stderr, "remous: --period is the period of timeseries.csv and of the report's charts: add --out DIR "
                "or --html FILE (see remous %s --help)\n", c->command);
        return REMOUS_ERR_INPUT;
    }
    if (strcmp(c->command, "compare") == 0 && (c->fragility || c->sensitivity) && !c->html)
        return fail_usage("--fragility and --sensitivity add a section to the report: add --html FILE%s", "");
    if (strcmp(c->command, "compare") == 0 && (c->away || c->at) && !c->fragility)
        return fail_usage("--away and --at say how the knock-outs of --fragility run: add --fragility%s", "");
    if (strcmp(c->command, "compare") == 0 && c->nmetrics > 0 && !c->sensitivity)
        return fail_usage("--metric says what the tornados of --sensitivity follow: add --sensitivity%s", "");
    /* a page or an event log is written to a temporary name and renamed:
     * over /dev/null or a pipe, the rename would replace it */
    char why[4400];
    const char *file = c->html ? c->html : strcmp(c->command, "trace") == 0 ? c->out : NULL;
    if (file && rm_output_replaceable(file, why, sizeof why) < 0) {
        char msg[4500];
        snprintf(msg, sizeof msg, "%s %s", c->html ? "--html" : "--out", why);
        say_error(msg);
        return REMOUS_ERR_INPUT;
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
        for (int k = 0; options[k].name; k++)
            printf("  %s\n", options[k].help);
        return REMOUS_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("remous %s\n", REMOUS_VERSION);
        return REMOUS_OK;
    }
    const struct command_spec *cmd = command_of(argv[1]);
    if (!cmd)
        return fail_usage("unknown command '%s'", argv[1]);
    if (asks_help(argc, argv)) {
        command_help(cmd, stdout);
        return REMOUS_OK;
    }

    static cli c;
    c.opt = remous_default_options();
    c.opt.set_names = c.set_names;
    c.opt.set_values = c.set_values;
    c.opt.targets = c.targets;
    c.opt.jobs = remous_available_cpus();        /* default: the CPUs this process may use */
    c.port = -1;                                 /* workshop: 8080 unless --port */
    int status = parse(&c, argc, argv);
    if (status != 0)
        return status;
    c.opt.progress = !c.quiet && isatty(STDERR_FILENO);

    char err[1024];
    remous_watch_loads(1);                       /* the workshop: its first load only */
    if (strcmp(c.command, "compare") == 0)
        c.opt.prefer = c.prefer;                 /* a sweep's --prefer orders its grid (remous_sweep_options) */
    if (strcmp(c.command, "merge") == 0) {
        status = remous_merge_ranked(c.dirs, c.ndirs, c.out, c.ranks, c.nranks, c.html, c.lang, c.quiet ? NULL : stdout,
                                     err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        return status;
    }
    if (strcmp(c.command, "batch") == 0) {
        status = remous_batch(c.scenario, &c.opt, c.out, err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        return status;
    }
    if (strcmp(c.command, "workshop") == 0) {
        c.opt.progress = 0;
        status = remous_workshop(c.scenario, &c.opt, c.listen ? c.listen : "127.0.0.1", c.port < 0 ? 8080 : c.port, stdout, err,
                                 sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        return status;
    }
    if (strcmp(c.command, "sweep") == 0) {
        remous_sweep_options sw = {c.grid, c.ngrid, c.variant, c.shard, c.nshards, c.resume, c.rank, c.html, c.lang,
                                   c.prefer, c.ranks, c.nranks};
        status = remous_sweep(c.scenario, &c.opt, &sw, c.out, c.quiet ? NULL : stdout, err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        return status;
    }
    if (strcmp(c.command, "sensitivity") == 0) {
        remous_sensitivity *s = NULL;
        remous_sensitivity_options so = {c.variant, c.metrics, c.nmetrics, c.points, NULL, NULL};
        status = remous_sensitivity_run(c.scenario, &c.opt, &so, &s, err, sizeof err);
        if (status == REMOUS_OK && c.out)
            status = remous_write_sensitivity(s, c.out, err, sizeof err);
        if (status != REMOUS_OK)
            fprintf(stderr, "remous: %s\n", err);
        else if (!c.quiet)
            remous_print_sensitivity(s, stdout, c.lang);
        remous_sensitivity_free(s);
        return status;
    }
    remous_scenario *sc = remous_open(c.scenario, &c.opt, err, sizeof err);
    if (!sc) {
        say_error(err);
        return REMOUS_ERR_INPUT;
    }
    if (strcmp(c.command, "check") == 0) {
        status = remous_check(sc, stderr, err, sizeof err);
        if (status == REMOUS_OK && !c.quiet)
            printf("%s: ok\n", c.scenario);
        else
            say_error(err);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "trace") == 0) {
        status = remous_trace(sc, c.variant ? c.variant : "baseline", c.out, err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "fragility") == 0) {
        remous_fragility *f = NULL;
        remous_fragility_options fo = {c.variant, c.away, c.at, c.quiet ? NULL : stderr};
        status = remous_fragility_run(sc, &fo, &f, err, sizeof err);
        if (status == REMOUS_OK && c.out)
            status = remous_write_fragility(f, c.out, err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        else if (!c.quiet)
            remous_print_fragility(f, stdout, c.lang);
        remous_fragility_free(f);
        remous_close(sc);
        return status;
    }
    if (strcmp(c.command, "compare") == 0) {
        remous_comparison *cmp = NULL;
        status = remous_compare(sc, &cmp, err, sizeof err);
        remous_fragility_options fo = {NULL, c.away, c.at, NULL};
        if (status == REMOUS_OK && c.fragility)
            status = remous_compare_fragility(cmp, sc, &fo, err, sizeof err);
        remous_sensitivity_options so = {NULL, c.metrics, c.nmetrics, 0, NULL, NULL};
        if (status == REMOUS_OK && c.sensitivity)
            status = remous_compare_sensitivity(cmp, c.scenario, &c.opt, &so, err, sizeof err);
        if (status == REMOUS_OK && c.out)
            status = remous_write_comparison(cmp, c.out, err, sizeof err);
        if (status == REMOUS_OK && c.html)
            status = remous_write_html(cmp, c.html, c.lang, err, sizeof err);
        if (status != REMOUS_OK)
            say_error(err);
        else
            remous_print_warnings(cmp, stderr);
        if (status == REMOUS_OK && !c.quiet) {
            remous_print_headline(cmp, stdout, c.lang);
            remous_print_digest(cmp, stdout, c.lang);
            remous_print_targets(cmp, stdout, c.lang);
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
        say_error(err);
    else
        remous_print_run_warnings(res, stderr);
    if (status == REMOUS_OK && !c.quiet) {
        remous_print_table(res, stdout, c.lang);
        remous_print_run_targets(res, stdout, c.lang);
    }
    remous_results_free(res);
    remous_close(sc);
    for (int i = 0; i < c.opt.nsets; i++)
        free((char *)c.set_names[i]);
    return status;
}
