/* The workshop's "what matters most" panel, see workshop_sensitivity.h. */
#include "workshop_sensitivity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "scenario.h"
#include "sensitivity_chart.h"
#include "words.h"

static int varies(const rm_param *p) {
    return p->numeric && !isnan(p->min) && !isnan(p->max) && p->min < p->max;
}

int rm_ws_sensitivity_offered(const remous_scenario *plain) {
    for (int m = 0; plain && m < plain->nmodels; m++)
        for (int i = 0; plain->models[m] && i < plain->models[m]->nparams; i++)
            if (varies(&plain->models[m]->params[i]))
                return 1;
    return 0;
}

/* The model of `variant` in sc (NULL when it has none, or it failed). */
static const rm_model *model_of(const remous_scenario *sc, const char *variant) {
    for (int v = 0; v < sc->nmodels; v++)
        if (strcmp(sc->variants[v], variant) == 0)
            return sc->models[v];
    return NULL;
}

/* A param's end in the fewest digits that read back the same: the text
 * remous sensitivity gives --set for it. */
static void end_text(double v, char *text, size_t len) {
    for (int digits = 12; digits <= 17; digits++) {
        snprintf(text, len, "%.*g", digits, v == 0 ? 0.0 : v);
        if (strtod(text, NULL) == v)
            break;
    }
}

/* Whether the horizon of the variant's model in sc is within max_days:
 * else REMOUS_ERR_INPUT, *too_long its days and err the line. */
static int horizon_within(const remous_scenario *sc, const char *variant, double max_days, double *too_long,
                          char *err, size_t errlen) {
    const rm_model *m = model_of(sc, variant);
    if (m && m->horizon * m->unit_seconds > max_days * 86400.0) {
        *too_long = m->horizon * m->unit_seconds / 86400.0;
        snprintf(err, errlen, "the horizon is %.0f days, above the workshop's %.0f", *too_long, max_days);
        return REMOUS_ERR_INPUT;
    }
    return REMOUS_OK;
}

/* Loads the scenario at o with `name` set to `value` and checks the
 * horizon of the variant's model. */
static int try_load(const char *path, const remous_options *o, const char *variant, const char *name,
                    const char *value, double max_days, rm_ws_loader load, double *too_long, char *err,
                    size_t errlen) {
    rm_sens_point pt;
    remous_scenario *sc = load(path, rm_sensitivity_point(&pt, o, name, value), err, errlen);
    if (!sc)
        return REMOUS_ERR_INPUT;
    int rc = horizon_within(sc, variant, max_days, too_long, err, errlen);
    remous_close(sc);
    return rc;
}

int rm_ws_sensitivity_compute(const char *path, const remous_options *o, const char *variant, double max_days,
                              rm_ws_loader load, int (*tick)(void *ctx, long done, long total), void *tick_ctx,
                              remous_sensitivity **out, double *too_long, char *at, size_t atlen, char *err,
                              size_t errlen) {
    *out = NULL;
    *too_long = 0;
    at[0] = '\0';
    /* the point first: it loads, its variant exists, its horizon is within the cap */
    remous_scenario *sc = load(path, o, err, errlen);
    if (!sc)
        return REMOUS_ERR_INPUT;
    const rm_model *m = model_of(sc, variant);
    int rc = horizon_within(sc, variant, max_days, too_long, err, errlen);
    /* then each end of each param that varies: every run the sensitivity
     * makes; between two loads, the tick may stop it (a comparison waits) */
    long total = 0;
    for (int i = 0; m && i < m->nparams; i++)
        total += varies(&m->params[i]) ? 2L * sc->replications : 0;
    for (int i = 0; m && rc == REMOUS_OK && i < m->nparams; i++) {
        const rm_param *p = &m->params[i];
        if (!varies(p))
            continue;
        for (int end = 0; end < 2 && rc == REMOUS_OK; end++) {
            char text[48], message[1024];
            if (tick && tick(tick_ctx, 0, total)) {
                snprintf(err, errlen, "cancelled");
                rc = REMOUS_ERR_RUN;
                break;
            }
            end_text(end ? p->max : p->min, text, sizeof text);
            rc = try_load(path, o, variant, p->name, text, max_days, load, too_long, message, sizeof message);
            if (rc != REMOUS_OK && *too_long > 0)
                snprintf(at, atlen, "%s = %s", p->name, text);
            else if (rc != REMOUS_OK)
                snprintf(err, errlen, "%s = %s (%s): %s", p->name, text, end ? "its max" : "its min", message);
            else
                continue;
            if (*too_long > 0)
                snprintf(err, errlen, "%s", message);
        }
    }
    remous_close(sc);
    if (rc != REMOUS_OK)
        return rc;
    remous_sensitivity_options so = {variant, NULL, 0, 2, tick, tick_ctx};
    return remous_sensitivity_run(path, o, &so, out, err, errlen);
}

/* ------------------------------------------------------------ the panel -- */

static const char panel_style[] =
    "<style>.what-matters{border-top:2px solid #0072B2;margin:1.5rem 0;padding-top:.3rem}"
    ".what-matters .ask a{display:inline-block;margin:.2rem .3rem;padding:.3rem .8rem;border:1px solid #0072B2;"
    "border-radius:4px;background:#fff;color:#0072B2;text-decoration:none}"
    ".what-matters .ask a.chosen{background:#0072B2;color:#fff}"
    ".what-matters h3{margin:1rem 0 .2rem;font-size:1.05rem}"
    ".what-matters .meta{color:#555}</style>\n";

/* s in an address, as the workshop's links write it. */
static void url_part(FILE *f, const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
            fputc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

void rm_ws_sensitivity_begin(FILE *f, const remous_scenario *plain, const char *const *keys,
                             const char *const *values, int n, const char *chosen, const char *lang) {
    fputs(panel_style, f);
    fputs("<section class=\"what-matters\" id=\"what-matters\">\n<h2>", f);
    rm_html_escape(f, rm_word(lang, "workshop_sensitivity.title"));
    fputs("</h2>\n<p class=\"meta\">", f);
    rm_html_escape(f, rm_word(lang, "workshop_sensitivity.question"));
    fputs("</p>\n<p class=\"ask\">", f);
    rm_html_escape(f, rm_word(lang, "workshop_sensitivity.compute"));
    for (int v = 0; v < plain->nmodels; v++) {       /* a link per run: the page's address, and the run */
        if (!plain->models[v])
            continue;
        fputs(" <a href=\"/?", f);
        for (int i = 0; i < n; i++) {
            if (strcmp(keys[i], "sensitivity") == 0)
                continue;
            url_part(f, keys[i]);
            fputc('=', f);
            url_part(f, values[i]);
            fputs("&amp;", f);
        }
        fputs("sensitivity=", f);
        url_part(f, plain->variants[v]);
        fputs("#what-matters\"", f);
        if (chosen && strcmp(chosen, plain->variants[v]) == 0)
            fputs(" class=\"chosen\"", f);
        fputc('>', f);
        char words[256];
        rm_html_escape(f, rm_variant_label(plain->models[v], plain->variants[v], lang, words, sizeof words));
        fputs("</a>", f);
    }
    fputs("</p>\n", f);
}

void rm_ws_sensitivity_result(FILE *f, const remous_sensitivity *s, const char *lang) {
    char run[256], words[2048];
    rm_variant_label(s->model, s->variant, lang, run, sizeof run);
    if (s->nparams == 1)
        snprintf(words, sizeof words, rm_word(lang, "workshop_sensitivity.result_one"), run, s->reps);
    else
        snprintf(words, sizeof words, rm_word(lang, "workshop_sensitivity.result"), run, s->nparams, s->reps);
    fputs("<p class=\"sensitivity-intro\">", f);
    rm_html_escape(f, words);
    fputs("</p>\n", f);
    for (int k = 0; k < s->nmetrics; k++)
        rm_sensitivity_chart(f, &s, 1, &s->metrics[k], lang);
    if (s->nleft_out > 0) {
        fputs("<p class=\"meta\">", f);
        rm_html_escape(f, rm_sensitivity_left_out_words(s, lang, words, sizeof words));
        fputs("</p>\n", f);
    }
}

void rm_ws_sensitivity_progress(FILE *f, long done, long total, const char *lang) {
    char words[300];
    snprintf(words, sizeof words, rm_word(lang, "workshop_sensitivity.computing"), done, total);
    fputs("<p class=\"sensitivity-progress\">", f);
    rm_html_escape(f, words);
    fputs("</p>\n", f);
    /* as the comparison's progress page: the figures updated, a reload when
     * it is over; leaving the page lets the server stop the work */
    fputs("<script>(function(){var p=document.querySelector('p.sensitivity-progress');"
          "setInterval(function(){fetch('/sensitivity/progress'+location.search)"
          ".then(function(r){return r.text()}).then(function(x){"
          "var v=x.trim().split(' ');if(v[2]!=='running')location.reload();"
          "else p.textContent=p.textContent.replace(/[0-9]+([^0-9]+)[0-9]+/,v[0]+'$1'+v[1])})"
          ".catch(function(){})},300);"
          "addEventListener('pagehide',function(){fetch('/sensitivity/abandon'+location.search,{keepalive:true})"
          ".catch(function(){})})})()</script>\n", f);
}

void rm_ws_sensitivity_message(FILE *f, const char *cls, const char *message) {
    fprintf(f, "<p class=\"%s\">", cls);
    rm_html_escape(f, message);
    fputs("</p>\n", f);
}

void rm_ws_sensitivity_end(FILE *f) {
    fputs("</section>\n", f);
}
