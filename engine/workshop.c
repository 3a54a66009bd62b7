/* Workshop mode: a local web page (libmicrohttpd) where a team changes the
 * scenario's param() values and the variants compared, and sees the same
 * digest and charts as the HTML report, recomputed.
 *
 * The page's state is all in its URL (p.NAME=value, variant=..., reps=,
 * lang=), so a link keeps "the situation we discussed".
 *
 * Threads: libmicrohttpd answers on a small pool of polling threads (epoll),
 * each serving many connections; a page that waits for its comparison is
 * suspended, holding no thread (see "waiting"); one computing thread runs
 * the comparisons, one at a time (each on every core), most recently asked
 * first. A comparison is a "job" keyed by its parameters and replications;
 * finished ones are kept (least recently used out), so a room asking the
 * same thing computes it once, and the pages drawn from them are kept too.
 * A page waits up to a second for its job, then shows progress and polls;
 * a job nobody has asked about for two seconds (the slider moved on) is
 * cancelled. The "what matters most" panel (sensitivity=RUN in the
 * address, workshop_sensitivity.h) is a job of its own kind, computed by
 * the same thread after the page's comparison; a comparison asked while
 * one runs goes first (the panel starts again after it). Waiting jobs,
 * replications and horizon are capped. When the
 * scenario file changes, everything is dropped and the page reloads itself:
 * an edit shows at once (or its error, with file and line). Beyond
 * loopback, every request needs the token printed at start; before that,
 * the gate (workshop_gate.h) bounds each connection's time and refuses
 * other sites' pages and, on loopback, other Host names. The pages' and
 * jobs' state is under one mutex (the gate has its own); only the
 * computation runs outside it. */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <microhttpd.h>
#include <pthread.h>
#include <time.h>

#include "labels.h"
#include "headline.h"
#include "results.h"
#include "scenario.h"
#include "words.h"
#include "workshop_gate.h"
#include "workshop_sensitivity.h"

#define CACHE_SIZE 32             /* pages kept */
#define MAX_JOBS 32               /* comparisons kept or waiting */
#define MAX_WAITING 8             /* comparisons waiting at once; more: "busy" */
#define MAX_REPS 50
#define MAX_HORIZON_DAYS 731.0    /* two years per replication */
#define MAX_ARGS 128
#define ABANDON_SECONDS 2.0       /* nobody asking for that long: cancelled */
#define PAGE_WAIT_SECONDS 1.0     /* then the page shows progress */
#define DOWNLOAD_WAIT_SECONDS 300.0
/* The server's bounds (see the gate, workshop_gate.h, and README's Safety) */
#define POOL_THREADS 4            /* libmicrohttpd's polling threads */
#define MAX_CONNECTIONS 1000      /* in all (fewer if the file limit is lower) */
#define MAX_PER_ADDRESS 16        /* from one address, beyond loopback (a browser opens 6) */
#define READING_SECONDS 5.0       /* a whole request, from the accept or the previous answer */
#define CROWDED_SECONDS 1.0       /* the same, with 90% of the connections open */
#define SENDING_SECONDS 60.0      /* an answer taken by the client, once queued */
#define IDLE_SECONDS 15u          /* libmicrohttpd's own timeout: no byte for that long */
#define TEND_SECONDS 0.1          /* how often deadlines and waiting pages are looked at */
#define MAX_SUSPENDED 64          /* requests waiting for their comparison; more: not kept waiting */
#define MAX_LANGS 16              /* languages a load's error is kept in (more: in English) */

enum { JOB_EMPTY, JOB_WAITING, JOB_RUNNING, JOB_DONE };
enum { JOB_COMPARE, JOB_SENSITIVITY };

/* A comparison for one set of parameters and replications (or, kind
 * JOB_SENSITIVITY, what matters most at that point for one run). */
typedef struct job {
    int state;
    int kind;
    char *key;                /* "reps=N&p.a=1&p.b=2": what is computed */
    char *names[MAX_ARGS], *values[MAX_ARGS];
    int nsets, reps;
    double asked;             /* when someone last wanted it */
    int set_aside;            /* a panel stopped for a comparison asked meanwhile: its
                                 wait for that comparison does not count as abandonment */
    long done, total;         /* runs, for the progress */
    unsigned long generation; /* of the scenario file it was computed from */
    unsigned long used;
    remous_scenario *sc;      /* when done: the comparison, or */
    remous_comparison *cmp;
    char err[1024];           /* the error that stopped it */
    char *err_in[MAX_LANGS];  /* the load's error in each language (rm_lang_code(i)), or NULL */
    double too_long;          /* or, when > 0: the horizon in days, above the cap (said in the page's words) */
    char *variant;            /* JOB_SENSITIVITY: the run it is for, and when done: */
    remous_sensitivity *sens;
    char too_long_at[300];    /* the param's value that makes the horizon too long ("" at the point) */
} job;

typedef struct entry {
    char *key, *body, *type;
    size_t len;
    int status;
    unsigned long used;
} entry;

/* One request, from its headers to its answer (libmicrohttpd's con_cls). */
typedef struct request {
    rm_gate_conn *conn;       /* its connection's deadlines */
    int fd;
    int counted;              /* in requests (and hits) already */
    int answering;            /* read whole: the gate's reading deadline is over */
    double wait_until;        /* a page waits for its comparison until then (0: not yet) */
    char *wait_key;           /* the comparison it waits for, while suspended */
    int gone;                 /* the client left while it waited */
    struct MHD_Connection *c;
    struct request *next_waiter;
} request;

typedef struct workshop {
    const char *path;
    remous_options base;
    char token[40];           /* "" on loopback */
    struct timespec mtime;
    entry cache[CACHE_SIZE];
    unsigned long clock;
    unsigned long generation;      /* +1 at each change of the scenario file */
    unsigned long requests, hits;  /* for the line printed at the end */
    FILE *log;
    remous_scenario *plain;        /* the scenario without --set: the controls */
    char plain_err[1024];          /* why it does not load, when plain is NULL */
    char *plain_err_in[MAX_LANGS]; /* the same in each language (rm_lang_code(i)) */
    job jobs[MAX_JOBS];
    pthread_mutex_t lock;
    pthread_cond_t work;           /* a job to compute */
    int stopping;
    request *waiters;              /* suspended, waiting for their comparison */
    int nwaiters;
    rm_gate gate;                  /* the connections' deadlines */
    char listen[INET_ADDRSTRLEN];
    int loopback;                  /* listening on 127.x: Host must be a loopback name */
    atomic_int port;               /* the port bound (0 until known) */
    atomic_long refused;           /* connections refused at the limits */
} workshop;

typedef struct args {
    const char *key[MAX_ARGS], *value[MAX_ARGS];
    int n;
    int overflow;             /* more than MAX_ARGS fields: refused */
} args;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    args *a = cls;
    (void)kind;
    if (a->n < MAX_ARGS) {
        a->key[a->n] = key;
        a->value[a->n++] = value ? value : "";
    } else {
        a->overflow = 1;
    }
    return MHD_YES;
}

static const char *arg(const args *a, const char *key) {
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->key[i], key) == 0)
            return a->value[i];
    return NULL;
}

/* ---------------------------------------------------------- text tools -- */

typedef struct buf {
    char *s;
    size_t len;
    FILE *f;
} buf;

static void url_encode(FILE *f, const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
            fputc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

/* The query without the token, its pairs sorted: the cache's key. */
static char *canonical(const args *a, const char *url) {
    int order[MAX_ARGS], n = 0;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->key[i], "token") != 0)
            order[n++] = i;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0; j--) {
            int x = order[j], y = order[j - 1];
            int c = strcmp(a->key[x], a->key[y]);
            if (c < 0 || (c == 0 && strcmp(a->value[x], a->value[y]) < 0)) {
                order[j] = y;
                order[j - 1] = x;
            } else {
                break;
            }
        }
    buf b = {0};
    b.f = open_memstream(&b.s, &b.len);
    if (!b.f)
        return NULL;
    fputs(url, b.f);
    for (int i = 0; i < n; i++) {
        fputc(i ? '&' : '?', b.f);
        url_encode(b.f, a->key[order[i]]);
        fputc('=', b.f);
        url_encode(b.f, a->value[order[i]]);
    }
    fclose(b.f);
    return b.s;
}

/* ---------------------------------------------------------------- cache -- */

static entry *cache_find(workshop *w, const char *key) {
    for (int i = 0; i < CACHE_SIZE; i++)
        if (w->cache[i].key && strcmp(w->cache[i].key, key) == 0) {
            w->cache[i].used = ++w->clock;
            return &w->cache[i];
        }
    return NULL;
}

static void cache_clear(workshop *w) {
    for (int i = 0; i < CACHE_SIZE; i++) {
        free(w->cache[i].key);
        free(w->cache[i].body);
        memset(&w->cache[i], 0, sizeof w->cache[i]);
    }
}

/* Keeps (key, body) in the least recently used place; takes ownership. */
static entry *cache_put(workshop *w, char *key, char *body, size_t len, const char *type, int status) {
    entry *e = &w->cache[0];
    for (int i = 1; i < CACHE_SIZE; i++)
        if (w->cache[i].used < e->used)
            e = &w->cache[i];
    free(e->key);
    free(e->body);
    *e = (entry){key, body, (char *)type, len, status, ++w->clock};
    return e;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void job_clear(job *j) {
    free(j->key);
    for (int i = 0; i < j->nsets; i++) {
        free(j->names[i]);
        free(j->values[i]);
    }
    remous_comparison_free(j->cmp);
    remous_close(j->sc);
    free(j->variant);
    remous_sensitivity_free(j->sens);
    for (int i = 0; i < MAX_LANGS; i++)
        free(j->err_in[i]);
    memset(j, 0, sizeof *j);
}

/* remous_open, once the server runs: the load is tried first in a child
 * process under the load watchdog, so that one call of Lua's library that
 * never ends (an edit with a pattern that backtracks) gives the page its
 * one line instead of freezing the computing thread. Loads take
 * milliseconds: the second one costs little. */
static remous_scenario *open_in_time(const char *path, const remous_options *o, char *err, size_t errlen) {
    int fds[2];
    if (pipe(fds) == 0) {
        pid_t pid = rm_fork_worker();
        if (pid == 0) {                              /* the watchdog writes its line to stderr */
            close(fds[0]);
            dup2(fds[1], STDERR_FILENO);
            remous_watch_loads(1);
            char ignored[16];
            remous_open(path, o, ignored, sizeof ignored);
            _exit(0);                                /* its error, if any, comes again below */
        }
        close(fds[1]);
        char line[1024] = "", chunk[1024];
        ssize_t n;
        size_t len = 0;
        while ((n = read(fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
            for (ssize_t i = 0; i < n; i++) {        /* keep the last line (print may write before) */
                if (len > 0 && line[len - 1] == '\n')
                    len = 0;
                if (len + 1 < sizeof line)
                    line[len++] = chunk[i];
            }
        line[len] = '\0';
        close(fds[0]);
        int status = 0;
        if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
            WEXITSTATUS(status) == REMOUS_ERR_INPUT && strncmp(line, "remous: ", 8) == 0) {
            line[strcspn(line, "\n")] = '\0';
            snprintf(err, errlen, "%s", line + 8);
            return NULL;
        }
    }
    return remous_open(path, o, err, errlen);
}

/* A load that failed, again in each language, its error kept in in[i]
 * (rm_lang_code(i)): a page shows it in its own. A failing load takes
 * milliseconds. "--set " goes: on the page the value came from a control. */
static void errors_in_every_language(const char *path, const remous_options *o, int from_page, char **in) {
    for (int i = 0; i < rm_lang_count() && i < MAX_LANGS; i++) {
        free(in[i]);
        in[i] = NULL;
        remous_options l = *o;
        l.lang = rm_lang_code(i);
        char e[1024];
        remous_scenario *sc = open_in_time(path, &l, e, sizeof e);
        if (sc) {                                    /* the file changed meanwhile */
            remous_close(sc);
            continue;
        }
        in[i] = strdup(from_page && strncmp(e, "--set ", 6) == 0 ? e + 6 : e);
    }
}

/* The load's error in lang, from in[] (else the English one). */
static const char *error_in(char *const *in, const char *english, const char *lang) {
    for (int i = 0; i < rm_lang_count() && i < MAX_LANGS; i++)
        if (in[i] && strcmp(rm_lang_code(i), lang) == 0)
            return in[i];
    return english;
}

/* Loads the scenario as written (for the controls), or keeps its error. */
static void load_plain(workshop *w) {
    remous_close(w->plain);
    remous_options o = w->base;
    o.nsets = 0;
    o.progress = 0;
    w->plain = open_in_time(w->path, &o, w->plain_err, sizeof w->plain_err);
    for (int i = 0; i < MAX_LANGS; i++) {
        free(w->plain_err_in[i]);
        w->plain_err_in[i] = NULL;
    }
    if (!w->plain)
        errors_in_every_language(w->path, &o, 0, w->plain_err_in);
}

/* When the scenario file changed: drops every page and every finished
 * comparison (a running one sees the new generation and starts again). */
static void watch(workshop *w) {
    struct stat st;
    if (stat(w->path, &st) != 0)
        return;
    if (st.st_mtim.tv_sec != w->mtime.tv_sec || st.st_mtim.tv_nsec != w->mtime.tv_nsec) {
        w->mtime = st.st_mtim;
        w->generation++;
        cache_clear(w);
        for (int i = 0; i < MAX_JOBS; i++)
            if (w->jobs[i].state == JOB_DONE)
                job_clear(&w->jobs[i]);
        load_plain(w);
        if (w->log)
            fprintf(w->log, "remous workshop: %s changed: results recomputed from now on\n", w->path);
    }
}

/* ---------------------------------------------------------------- page -- */

/* The page asks every two seconds whether the scenario changed, and
 * reloads itself when it did: the facilitator's edit shows on every screen. */
static void reload_on_edit(FILE *f, const workshop *w) {
    fprintf(f, "<script>(function(){var g='%lu',t=new URLSearchParams(location.search).get('token');"
               "setInterval(function(){fetch('/generation'+(t?'?token='+encodeURIComponent(t):''))"
               ".then(function(r){return r.text()}).then(function(x){if(x.trim()!==g)location.reload()})"
               ".catch(function(){})},2000)})()</script>\n", w->generation);
}

/* The controls: a slider per param with bounds, a field for the others,
 * the variants, replications, language; links to the downloads. */
static void controls(FILE *f, const workshop *w, const remous_scenario *sc, const args *a, const char *query,
                     const char *lang) {
    const rm_model *m = sc->models[0];
    reload_on_edit(f, w);
    fputs("<style>.controls{background:#f4f4f4;border:1px solid #ddd;padding:1rem;margin:1rem 0}"
          ".controls label{display:block;margin:.4rem 0}.controls input[type=range]{width:16rem;vertical-align:middle}"
          ".controls output{margin-left:.6rem;font-weight:bold}.downloads a{display:inline-block;margin:.2rem .6rem .2rem 0;padding:.3rem .8rem;"
          "border:1px solid #888;border-radius:4px;background:#fff;color:#222;text-decoration:none}"
          ".error{background:#fde8e8;border:1px solid #c00;padding:.8rem;margin:1rem 0;font-family:monospace}"
          "@media print{.controls{display:none}}</style>\n", f);
    fputs("<form class=\"controls\" method=\"get\" action=\"/\">\n", f);
    if (w->token[0]) {
        fputs("<input type=\"hidden\" name=\"token\" value=\"", f);
        rm_html_escape(f, w->token);
        fputs("\">\n", f);
    }
    for (int i = 0; i < m->nparams; i++) {
        const rm_param *p = &m->params[i];
        char field[600];
        snprintf(field, sizeof field, "p.%s", p->name);
        const char *value = arg(a, field);
        if (!value)
            value = p->value;
        char words[256];
        fputs("<label>", f);
        rm_html_escape(f, rm_param_label(p, words, sizeof words));
        fputs(" <input name=\"", f);
        rm_html_escape(f, field);
        if (p->numeric && !isnan(p->min) && !isnan(p->max)) {
            fprintf(f, "\" type=\"range\" min=\"%.10g\" max=\"%.10g\" step=\"", p->min, p->max);
            if (isnan(p->step))
                fputs("any", f);
            else
                fprintf(f, "%.10g", p->step);
            fputs("\" value=\"", f);
        } else {
            fputs(p->numeric ? "\" type=\"number\" step=\"any\" value=\"" : "\" type=\"text\" value=\"", f);
        }
        rm_html_escape(f, value);
        /* the figure beside the slider as the page's language writes it (the value sent keeps its point) */
        const char *decimal = rm_word(lang, "number.decimal");
        fputs("\" oninput=\"this.nextElementSibling.value=this.value", f);
        if (p->numeric && strcmp(decimal, ".") != 0 && !strpbrk(decimal, "'\\\"<>&")) {
            fputs(".replace('.','", f);
            fputs(decimal, f);
            fputs("')", f);
        }
        fputs("\" onchange=\"this.form.submit()\"><output>", f);
        char shown[256];
        snprintf(shown, sizeof shown, "%s", value);
        rm_html_escape(f, p->numeric ? rm_decimal_in(shown, sizeof shown, lang) : shown);
        fputs("</output></label>\n", f);
    }
    if (sc->nmodels > 1) {
        int chosen_any = arg(a, "v") != NULL;
        fputs("<fieldset><legend>", f);
        rm_html_escape(f, rm_word(lang, "workshop.variants_compared"));
        fputs("</legend><input type=\"hidden\" name=\"v\" value=\"1\">\n", f);
        for (int v = 1; v < sc->nmodels; v++) {
            int checked = !chosen_any;
            for (int k = 0; k < a->n; k++)
                checked |= strcmp(a->key[k], "variant") == 0 && strcmp(a->value[k], sc->variants[v]) == 0;
            fputs("<label><input type=\"checkbox\" name=\"variant\" value=\"", f);
            rm_html_escape(f, sc->variants[v]);
            fprintf(f, "\"%s onchange=\"this.form.submit()\"> ", checked ? " checked" : "");
            char words[256];
            rm_html_escape(f, rm_variant_label(sc->models[v], sc->variants[v], lang, words, sizeof words));
            fputs("</label>\n", f);
        }
        fputs("</fieldset>\n", f);
    }
    const char *reps = arg(a, "reps");
    fputs("<label>", f);
    rm_html_escape(f, rm_word(lang, "workshop.replications"));
    fprintf(f, " <input type=\"number\" name=\"reps\" min=\"1\" max=\"%d\" value=\"", MAX_REPS);
    rm_html_escape(f, reps ? reps : "");
    fprintf(f, "\" placeholder=\"%d\" onchange=\"this.form.submit()\"></label>\n",
            sc->replications < MAX_REPS ? sc->replications : MAX_REPS);
    fputs("<label>", f);
    rm_html_escape(f, rm_word(lang, "workshop.language"));
    fputs(" <select name=\"lang\" onchange=\"this.form.submit()\">", f);
    for (int i = 0; i < rm_lang_count(); i++) {      /* each language in its own words */
        const char *code = rm_lang_code(i);
        fputs("<option value=\"", f);
        rm_html_escape(f, code);
        fprintf(f, "\"%s>", strcmp(code, lang) == 0 ? " selected" : "");
        rm_html_escape(f, rm_word(code, "language"));
        fputs("</option>", f);
    }
    fputs("</select></label>\n<button type=\"submit\">", f);
    rm_html_escape(f, rm_word(lang, "workshop.update"));
    fputs("</button>\n</form>\n", f);
    const char *q = strchr(query, '?');
    fputs("<p class=\"downloads\">", f);
    rm_html_escape(f, rm_word(lang, "workshop.download"));
    fputc(' ', f);
    const char *files[] = {"report.html", "summary.csv", "compare.csv", "timeseries.csv", "params.csv"};
    for (int i = 0; i < 5; i++) {
        fprintf(f, "<a download=\"%s\" href=\"/%s", files[i], files[i]);
        rm_html_escape(f, q ? q : "");
        if (w->token[0]) {
            fputs(q ? "&amp;token=" : "?token=", f);
            rm_html_escape(f, w->token);
        }
        fprintf(f, "\">%s</a>", files[i]);
    }
    fputs("</p>\n<p><a href=\"", f);
    rm_html_escape(f, query);
    if (w->token[0]) {
        fputs(q ? "&amp;token=" : "?token=", f);
        rm_html_escape(f, w->token);
    }
    fputs("\">", f);
    rm_html_escape(f, rm_word(lang, "workshop.link"));
    fputs("</a></p>\n", f);
}

/* The top of the page: the controls and, beside them on a wide screen,
 * the headline and its figures (below them on a narrow one). */
static const char wall_style[] =
    "<style>.wall{display:flex;flex-wrap:wrap;gap:1.2rem;align-items:flex-start}"
    ".wall-controls{flex:0 1 24rem;min-width:18rem}.wall-headline{flex:1 1 28rem}"
    ".wall-headline h2{margin-top:1rem}body:has(.wall){max-width:84rem}</style>\n";

/* A page that only says what is wrong (the scenario does not load). */
static char *error_page(const workshop *w, const char *message, const char *lang, size_t *len) {
    buf b = {0};
    b.f = open_memstream(&b.s, &b.len);
    if (!b.f)
        return NULL;
    const char *title = rm_word(lang, "workshop.title");
    fputs("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>", b.f);
    rm_html_escape(b.f, title);
    fputs("</title><style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem}"
          ".error{background:#fde8e8;border:1px solid #c00;padding:.8rem;font-family:monospace}</style></head>\n"
          "<body>\n<h1>", b.f);
    rm_html_escape(b.f, title);
    fputs("</h1>\n<p class=\"error\">remous: ", b.f);
    rm_html_escape(b.f, message);
    fputs("</p>\n<p>", b.f);
    rm_html_escape(b.f, rm_word(lang, "workshop.fix_the_scenario"));
    fputs("</p>\n", b.f);
    reload_on_edit(b.f, w);
    fputs("</body>\n</html>\n", b.f);
    fclose(b.f);
    *len = b.len;
    return b.s;
}

/* ----------------------------------------------------------- the query -- */

/* Whether the panel can be asked for `variant` (sensitivity=): the
 * baseline or a variant of the scenario. */
static int sensitivity_known(const remous_scenario *plain, const char *variant) {
    for (int v = 0; v < plain->nmodels; v++)
        if (strcmp(plain->variants[v], variant) == 0)
            return 1;
    return 0;
}

/* Checks what the page itself decides (replications, language, variants,
 * the fields); the params' values are checked by loading the scenario with
 * them, as --set is. Returns the replications, or 0 with the message. */
static int check_query(const workshop *w, const args *a, const char *page_lang, char *err, size_t errlen) {
    const remous_scenario *plain = w->plain;
    const char *reps = arg(a, "reps"), *lang = arg(a, "lang");
    char *end = NULL;
    long r = reps && *reps ? strtol(reps, &end, 10) : 0;
    if (reps && *reps && (*end || r < 1 || r > MAX_REPS)) {
        snprintf(err, errlen, rm_word(page_lang, "workshop.bad_reps"), MAX_REPS, reps);
        return 0;
    }
    if (lang && !rm_lang_known(lang)) {
        snprintf(err, errlen, rm_word(page_lang, "workshop.bad_lang"), rm_lang_codes(), lang);
        return 0;
    }
    if (a->overflow) {
        snprintf(err, errlen, rm_word(page_lang, "workshop.too_many_fields"), MAX_ARGS);
        return 0;
    }
    for (int i = 0; i < a->n; i++)                   /* one value a field, as --set (variant: one a box) */
        for (int k = 0; k < i; k++)
            if (strcmp(a->key[i], a->key[k]) == 0 && strcmp(a->key[i], "variant") != 0) {
                snprintf(err, errlen, rm_word(page_lang, "workshop.given_twice"), a->key[i]);
                return 0;
            }
    for (int i = 0; i < a->n; i++) {
        if (strcmp(a->key[i], "variant") == 0) {
            int known = 0;
            for (int v = 1; v < plain->nmodels; v++)
                known |= strcmp(plain->variants[v], a->value[i]) == 0;
            if (!known) {
                snprintf(err, errlen, rm_word(page_lang, "workshop.no_such_variant"), a->value[i]);
                return 0;
            }
        } else if (strcmp(a->key[i], "sensitivity") == 0) {
            if (!sensitivity_known(plain, a->value[i])) {
                snprintf(err, errlen, rm_word(page_lang, "workshop_sensitivity.no_such_run"), a->value[i]);
                return 0;
            }
        } else if (strncmp(a->key[i], "p.", 2) != 0 && strcmp(a->key[i], "token") && strcmp(a->key[i], "reps") &&
                   strcmp(a->key[i], "lang") && strcmp(a->key[i], "v")) {
            snprintf(err, errlen, rm_word(page_lang, "workshop.unknown_field"), a->key[i]);
            return 0;
        }
    }
    if (r > 0)
        return (int)r;
    return plain->replications < MAX_REPS ? plain->replications : MAX_REPS;
}

/* What is computed: the params and the replications, canonical. */
static char *job_key(const args *a, int reps) {
    args only = {.n = 0};
    char count[16];
    snprintf(count, sizeof count, "%d", reps);
    only.key[only.n] = "reps";
    only.value[only.n++] = count;
    for (int i = 0; i < a->n && only.n < MAX_ARGS; i++)
        if (strncmp(a->key[i], "p.", 2) == 0) {
            only.key[only.n] = a->key[i];
            only.value[only.n++] = a->value[i];
        }
    return canonical(&only, "");
}

/* The job for key: the one there, or a new one waiting; NULL when too
 * many wait already (or out of memory). Under the lock. */
static job *job_for(workshop *w, const char *key, const args *a, int reps) {
    job *empty = NULL, *oldest = NULL;
    int waiting = 0;
    for (int i = 0; i < MAX_JOBS; i++) {
        job *j = &w->jobs[i];
        if (j->state != JOB_EMPTY && strcmp(j->key, key) == 0) {
            j->used = ++w->clock;
            return j;
        }
        waiting += j->state == JOB_WAITING || j->state == JOB_RUNNING;
        if (j->state == JOB_EMPTY && !empty)
            empty = j;
        if (j->state == JOB_DONE && (!oldest || j->used < oldest->used))
            oldest = j;
    }
    if (waiting >= MAX_WAITING)
        return NULL;
    job *j = empty ? empty : oldest;
    if (!j)
        return NULL;
    job_clear(j);
    if (!(j->key = strdup(key)))
        return NULL;
    for (int i = 0; i < a->n; i++)
        if (strncmp(a->key[i], "p.", 2) == 0) {
            j->names[j->nsets] = strdup(a->key[i] + 2);
            j->values[j->nsets] = strdup(a->value[i]);
            if (!j->names[j->nsets++] || !j->values[j->nsets - 1]) {
                job_clear(j);
                return NULL;
            }
        }
    j->reps = reps;
    j->state = JOB_WAITING;
    j->generation = w->generation;
    j->asked = now_seconds();
    j->used = ++w->clock;
    pthread_cond_signal(&w->work);
    return j;
}

/* ---------------------------------------------------- what matters most -- */

/* The key of the panel's job: the comparison's, with the run it is for. */
static char *sensitivity_key(const args *a, int reps, const char *variant) {
    args only = {.n = 0};
    char count[16];
    snprintf(count, sizeof count, "%d", reps);
    only.key[only.n] = "reps";
    only.value[only.n++] = count;
    only.key[only.n] = "sensitivity";
    only.value[only.n++] = variant;
    for (int i = 0; i < a->n && only.n < MAX_ARGS; i++)
        if (strncmp(a->key[i], "p.", 2) == 0) {
            only.key[only.n] = a->key[i];
            only.value[only.n++] = a->value[i];
        }
    return canonical(&only, "");
}

/* The panel's job the page's address asks for (sensitivity=), if there is
 * one. Under the lock. */
static job *sensitivity_job_of(const workshop *w, const args *a, int reps) {
    const char *variant = arg(a, "sensitivity");
    char *key = variant ? sensitivity_key(a, reps, variant) : NULL;
    job *j = NULL;
    for (int i = 0; key && i < MAX_JOBS && !j; i++)
        if (w->jobs[i].state != JOB_EMPTY && strcmp(w->jobs[i].key, key) == 0)
            j = (job *)&w->jobs[i];
    free(key);
    return j;
}

/* The same, asked for: a new one waits when there is none (NULL when too
 * many wait already). Under the lock. */
static job *sensitivity_job_for(workshop *w, const args *a, int reps) {
    const char *variant = arg(a, "sensitivity");
    char *key = variant ? sensitivity_key(a, reps, variant) : NULL;
    job *j = key ? job_for(w, key, a, reps) : NULL;
    free(key);
    if (j && !j->variant) {                          /* new (the computing thread waits for the lock) */
        j->kind = JOB_SENSITIVITY;
        if (!(j->variant = strdup(variant))) {
            job_clear(j);
            return NULL;
        }
    }
    return j;
}

/* Whether a comparison waits to be computed: the panel's job, which takes
 * longer, then makes way for it (and starts again after it), so that a
 * slider moved is answered as fast with the panel under way. Under the lock. */
static int comparison_waiting(const workshop *w, double now) {
    for (int i = 0; i < MAX_JOBS; i++)
        if (w->jobs[i].state == JOB_WAITING && w->jobs[i].kind == JOB_COMPARE &&
            now - w->jobs[i].asked <= ABANDON_SECONDS)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ waiting -- */

/* A page (or a download) whose comparison is not done yet does not hold a
 * polling thread: its connection is suspended and kept in w->waiters, and
 * resumed (libmicrohttpd calls the handler again, which looks afresh) when
 * a comparison ends, when its time to wait is over, when its client has
 * left, or when the workshop stops. Under the lock. */
static int wait_suspended(workshop *w, request *rq, struct MHD_Connection *c, const char *jkey) {
    if (w->nwaiters >= MAX_SUSPENDED || !(rq->wait_key = strdup(jkey)))
        return 0;                                /* a page then shows the progress at once */
    rq->c = c;
    rq->next_waiter = w->waiters;
    w->waiters = rq;
    w->nwaiters++;
    MHD_suspend_connection(c);
    return 1;
}

/* Whether the client closed its side (or the connection broke). */
static int client_left(int fd) {
    char byte;
    ssize_t n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Keeps the waited-for comparisons asked for, and resumes the waiters whose
 * wait is over. Under the lock; every TEND_SECONDS and when a job ends. */
static void tend_waiters(workshop *w) {
    double now = now_seconds();
    request **p = &w->waiters;
    while (*p) {
        request *rq = *p;
        job *j = NULL;
        for (int i = 0; i < MAX_JOBS && !j; i++)
            if (w->jobs[i].state != JOB_EMPTY && strcmp(w->jobs[i].key, rq->wait_key) == 0)
                j = &w->jobs[i];
        rq->gone = client_left(rq->fd);
        if (j && !rq->gone)
            j->asked = now;
        if (!j || j->state == JOB_DONE || rq->gone || now >= rq->wait_until || w->stopping) {
            *p = rq->next_waiter;
            rq->next_waiter = NULL;
            w->nwaiters--;
            free(rq->wait_key);
            rq->wait_key = NULL;
            MHD_resume_connection(rq->c);
        } else {
            p = &rq->next_waiter;
        }
    }
}

/* -------------------------------------------------------- computing -- */

typedef struct running {
    workshop *w;
    job *j;
    unsigned long generation;
    int preempted;            /* a panel's job stopped for a comparison */
} running;

/* Progress from the runs; cancels when nobody asks any more, when the
 * scenario changed, or when the workshop stops. */
static int tick(void *ctx, long done, long total) {
    running *r = ctx;
    pthread_mutex_lock(&r->w->lock);
    r->j->done = done;
    r->j->total = total;
    double now = now_seconds();
    int cancel = r->w->stopping || r->generation != r->w->generation || now - r->j->asked > ABANDON_SECONDS;
    if (!cancel && r->j->kind == JOB_SENSITIVITY && comparison_waiting(r->w, now))
        cancel = r->preempted = 1;
    pthread_mutex_unlock(&r->w->lock);
    return cancel;
}

/* Baseline against the variants (or the baseline alone): outside the lock. */
static int compare(workshop *w, job *j, running *r, remous_scenario **out_sc, remous_comparison **out_cmp,
                   double *too_long, char *err, size_t errlen) {
    remous_options o = w->base;
    o.progress = 0;
    o.replications = j->reps;
    const char *origins[MAX_ARGS];
    for (int i = 0; i < j->nsets; i++)
        origins[i] = "page";                     /* the values came from the controls */
    o.set_names = (const char **)j->names;
    o.set_values = (const char **)j->values;
    o.set_origins = origins;
    o.nsets = j->nsets;
    remous_scenario *sc = open_in_time(w->path, &o, err, errlen);
    if (!sc) {
        if (strncmp(err, "--set ", 6) == 0)          /* on the page the value came from a control */
            memmove(err, err + 6, strlen(err + 6) + 1);
        errors_in_every_language(w->path, &o, 1, j->err_in);
        return REMOUS_ERR_INPUT;
    }
    for (int m = 0; m < sc->nmodels; m++) {
        const rm_model *model = sc->models[m];
        if (model && model->horizon * model->unit_seconds > MAX_HORIZON_DAYS * 86400.0) {
            *too_long = model->horizon * model->unit_seconds / 86400.0;
            snprintf(err, errlen, rm_word(NULL, "workshop.too_long"), MAX_HORIZON_DAYS, *too_long);
            remous_close(sc);
            return REMOUS_ERR_INPUT;
        }
    }
    sc->tick = tick;
    sc->tick_ctx = r;
    remous_comparison *cmp = NULL;
    int rc;
    if (sc->nmodels > 1) {
        rc = remous_compare(sc, &cmp, err, errlen);
    } else {                                         /* no variants: a run of the baseline */
        remous_results *res = NULL;
        rc = remous_run(sc, &res, err, errlen);
        if (rc == REMOUS_OK) {
            cmp = calloc(1, sizeof *cmp);
            remous_results **one = calloc(1, sizeof *one);
            if (cmp && one) {
                one[0] = res;
                *cmp = (rm_comparison){.sc = sc, .results = one, .n = 1};
            } else {
                free(cmp);
                free(one);
                cmp = NULL;
                remous_results_free(res);
                snprintf(err, errlen, "out of memory");
                rc = REMOUS_ERR_RUN;
            }
        }
    }
    if (rc != REMOUS_OK) {
        remous_close(sc);
        return rc;
    }
    *out_sc = sc;
    *out_cmp = cmp;
    return REMOUS_OK;
}

/* What matters most at the job's point, for its run: outside the lock. */
static int sensitivity(workshop *w, job *j, running *r, remous_sensitivity **out, double *too_long, char *at,
                       size_t atlen, char *err, size_t errlen) {
    remous_options o = w->base;
    o.progress = 0;
    o.replications = j->reps;
    const char *origins[MAX_ARGS];
    for (int i = 0; i < j->nsets; i++)
        origins[i] = "page";
    o.set_names = (const char **)j->names;
    o.set_values = (const char **)j->values;
    o.set_origins = origins;
    o.nsets = j->nsets;
    int rc = rm_ws_sensitivity_compute(w->path, &o, j->variant, MAX_HORIZON_DAYS, open_in_time, tick, r, out,
                                       too_long, at, atlen, err, errlen);
    if (rc != REMOUS_OK && strncmp(err, "--set ", 6) == 0)
        memmove(err, err + 6, strlen(err + 6) + 1);
    return rc;
}

/* The computing thread: comparisons before the panels' jobs, the most
 * recently asked first; those nobody asked about for a while are dropped
 * before they start. */
static void *computing(void *arg) {
    workshop *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stopping) {
        job *next = NULL;
        double now = now_seconds();
        for (int i = 0; i < MAX_JOBS; i++) {
            job *j = &w->jobs[i];
            if (j->state != JOB_WAITING)
                continue;
            if (now - j->asked > ABANDON_SECONDS)
                job_clear(j);
            else if (!next || j->kind < next->kind || (j->kind == next->kind && j->asked > next->asked))
                next = j;
        }
        if (!next) {
            pthread_cond_wait(&w->work, &w->lock);
            continue;
        }
        next->state = JOB_RUNNING;
        next->done = 0;
        running r = {w, next, w->generation, 0};
        pthread_mutex_unlock(&w->lock);
        remous_scenario *sc = NULL;
        remous_comparison *cmp = NULL;
        remous_sensitivity *sens = NULL;
        char err[1024] = "", at[300] = "";
        double too_long = 0;
        int rc = next->kind == JOB_SENSITIVITY
                     ? sensitivity(w, next, &r, &sens, &too_long, at, sizeof at, err, sizeof err)
                     : compare(w, next, &r, &sc, &cmp, &too_long, err, sizeof err);
        pthread_mutex_lock(&w->lock);
        if (r.generation != w->generation && !w->stopping) {   /* the file changed: again */
            remous_comparison_free(cmp);
            remous_close(sc);
            remous_sensitivity_free(sens);
            next->state = JOB_WAITING;
            next->generation = w->generation;
        } else if (rc != REMOUS_OK && strcmp(err, "cancelled") == 0 && r.preempted && !w->stopping) {
            next->state = JOB_WAITING;                  /* again after the comparison, if still asked */
            next->done = 0;
            next->set_aside = 1;
        } else if (rc != REMOUS_OK && strcmp(err, "cancelled") == 0) {
            if (w->log && !w->stopping)
                fprintf(w->log, "remous workshop: cancelled %s (nobody waits for it any more)\n", next->key);
            job_clear(next);
        } else {
            next->state = JOB_DONE;
            next->sc = sc;
            next->cmp = cmp;
            next->sens = sens;
            snprintf(next->err, sizeof next->err, "%s", rc == REMOUS_OK ? "" : err);
            next->too_long = rc == REMOUS_OK ? 0 : too_long;
            snprintf(next->too_long_at, sizeof next->too_long_at, "%s", rc == REMOUS_OK ? "" : at);
        }
        if (next->kind == JOB_COMPARE)                  /* the panels it set aside: wanted until now */
            for (int i = 0; i < MAX_JOBS; i++)
                if (w->jobs[i].state == JOB_WAITING && w->jobs[i].set_aside) {
                    w->jobs[i].asked = now_seconds();
                    w->jobs[i].set_aside = 0;
                }
        tend_waiters(w);                                /* the pages waiting for it */
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* ------------------------------------------------------------- drawing -- */

static char *memstream_page(FILE **f, char **s, size_t *len) {
    *s = NULL;
    *len = 0;
    *f = open_memstream(s, len);
    return *f ? *s : NULL;
}

/* The page with the controls and a message (an error, or progress). */
static char *message_page(const workshop *w, const args *a, const char *query, const char *lang, const char *cls,
                          const char *message, const char *extra, size_t *len) {
    char *s;
    FILE *f;
    memstream_page(&f, &s, len);
    if (!f)
        return NULL;
    fputs("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" "
          "content=\"width=device-width, initial-scale=1\"><title>", f);
    rm_html_escape(f, rm_word(lang, "workshop.title"));
    fputs("</title></head>\n<body style=\"font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem\">\n<h1>", f);
    char words[256];
    const rm_model *m = w->plain->models[0];
    rm_html_escape(f, rm_shown(m->label, m->name, words, sizeof words));
    fputs("</h1>\n", f);
    if (m->description && m->description[0]) {      /* as atop the report */
        fputs("<p style=\"font-size:1.15rem;margin:.3rem 0 .5rem\">", f);
        rm_html_escape(f, m->description);
        fputs("</p>\n", f);
    }
    controls(f, w, w->plain, a, query, lang);
    fprintf(f, "<p class=\"%s\">", cls);
    rm_html_escape(f, message);
    fputs("</p>\n", f);
    if (extra)
        fputs(extra, f);
    fputs("</body>\n</html>\n", f);
    fclose(f);
    return s;
}

/* Progress, then a reload when the job is done (or was dropped). */
static char *progress_page(const workshop *w, const job *j, const args *a, const char *query, const char *lang,
                           size_t *len) {
    char message[200];
    snprintf(message, sizeof message, rm_word(lang, "workshop.computing"), j->done, j->total);
    const char *q = strchr(query, '?');
    char *script = NULL;                             /* as long as the address needs */
    size_t script_len = 0;
    FILE *t = open_memstream(&script, &script_len);
    if (!t)
        return NULL;
    fprintf(t, "<script>(function(){var p=document.querySelector('p.progress');"
               "setInterval(function(){fetch('/progress%s", q ? q : "?");
    if (w->token[0])
        fprintf(t, "%stoken=%s", q ? "&" : "", w->token);
    fputs("').then(function(r){return r.text()}).then(function(x){"
          "var v=x.trim().split(' ');if(v[2]!=='running')location.reload();"
          "else p.textContent=p.textContent.replace(/[0-9]+([^0-9]+)[0-9]+/,v[0]+'$1'+v[1])})"
          ".catch(function(){})},300);"
          /* leaving the page (another slider moved): the server may stop this work */
          "addEventListener('pagehide',function(){fetch('/abandon'+location.search,{keepalive:true})"
          ".catch(function(){})})})()</script>\n", t);
    fclose(t);
    char *page = message_page(w, a, query, lang, "progress", message, script, len);
    free(script);
    return page;
}

/* Whether the page shows the variant: all of them until the boxes are
 * used (v=1 in the address), then those ticked. */
static int ticked(const args *a, const char *variant) {
    if (!arg(a, "v"))
        return 1;
    for (int k = 0; k < a->n; k++)
        if (strcmp(a->key[k], "variant") == 0 && strcmp(a->value[k], variant) == 0)
            return 1;
    return 0;
}

/* Whether a variant the page shows was computed (not left out). */
static int computed_ticked(const remous_comparison *cmp, const args *a) {
    for (int v = 1; v < cmp->n; v++)
        if (ticked(a, cmp->results[v]->variant))
            return 1;
    return 0;
}

/* The "what matters most" panel under the headline: its question and, when
 * the address asks for it (sensitivity=), the tornadoes, their progress or
 * why there are none. Under the lock. */
static void sensitivity_panel(FILE *f, const workshop *w, const args *a, int reps, const char *lang) {
    if (!rm_ws_sensitivity_offered(w->plain))
        return;
    const char *variant = arg(a, "sensitivity");
    rm_ws_sensitivity_begin(f, w->plain, a->key, a->value, a->n, variant, lang);
    const job *j = variant ? sensitivity_job_of(w, a, reps) : NULL;
    if (!variant) {
        /* asked for by its button only */
    } else if (!j) {
        rm_ws_sensitivity_message(f, "error", rm_word(lang, "workshop_sensitivity.busy"));
    } else if (j->state != JOB_DONE) {
        rm_ws_sensitivity_progress(f, j->done, j->total, lang);
    } else if (j->sens) {
        rm_ws_sensitivity_result(f, j->sens, lang);
    } else {
        char words[1500];
        if (j->too_long > 0 && j->too_long_at[0])
            snprintf(words, sizeof words, rm_word(lang, "workshop_sensitivity.too_long"), j->too_long_at, j->too_long,
                     MAX_HORIZON_DAYS);
        else if (j->too_long > 0)
            snprintf(words, sizeof words, rm_word(lang, "workshop.too_long"), MAX_HORIZON_DAYS, j->too_long);
        else
            snprintf(words, sizeof words, "remous: %s", j->err);
        rm_ws_sensitivity_message(f, "error", words);
    }
    rm_ws_sensitivity_end(f);
}

/* The comparison's page, report or CSV file, showing the variants asked. */
static char *draw(const workshop *w, const job *j, const char *url, const args *a, const char *query, const char *lang,
                  size_t *len, const char **type) {
    remous_comparison *cmp = j->cmp;
    rm_comparison shown = *cmp;
    remous_results *kept[256];
    rm_delta *rows = malloc(((size_t)cmp->nrows + 1) * sizeof *rows);
    if (!rows)
        return NULL;
    int n = 0, nrows = 0;
    for (int v = 0; v < cmp->n && n < 256; v++)
        if (v == 0 || ticked(a, cmp->results[v]->variant))
            kept[n++] = cmp->results[v];
    for (int k = 0; k < cmp->nrows; k++)
        for (int v = 1; v < n; v++)
            if (cmp->rows[k].variant == kept[v]->variant)
                rows[nrows++] = cmp->rows[k];
    int failed[256], nfailed = 0;                /* those that did not compile, if ticked */
    for (int f = 0; f < cmp->nfailed && nfailed < 256; f++)
        if (ticked(a, j->sc->variants[cmp->failed[f]]))
            failed[nfailed++] = cmp->failed[f];
    shown.results = kept;
    shown.n = n;
    shown.rows = rows;
    shown.nrows = nrows;
    shown.failed = failed;
    shown.nfailed = nfailed;
    char *out = NULL;
    *type = "text/html; charset=utf-8";
    if (strcmp(url, "/") == 0 || strcmp(url, "/report.html") == 0) {
        FILE *f;
        memstream_page(&f, &out, len);
        if (f) {
            char *ctl = NULL;
            size_t ctl_len = 0;
            FILE *c = strcmp(url, "/") == 0 ? open_memstream(&ctl, &ctl_len) : NULL;
            if (c) {                             /* the headline beside the sliders */
                fputs(wall_style, c);
                fputs("<div class=\"wall\"><div class=\"wall-controls\">\n", c);
                controls(c, w, w->plain, a, query, lang);
                fputs("</div>\n<div class=\"wall-headline\">\n", c);
                rm_headline_html(c, &shown, lang, 1);
                fputs("</div></div>\n", c);
                sensitivity_panel(c, w, a, j->reps, lang);
                fclose(c);
            }
            rm_html_page(f, &shown, lang, ctl);
            free(ctl);
            fclose(f);
        }
    } else {                                         /* a CSV file, written then read */
        char dir[] = "/tmp/remous-workshop-XXXXXX", err[1024];
        if (mkdtemp(dir)) {
            int wrc = shown.n > 1 ? remous_write_comparison(&shown, dir, err, sizeof err)
                                  : rm_write_results((const remous_results *const *)shown.results, 1, NULL, dir, err,
                                                     sizeof err);
            char file[200];
            snprintf(file, sizeof file, "%s%s", dir, url);
            FILE *in = wrc == REMOUS_OK ? fopen(file, "rb") : NULL;
            if (in) {
                FILE *f;
                memstream_page(&f, &out, len);
                int ch;
                while (f && (ch = fgetc(in)) != EOF)
                    fputc(ch, f);
                if (f)
                    fclose(f);
                fclose(in);
                *type = "text/csv; charset=utf-8";
            }
            const char *names[] = {"summary.csv", "replications.csv", "timeseries.csv", "params.csv", "compare.csv"};
            for (int i = 0; i < 5; i++) {
                snprintf(file, sizeof file, "%s/%s", dir, names[i]);
                remove(file);
            }
            rmdir(dir);
        }
    }
    free(rows);
    return out;
}

/* ------------------------------------------------------------- serving -- */

static enum MHD_Result reply(struct MHD_Connection *c, int status, const char *type, const char *body,
                             size_t len, int download) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (download)
        MHD_add_response_header(r, "Content-Disposition", "attachment");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result text(struct MHD_Connection *c, int status, const char *message) {
    return reply(c, status, "text/plain; charset=utf-8", message, strlen(message), 0);
}

/* A one-line answer in words of the catalog (the line's end added). */
static enum MHD_Result say(struct MHD_Connection *c, int status, const char *words) {
    char line[1024];
    snprintf(line, sizeof line, "%s\n", words);
    return text(c, status, line);
}

/* The language the address asks for (lang=), English when none or unknown. */
static const char *page_lang(const args *a) {
    const char *lang = arg(a, "lang");
    return lang && rm_lang_known(lang) ? lang : "en";
}

/* /progress (or /abandon): "done total running|done|gone" of job j (NULL:
 * none), which is asked for again (or let go). Under the lock. */
static enum MHD_Result progress_answer(struct MHD_Connection *c, job *j, int abandon) {
    char line[80];
    if (j && abandon && j->state != JOB_DONE) {
        /* the page moved on: cancelled within half a second, unless
         * someone else (another screen) is still polling for it */
        double soon = now_seconds() - ABANDON_SECONDS + 0.5;
        if (j->asked > soon)
            j->asked = soon;
    } else if (j) {
        j->asked = now_seconds();
    }
    snprintf(line, sizeof line, "%ld %ld %s\n", j ? j->done : 0, j ? j->total : 0,
             !j ? "gone" : j->state == JOB_DONE ? "done" : "running");
    return text(c, 200, line);
}

/* /sensitivity/progress and /sensitivity/abandon: the panel's job, as
 * /progress and /abandon are the comparison's. Under the lock. */
static enum MHD_Result sensitivity_progress(workshop *w, struct MHD_Connection *c, const args *a, const char *lang,
                                            int abandon) {
    char err[1024];
    int reps = check_query(w, a, lang, err, sizeof err);
    return progress_answer(c, reps ? sensitivity_job_of(w, a, reps) : NULL, abandon);
}

/* A page asking for the panel (sensitivity=), its comparison done: the
 * panel's job is asked for and waited for as the comparison was, until the
 * page's wait is over. Returns 1 when the request is suspended (resumed by
 * tend_waiters); *final: whether the page drawn now is the last one for
 * its address (kept in the cache). Under the lock. */
static int sensitivity_wait(workshop *w, struct MHD_Connection *c, const args *a, request *rq, int reps, int *final) {
    *final = 1;
    if (!arg(a, "sensitivity") || !rm_ws_sensitivity_offered(w->plain))
        return 0;
    job *j = sensitivity_job_for(w, a, reps);
    if (!j) {                                        /* too many waiting: the panel says so */
        *final = 0;
        return 0;
    }
    double now = now_seconds();
    if (j->state != JOB_DONE && now < rq->wait_until && !w->stopping && !rq->gone) {
        j->asked = now;
        if (wait_suspended(w, rq, c, j->key))
            return 1;
    }
    *final = j->state == JOB_DONE;
    return 0;
}

/* Answers one request, or suspends it until its comparison is done (then
 * rq->wait_key is set); under the lock. */
static enum MHD_Result answer(workshop *w, struct MHD_Connection *c, const char *url, const args *a, request *rq) {
    const char *lang = page_lang(a);
    watch(w);
    if (strcmp(url, "/generation") == 0) {
        char line[32];
        snprintf(line, sizeof line, "%lu\n", w->generation);
        return text(c, 200, line);
    }
    static const char *routes[] = {"/", "/progress", "/abandon", "/report.html", "/summary.csv", "/compare.csv",
                                   "/timeseries.csv", "/params.csv", "/replications.csv", "/sensitivity/progress",
                                   "/sensitivity/abandon", NULL};
    int known = 0;
    for (const char **r = routes; *r; r++)
        known |= strcmp(url, *r) == 0;
    if (!known)
        return say(c, 404, rm_word(lang, "workshop.no_such_page"));
    size_t len = 0;
    if (!w->plain) {                                 /* the scenario does not load */
        char *page = error_page(w, error_in(w->plain_err_in, w->plain_err, lang), lang, &len);
        enum MHD_Result ok = page ? reply(c, 500, "text/html; charset=utf-8", page, len, 0)
                                  : say(c, 500, rm_word(lang, "workshop.out_of_memory"));
        free(page);
        return ok;
    }
    if (strncmp(url, "/sensitivity/", 13) == 0)
        return sensitivity_progress(w, c, a, lang, strcmp(url, "/sensitivity/abandon") == 0);
    int is_page = strcmp(url, "/") == 0, is_abandon = strcmp(url, "/abandon") == 0;
    int is_progress = is_abandon || strcmp(url, "/progress") == 0;
    char *key = canonical(a, is_progress ? "/" : url);
    if (!key)
        return say(c, 500, rm_word(lang, "workshop.out_of_memory"));
    entry *e = is_progress ? NULL : cache_find(w, key);
    if (!rq->counted)                                /* once, however often it is resumed */
        w->requests += !is_progress;
    rq->counted = 1;
    w->hits += e != NULL;
    if (e) {
        free(key);
        return reply(c, e->status, e->type, e->body, e->len, !is_page);
    }
    char err[1024];
    int reps = check_query(w, a, lang, err, sizeof err);
    char *jkey = reps ? job_key(a, reps) : NULL;
    job *j = NULL;
    if (reps && jkey && is_progress) {
        for (int i = 0; i < MAX_JOBS && !j; i++)
            if (w->jobs[i].state != JOB_EMPTY && strcmp(w->jobs[i].key, jkey) == 0)
                j = &w->jobs[i];
        free(jkey);
        free(key);
        return progress_answer(c, j, is_abandon);
    }
    if (reps && jkey) {
        j = job_for(w, jkey, a, reps);
        if (!j) {
            free(jkey);
            free(key);
            return say(c, 503, rm_word(lang, "workshop.busy"));
        }
        double now = now_seconds();
        if (rq->wait_until == 0)
            rq->wait_until = now + (is_page ? PAGE_WAIT_SECONDS : DOWNLOAD_WAIT_SECONDS);
        if (j->state != JOB_DONE && now < rq->wait_until && !w->stopping && !rq->gone) {
            j->asked = now;
            if (wait_suspended(w, rq, c, jkey)) {      /* resumed by tend_waiters */
                free(jkey);
                free(key);
                return MHD_YES;
            }
        }
        if (j->state == JOB_EMPTY || strcmp(j->key, jkey) != 0)   /* dropped or replaced meanwhile */
            j = NULL;
    }
    free(jkey);
    if (!w->plain) {                                 /* the file broke while we waited */
        free(key);
        char *page = error_page(w, error_in(w->plain_err_in, w->plain_err, lang), lang, &len);
        enum MHD_Result ok = page ? reply(c, 500, "text/html; charset=utf-8", page, len, 0)
                                  : say(c, 500, rm_word(lang, "workshop.out_of_memory"));
        free(page);
        return ok;
    }
    if (strcmp(url, "/compare.csv") == 0 && reps) {   /* only with a variant to compare */
        int chosen = !arg(a, "v") && w->plain->nmodels > 1;
        for (int k = 0; k < a->n; k++)
            chosen |= strcmp(a->key[k], "variant") == 0;
        if (!chosen) {
            free(key);
            return say(c, 404, rm_word(lang, "workshop.no_compare_without_variant"));
        }
    }
    int final = 1;                                   /* the page may be kept (its panel's last state) */
    if (is_page && reps && j && j->state == JOB_DONE && j->cmp && sensitivity_wait(w, c, a, rq, j->reps, &final)) {
        free(key);
        return MHD_YES;
    }
    int status = 200;
    const char *type = "text/html; charset=utf-8";
    char *body = NULL;
    if (!reps) {                                     /* a bad value in the address */
        status = 400;
        body = message_page(w, a, key, lang, "error", err, NULL, &len);
    } else if (!j) {
        free(key);
        return say(c, 503, rm_word(lang, "workshop.changed_meanwhile"));
    } else if (j->state != JOB_DONE) {
        char *page = is_page ? progress_page(w, j, a, key, lang, &len) : NULL;
        free(key);
        enum MHD_Result ok = page ? reply(c, 200, "text/html; charset=utf-8", page, len, 0)
                                  : say(c, 503, rm_word(lang, "workshop.still_computing"));
        free(page);
        return ok;
    } else if (!j->cmp) {                            /* the params give an error */
        status = 400;
        char message[1100], words[1024];
        if (j->too_long > 0)                         /* the job is the same in every language */
            snprintf(words, sizeof words, rm_word(lang, "workshop.too_long"), MAX_HORIZON_DAYS, j->too_long);
        snprintf(message, sizeof message, "remous: %s", j->too_long > 0 ? words : error_in(j->err_in, j->err, lang));
        body = message_page(w, a, key, lang, "error", message, NULL, &len);
    } else if (strcmp(url, "/compare.csv") == 0 && !computed_ticked(j->cmp, a)) {
        free(key);
        return say(c, 404, rm_word(lang, "workshop.no_compare_computed"));
    } else {
        body = draw(w, j, url, a, key, lang, &len, &type);
    }
    if (!body) {
        free(key);
        return say(c, 500, rm_word(lang, "workshop.out_of_memory"));
    }
    if (!final) {                                    /* the panel under way: drawn again next time */
        enum MHD_Result ok = reply(c, status, type, body, len, !is_page);
        free(body);
        free(key);
        return ok;
    }
    e = cache_put(w, key, body, len, type, status);
    return reply(c, e->status, e->type, e->body, e->len, !is_page);
}

/* Why a request is refused before anything is computed (0: let in):
 * another name than loopback's on a loopback address (DNS rebinding), a
 * page of another site, a method other than GET, a missing token. */
static int refusal(workshop *w, struct MHD_Connection *c, const char *method, char *message, size_t len) {
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    int port = atomic_load(&w->port);
    if (w->loopback && !rm_gate_loopback_host(host, w->listen, port)) {
        char other[40] = "";
        if (strcmp(w->listen, "127.0.0.1") != 0)
            snprintf(other, sizeof other, "%s:%d, ", w->listen, port);
        snprintf(message, len, "remous workshop: refused: Host must be %s127.0.0.1:%d, localhost:%d or [::1]:%d "
                               "(another name may be a web site reaching for this machine)\n", other, port, port, port);
        return 421;
    }
    if (rm_gate_cross_site(host, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
                           MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site"),
                           MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Mode"),
                           MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Dest"))) {
        snprintf(message, len, "remous workshop: refused: a request from another site's page (Origin or "
                               "Sec-Fetch-Site); open the workshop's address in the browser\n");
        return 403;
    }
    if (strcmp(method, "GET") != 0) {
        snprintf(message, len, "remous workshop: only GET\n");
        return 405;
    }
    if (w->token[0]) {
        const char *t = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
        if (!t || strcmp(t, w->token) != 0) {
            snprintf(message, len, "remous workshop: this address needs the token printed when the workshop "
                                   "started (...?token=...)\n");
            return 403;
        }
    }
    return 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
    workshop *w = cls;
    (void)version;
    (void)upload;
    request *rq = *state;
    if (!rq) {                                       /* the headers are in: the gate first */
        if (!(rq = calloc(1, sizeof *rq)))
            return MHD_NO;
        *state = rq;
        const union MHD_ConnectionInfo *ctx = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        rq->conn = ctx ? ctx->socket_context : NULL;
        rq->fd = fd ? fd->connect_fd : -1;
        char message[300];
        int status = refusal(w, c, method, message, sizeof message);
        if (!status)
            return MHD_YES;                          /* then the rest (a body, if any) */
        rm_gate_phase(&w->gate, rq->conn, RM_GATE_SENDING, now_seconds());
        return text(c, status, message);             /* at once: the rest is not read */
    }
    if (*upload_size) {                              /* a body: read (within the deadline) and dropped */
        *upload_size = 0;
        return MHD_YES;
    }
    if (!rq->answering) {
        rq->answering = 1;
        rm_gate_phase(&w->gate, rq->conn, RM_GATE_ANSWERING, now_seconds());
    }
    args a = {.n = 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &a);
    pthread_mutex_lock(&w->lock);
    enum MHD_Result ok = answer(w, c, url, &a, rq);
    int waiting = rq->wait_key != NULL;
    pthread_mutex_unlock(&w->lock);
    if (!waiting)
        rm_gate_phase(&w->gate, rq->conn, RM_GATE_SENDING, now_seconds());
    return ok;
}

/* The request answered (or its connection closed): the connection reads
 * the next one, under the same deadline. */
static void completed(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode why) {
    workshop *w = cls;
    request *rq = *state;
    (void)c;
    (void)why;
    if (!rq)
        return;
    if (rq->wait_key) {                              /* not expected: a suspended request is resumed first */
        pthread_mutex_lock(&w->lock);
        for (request **p = &w->waiters; *p; p = &(*p)->next_waiter)
            if (*p == rq) {
                *p = rq->next_waiter;
                w->nwaiters--;
                break;
            }
        pthread_mutex_unlock(&w->lock);
        free(rq->wait_key);
    }
    rm_gate_phase(&w->gate, rq->conn, RM_GATE_READING, now_seconds());
    free(rq);
    *state = NULL;
}

/* Each connection in the gate's registry from its accept to its close. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode what) {
    workshop *w = cls;
    if (what == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = fd ? rm_gate_open(&w->gate, fd->connect_fd, now_seconds()) : NULL;
        if (fd && !*socket_context)                  /* no deadline without memory: no connection */
            shutdown(fd->connect_fd, SHUT_RDWR);
    } else {
        rm_gate_close(&w->gate, *socket_context);
        *socket_context = NULL;
    }
}

/* libmicrohttpd's messages: a refusal at the connection limits is counted
 * (said at the end); any other message is said once, with its origin (a
 * client that leaves mid-request, or one closed at its deadline, would
 * otherwise give a line each). */
static void log_server(void *cls, const char *format, va_list ap) {
    workshop *w = cls;
    if (strncmp(format, "Server reached connection limit", 31) == 0) {
        atomic_fetch_add(&w->refused, 1);
        return;
    }
    static const char *said[64];
    static int nsaid;
    static pthread_mutex_t saying = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&saying);
    int again = 0;
    for (int i = 0; i < nsaid; i++)
        again |= said[i] == format;
    if (!again && nsaid < 64)
        said[nsaid++] = format;
    if (!again) {
        fputs("remous workshop: libmicrohttpd: ", w->log);
        vfprintf(w->log, format, ap);
    }
    pthread_mutex_unlock(&saying);
}

static volatile sig_atomic_t stop;
static void on_signal(int sig) {
    (void)sig;
    stop = 1;
}

int remous_workshop(const char *path, const remous_options *opt, const char *listen, int port, FILE *out,
                    char *err, size_t errlen) {
    static workshop w;
    memset(&w, 0, sizeof w);
    w.path = path;
    w.base = *opt;
    w.base.keep_failed_variants = 1;           /* a variant's error shows in its box, the others still */
    w.log = stderr;
    /* the scenario must load before anyone is invited */
    remous_scenario *sc = remous_open(path, &w.base, err, errlen);
    if (!sc)
        return REMOUS_ERR_INPUT;
    remous_close(sc);
    struct stat st;
    if (stat(path, &st) == 0)
        w.mtime = st.st_mtim;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, listen, &addr.sin_addr) != 1) {
        snprintf(err, errlen, "--listen: expected an IPv4 address such as 127.0.0.1 or 0.0.0.0, got \"%s\"", listen);
        return REMOUS_ERR_INPUT;
    }
    w.loopback = (ntohl(addr.sin_addr.s_addr) >> 24) == 127;
    inet_ntop(AF_INET, &addr.sin_addr, w.listen, sizeof w.listen);
    atomic_init(&w.port, port);
    atomic_init(&w.refused, 0);
    if (!w.loopback) {                                 /* a token for the room */
        unsigned char raw[16];
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(raw, 1, sizeof raw, f) != sizeof raw) {
            if (f)
                fclose(f);
            snprintf(err, errlen, "cannot read /dev/urandom for the workshop's token");
            return REMOUS_ERR_RUN;
        }
        fclose(f);
        for (int i = 0; i < 16; i++)
            snprintf(w.token + 2 * i, 3, "%02x", raw[i]);
    }
    load_plain(&w);
    remous_watch_loads(0);    /* a server now: one bad edit must not end it (see open_in_time) */
    pthread_mutex_init(&w.lock, NULL);
    pthread_cond_init(&w.work, NULL);
    rm_gate_init(&w.gate, READING_SECONDS, SENDING_SECONDS);
    pthread_t computer;
    if (pthread_create(&computer, NULL, computing, &w) != 0) {
        snprintf(err, errlen, "cannot start the workshop's computing thread");
        remous_close(w.plain);
        for (int i = 0; i < MAX_LANGS; i++)
            free(w.plain_err_in[i]);
        rm_gate_free(&w.gate);
        return REMOUS_ERR_RUN;
    }
    /* Many connections, few threads: a slow client costs a socket and a
     * little memory, not a thread. On loopback every client is this machine
     * and comes from 127.0.0.1: a limit per address would only let one
     * program lock the browser out, so there the limit is the total. */
    unsigned limit = MAX_CONNECTIONS;
    struct rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY &&
        files.rlim_cur < (rlim_t)limit + 100)
        limit = files.rlim_cur > 132 ? (unsigned)files.rlim_cur - 100 : 32;
    unsigned per_address = w.loopback ? 0 : MAX_PER_ADDRESS;
    rm_gate_crowd(&w.gate, (long)limit * 9 / 10, CROWDED_SECONDS);
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME |
                                            MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL, handle, &w,
                                            MHD_OPTION_EXTERNAL_LOGGER, log_server, &w,
                                            MHD_OPTION_SOCK_ADDR, &addr,
                                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POOL_THREADS,
                                            MHD_OPTION_CONNECTION_LIMIT, limit,
                                            MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
                                            MHD_OPTION_CONNECTION_TIMEOUT, IDLE_SECONDS,
                                            MHD_OPTION_NOTIFY_CONNECTION, on_connection, &w,
                                            MHD_OPTION_NOTIFY_COMPLETED, completed, &w, MHD_OPTION_END);
    int rc = REMOUS_OK;
    if (!d) {
        snprintf(err, errlen, "cannot listen on %s port %d: %s", listen, port, strerror(errno));
        rc = REMOUS_ERR_RUN;
    } else {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        int bound = info ? info->port : port;
        atomic_store(&w.port, bound);
        if (w.token[0])
            fprintf(out, "remous workshop: http://%s:%d/?token=%s (give the room this address, with this machine's "
                         "own address for %s; Ctrl-C to stop)\n", listen, bound, w.token, listen);
        else
            fprintf(out, "remous workshop: http://%s:%d/ (Ctrl-C to stop)\n", listen, bound);
        fflush(out);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        while (!stop) {                              /* the deadlines, and the pages waiting */
            struct timespec pause = {0, (long)(TEND_SECONDS * 1e9)};
            nanosleep(&pause, NULL);
            rm_gate_reap(&w.gate, now_seconds());
            pthread_mutex_lock(&w.lock);
            tend_waiters(&w);
            pthread_mutex_unlock(&w.lock);
        }
    }
    pthread_mutex_lock(&w.lock);
    w.stopping = 1;
    pthread_cond_broadcast(&w.work);
    tend_waiters(&w);                                /* libmicrohttpd stops only with none suspended */
    pthread_mutex_unlock(&w.lock);
    if (d)
        MHD_stop_daemon(d);
    pthread_join(computer, NULL);
    if (d)
        fprintf(w.log, "remous workshop: %lu requests, %lu answered from the cache (%.0f%%)\n", w.requests, w.hits,
                w.requests ? 100.0 * (double)w.hits / (double)w.requests : 0.0);
    long refused = atomic_load(&w.refused);
    if (d && (w.gate.cut_reading || w.gate.cut_sending || refused)) {
        char limits[80];
        if (per_address)
            snprintf(limits, sizeof limits, "more than %u from one address, or %u in all", per_address, limit);
        else
            snprintf(limits, sizeof limits, "more than %u at once", limit);
        fprintf(w.log, "remous workshop: %ld connections closed for not sending their request within %.0f s (%.0f s "
                       "when crowded), %ld for not taking their answer within %.0f s; %ld refused (%s)\n",
                w.gate.cut_reading, READING_SECONDS, CROWDED_SECONDS, w.gate.cut_sending, SENDING_SECONDS, refused,
                limits);
    }
    rm_gate_free(&w.gate);
    cache_clear(&w);
    for (int i = 0; i < MAX_JOBS; i++)
        job_clear(&w.jobs[i]);
    remous_close(w.plain);
    for (int i = 0; i < MAX_LANGS; i++)
        free(w.plain_err_in[i]);
    return rc;
}
