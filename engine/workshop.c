/* Workshop mode: a local web page (libmicrohttpd) where a team changes the
 * scenario's param() values and the variants compared, and sees the same
 * digest and charts as the HTML report, recomputed.
 *
 * The page's state is all in its URL (p.NAME=value, variant=..., reps=,
 * lang=), so a link keeps "the situation we discussed". Results are cached
 * per canonical query (least recently used out); requests are served one at
 * a time, by one thread, so a room cannot run more than one computation at
 * once; replications are capped. The scenario is loaded anew for every
 * computation and the cache is dropped when its file changes, so an edit
 * shows at once (or its error, with file and line). Beyond loopback, every
 * request needs the token printed at start. */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>

#include "results.h"

#define CACHE_SIZE 32
#define MAX_REPS 50
#define MAX_ARGS 128

typedef struct entry {
    char *key, *body, *type;
    size_t len;
    int status;
    unsigned long used;
} entry;

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
} workshop;

typedef struct args {
    const char *key[MAX_ARGS], *value[MAX_ARGS];
    int n;
} args;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    args *a = cls;
    (void)kind;
    if (a->n < MAX_ARGS) {
        a->key[a->n] = key;
        a->value[a->n++] = value ? value : "";
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

static void html(FILE *f, const char *s) {
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
}

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

/* Drops the cache when the scenario file changed since last time. */
static void watch(workshop *w) {
    struct stat st;
    if (stat(w->path, &st) != 0)
        return;
    if (st.st_mtim.tv_sec != w->mtime.tv_sec || st.st_mtim.tv_nsec != w->mtime.tv_nsec) {
        w->mtime = st.st_mtim;
        w->generation++;
        cache_clear(w);
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
static void controls(FILE *f, const workshop *w, const remous_scenario *sc, const args *a, const char *query, int fr) {
    const rm_model *m = sc->models[0];
    reload_on_edit(f, w);
    fputs("<style>.controls{background:#f4f4f4;border:1px solid #ddd;padding:1rem;margin:1rem 0}"
          ".controls label{display:block;margin:.4rem 0}.controls input[type=range]{width:16rem;vertical-align:middle}"
          ".controls output{margin-left:.6rem;font-weight:bold}.downloads a{margin-right:1rem}"
          ".error{background:#fde8e8;border:1px solid #c00;padding:.8rem;margin:1rem 0;font-family:monospace}"
          "@media print{.controls{display:none}}</style>\n", f);
    fputs("<form class=\"controls\" method=\"get\" action=\"/\">\n", f);
    if (w->token[0]) {
        fputs("<input type=\"hidden\" name=\"token\" value=\"", f);
        html(f, w->token);
        fputs("\">\n", f);
    }
    for (int i = 0; i < m->nparams; i++) {
        const rm_param *p = &m->params[i];
        char field[600];
        snprintf(field, sizeof field, "p.%s", p->name);
        const char *value = arg(a, field);
        if (!value)
            value = p->value;
        fputs("<label>", f);
        html(f, p->label && p->label[0] ? p->label : p->name);
        fputs(" <input name=\"", f);
        html(f, field);
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
        html(f, value);
        fputs("\" oninput=\"this.nextElementSibling.value=this.value\" onchange=\"this.form.submit()\"><output>", f);
        html(f, value);
        fputs("</output></label>\n", f);
    }
    if (sc->nmodels > 1) {
        int chosen_any = arg(a, "v") != NULL;
        fprintf(f, "<fieldset><legend>%s</legend><input type=\"hidden\" name=\"v\" value=\"1\">\n",
                fr ? "Variantes comparées à la situation actuelle" : "Variants compared with the baseline");
        for (int v = 1; v < sc->nmodels; v++) {
            int checked = !chosen_any;
            for (int k = 0; k < a->n; k++)
                checked |= strcmp(a->key[k], "variant") == 0 && strcmp(a->value[k], sc->variants[v]) == 0;
            fputs("<label><input type=\"checkbox\" name=\"variant\" value=\"", f);
            html(f, sc->variants[v]);
            fprintf(f, "\"%s onchange=\"this.form.submit()\"> ", checked ? " checked" : "");
            html(f, sc->variants[v]);
            fputs("</label>\n", f);
        }
        fputs("</fieldset>\n", f);
    }
    const char *reps = arg(a, "reps");
    fprintf(f, "<label>%s <input type=\"number\" name=\"reps\" min=\"1\" max=\"%d\" value=\"", fr ? "Réplications" : "Replications", MAX_REPS);
    html(f, reps ? reps : "");
    fprintf(f, "\" placeholder=\"%d\" onchange=\"this.form.submit()\"></label>\n",
            sc->replications < MAX_REPS ? sc->replications : MAX_REPS);
    const char *lang = arg(a, "lang");
    fprintf(f, "<label>%s <select name=\"lang\" onchange=\"this.form.submit()\"><option value=\"en\"%s>English</option>"
               "<option value=\"fr\"%s>Français</option></select></label>\n", fr ? "Langue" : "Language",
            lang && strcmp(lang, "fr") == 0 ? "" : " selected", lang && strcmp(lang, "fr") == 0 ? " selected" : "");
    fprintf(f, "<button type=\"submit\">%s</button>\n</form>\n", fr ? "Mettre à jour" : "Update");
    const char *q = strchr(query, '?');
    fprintf(f, "<p class=\"downloads\">%s ", fr ? "Télécharger :" : "Download:");
    const char *files[] = {"report.html", "summary.csv", "compare.csv", "timeseries.csv", "params.csv"};
    for (int i = 0; i < 5; i++) {
        fprintf(f, "<a href=\"/%s", files[i]);
        html(f, q ? q : "");
        if (w->token[0]) {
            fputs(q ? "&amp;token=" : "?token=", f);
            html(f, w->token);
        }
        fprintf(f, "\">%s</a>", files[i]);
    }
    fputs("</p>\n<p><a href=\"", f);
    html(f, query);
    if (w->token[0]) {
        fputs(q ? "&amp;token=" : "?token=", f);
        html(f, w->token);
    }
    fprintf(f, "\">%s</a></p>\n", fr ? "Lien vers cette situation" : "Link to this situation");
}

/* A page that only says what is wrong (the scenario does not load). */
static char *error_page(const workshop *w, const char *message, size_t *len) {
    buf b = {0};
    b.f = open_memstream(&b.s, &b.len);
    if (!b.f)
        return NULL;
    fputs("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>remous workshop</title>"
          "<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem}"
          ".error{background:#fde8e8;border:1px solid #c00;padding:.8rem;font-family:monospace}</style></head>\n"
          "<body>\n<h1>remous workshop</h1>\n<p class=\"error\">remous: ", b.f);
    html(b.f, message);
    fputs("</p>\n<p>Fix the scenario: this page reloads by itself when the file changes.</p>\n", b.f);
    reload_on_edit(b.f, w);
    fputs("</body>\n</html>\n", b.f);
    fclose(b.f);
    *len = b.len;
    return b.s;
}

/* Computes what the query asks: the page, the report or a CSV file. The
 * status: 200, or 400 for a bad value (with the message on the page). */
static char *compute(workshop *w, const char *url, const args *a, const char *query, size_t *len,
                     const char **type, int *status) {
    int fr = arg(a, "lang") && strcmp(arg(a, "lang"), "fr") == 0;
    char err[1024] = "";
    *type = "text/html; charset=utf-8";
    *status = 200;
    /* the scenario as it is, for the controls (and to tell a broken file) */
    remous_options defaults = w->base;
    defaults.nsets = 0;
    defaults.progress = 0;
    remous_scenario *plain = remous_open(w->path, &defaults, err, sizeof err);
    if (!plain) {
        *status = 500;
        return error_page(w, err, len);
    }
    /* this query's values */
    const char *names[MAX_ARGS], *values[MAX_ARGS];
    remous_options opt = defaults;
    opt.set_names = names;
    opt.set_values = values;
    const char *reps = arg(a, "reps"), *lang = arg(a, "lang");
    char *end;
    long r = reps && *reps ? strtol(reps, &end, 10) : 0;
    if (reps && *reps && (*end || r < 1 || r > MAX_REPS))
        snprintf(err, sizeof err, "reps: give a whole number from 1 to %d, not \"%.40s\"", MAX_REPS, reps);
    else if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "fr") != 0)
        snprintf(err, sizeof err, "lang: en or fr, not \"%.20s\"", lang);
    opt.replications = r > 0 ? (int)r : plain->replications < MAX_REPS ? plain->replications : MAX_REPS;
    for (int i = 0; i < a->n && !err[0]; i++) {
        if (strncmp(a->key[i], "p.", 2) == 0) {
            names[opt.nsets] = a->key[i] + 2;
            values[opt.nsets++] = a->value[i];
        } else if (strcmp(a->key[i], "variant") == 0) {
            int known = 0;
            for (int v = 1; v < plain->nmodels; v++)
                known |= strcmp(plain->variants[v], a->value[i]) == 0;
            if (!known)
                snprintf(err, sizeof err, "variant: the scenario has no variant \"%.100s\"", a->value[i]);
        } else if (strcmp(a->key[i], "token") && strcmp(a->key[i], "reps") && strcmp(a->key[i], "lang") &&
                   strcmp(a->key[i], "v")) {
            snprintf(err, sizeof err, "unknown field \"%.100s\" in the address", a->key[i]);
        }
    }
    remous_scenario *sc = err[0] ? NULL : remous_open(w->path, &opt, err, sizeof err);
    remous_comparison *cmp = NULL;
    int rc = sc ? remous_compare(sc, &cmp, err, sizeof err) : REMOUS_ERR_INPUT;
    if (sc && rc != REMOUS_OK && plain->nmodels == 1) {      /* no variants: a run of the baseline */
        remous_results *res = NULL;
        err[0] = '\0';
        rc = remous_run(sc, &res, err, sizeof err);
        if (rc == REMOUS_OK) {
            cmp = calloc(1, sizeof *cmp);
            remous_results **one = calloc(1, sizeof *one);
            if (cmp && one) {
                one[0] = res;
                *cmp = (rm_comparison){sc, one, 1, NULL, 0};
            } else {
                rc = REMOUS_ERR_RUN;
                free(one);
                remous_results_free(res);
            }
        }
    }
    char *out = NULL;
    if (rc != REMOUS_OK) {
        *status = 400;
        buf b = {0};
        b.f = open_memstream(&b.s, &b.len);
        if (b.f) {
            fputs("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>remous workshop</title></head>\n"
                  "<body style=\"font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem\">\n<h1>", b.f);
            html(b.f, plain->models[0]->name);
            fputs("</h1>\n", b.f);
            controls(b.f, w, plain, a, query, fr);
            fputs("<p class=\"error\">remous: ", b.f);
            html(b.f, err);
            fputs("</p>\n</body>\n</html>\n", b.f);
            fclose(b.f);
            out = b.s;
            *len = b.len;
        }
    } else {
        /* only the variants asked for */
        rm_comparison shown = *cmp;
        remous_results *kept[256];
        rm_delta *rows = malloc(((size_t)cmp->nrows + 1) * sizeof *rows);
        int n = 0, nrows = 0;
        for (int v = 0; v < cmp->n && n < 256; v++) {
            int want = v == 0 || !arg(a, "v");
            for (int k = 0; k < a->n && !want; k++)
                want = strcmp(a->key[k], "variant") == 0 && strcmp(a->value[k], cmp->results[v]->variant) == 0;
            if (want)
                kept[n++] = cmp->results[v];
        }
        for (int k = 0; rows && k < cmp->nrows; k++)
            for (int v = 1; v < n; v++)
                if (cmp->rows[k].variant == kept[v]->variant)
                    rows[nrows++] = cmp->rows[k];
        shown.results = kept;
        shown.n = n;
        shown.rows = rows;
        shown.nrows = nrows;
        if (strcmp(url, "/") == 0 || strcmp(url, "/report.html") == 0) {
            buf b = {0};
            b.f = open_memstream(&b.s, &b.len);
            if (b.f) {
                char *ctl = NULL;
                size_t ctl_len = 0;
                FILE *c = strcmp(url, "/") == 0 ? open_memstream(&ctl, &ctl_len) : NULL;
                if (c) {
                    controls(c, w, plain, a, query, fr);
                    fclose(c);
                }
                rm_html_page(b.f, &shown, fr ? "fr" : "en", ctl);
                free(ctl);
                fclose(b.f);
                out = b.s;
                *len = b.len;
            }
        } else {                                     /* a CSV file, written then read */
            char dir[] = "/tmp/remous-workshop-XXXXXX";
            if (mkdtemp(dir)) {
                int wrc = shown.n > 1 ? remous_write_comparison(&shown, dir, err, sizeof err)
                                      : rm_write_results((const remous_results *const *)shown.results, 1, dir, err, sizeof err);
                char file[200];
                snprintf(file, sizeof file, "%s%s", dir, url);
                FILE *f = wrc == REMOUS_OK ? fopen(file, "rb") : NULL;
                if (f) {
                    buf b = {0};
                    b.f = open_memstream(&b.s, &b.len);
                    int ch;
                    while (b.f && (ch = fgetc(f)) != EOF)
                        fputc(ch, b.f);
                    if (b.f)
                        fclose(b.f);
                    fclose(f);
                    out = b.s;
                    *len = b.len;
                    *type = "text/csv; charset=utf-8";
                }
                const char *names5[] = {"summary.csv", "replications.csv", "timeseries.csv", "params.csv", "compare.csv"};
                for (int i = 0; i < 5; i++) {
                    snprintf(file, sizeof file, "%s/%s", dir, names5[i]);
                    remove(file);
                }
                rmdir(dir);
            }
        }
        free(rows);
    }
    remous_comparison_free(cmp);
    remous_close(sc);
    remous_close(plain);
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

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
    workshop *w = cls;
    (void)version;
    (void)upload;
    (void)upload_size;
    if (!*state) {                                   /* the headers: wait for the rest */
        *state = (void *)1;
        return MHD_YES;
    }
    if (strcmp(method, "GET") != 0) {
        static const char msg[] = "remous workshop: only GET\n";
        return reply(c, 405, "text/plain; charset=utf-8", msg, sizeof msg - 1, 0);
    }
    args a = {.n = 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &a);
    if (w->token[0]) {
        const char *t = arg(&a, "token");
        if (!t || strcmp(t, w->token) != 0) {
            static const char msg[] = "remous workshop: this address needs the token printed when the workshop "
                                      "started (...?token=...)\n";
            return reply(c, 403, "text/plain; charset=utf-8", msg, sizeof msg - 1, 0);
        }
    }
    watch(w);
    if (strcmp(url, "/generation") == 0) {
        char text[32];
        int n = snprintf(text, sizeof text, "%lu\n", w->generation);
        return reply(c, 200, "text/plain; charset=utf-8", text, (size_t)n, 0);
    }
    static const char *routes[] = {"/", "/report.html", "/summary.csv", "/compare.csv", "/timeseries.csv",
                                   "/params.csv", "/replications.csv", NULL};
    int known = 0;
    for (const char **r = routes; *r; r++)
        known |= strcmp(url, *r) == 0;
    if (!known) {
        static const char msg[] = "remous workshop: no such page\n";
        return reply(c, 404, "text/plain; charset=utf-8", msg, sizeof msg - 1, 0);
    }
    char *key = canonical(&a, url);
    if (!key)
        return MHD_NO;
    entry *e = cache_find(w, key);
    w->requests++;
    w->hits += e != NULL;
    if (!e) {
        size_t len = 0;
        const char *type;
        int status;
        char *body = compute(w, url, &a, key, &len, &type, &status);
        if (!body) {
            free(key);
            static const char msg[] = "remous workshop: out of memory\n";
            return reply(c, 500, "text/plain; charset=utf-8", msg, sizeof msg - 1, 0);
        }
        e = cache_put(w, key, body, len, type, status);
    } else {
        free(key);
    }
    return reply(c, e->status, e->type, e->body, e->len, strcmp(url, "/") != 0);
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
    w.log = stderr;
    /* the scenario must load before anyone is invited */
    remous_scenario *sc = remous_open(path, opt, err, errlen);
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
    int loopback = (ntohl(addr.sin_addr.s_addr) >> 24) == 127;
    if (!loopback) {                                 /* a token for the room */
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
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port,
                                            NULL, NULL, handle, &w, MHD_OPTION_SOCK_ADDR, &addr,
                                            MHD_OPTION_CONNECTION_LIMIT, 64u, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                                            MHD_OPTION_END);
    if (!d) {
        snprintf(err, errlen, "cannot listen on %s port %d: %s", listen, port, strerror(errno));
        return REMOUS_ERR_RUN;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int bound = info ? info->port : port;
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
    while (!stop)
        pause();
    MHD_stop_daemon(d);
    fprintf(w.log, "remous workshop: %lu requests, %lu answered from the cache (%.0f%%)\n", w.requests, w.hits,
            w.requests ? 100.0 * (double)w.hits / (double)w.requests : 0.0);
    cache_clear(&w);
    return REMOUS_OK;
}
