/* The process as a picture: a run's model drawn as a graph (arrivals
 * streams, steps with who does them and their queues, routes with their
 * probabilities, one exit), laid out by Graphviz (cgraph + gvc, the dot
 * layout) and rendered to SVG in memory, for the report and the workshop
 * page. A variant's picture colours what it adds to the baseline's model
 * and what it changes there. */
#ifndef RM_DIAGRAM_H
#define RM_DIAGRAM_H

#include <stddef.h>

#include "model.h"
#include "results.h"

/* The picture of model m as an SVG element ready to be put inline in an
 * HTML page (no XML prolog, no doctype; its width and height in points, as
 * Graphviz gives them, and a viewBox, so that a page's CSS, max-width:100%
 * and height:auto, scales it down to the page's width). res: m's results, for the figures on each
 * step (its wait, its share of the flow) and stream (arrivals per week);
 * NULL: no figures. base: the baseline's model, to colour what m adds
 * (elements base does not have) and changes (a route, who does a step);
 * NULL or m itself: nothing coloured. id: what the SVG's ids start with,
 * unique in the page ("d0", "d1"...). lang: "en" or "fr".
 * Returns a string the caller frees, or NULL with one line saying why in
 * err (Graphviz could not lay it out, out of memory). Safe from several
 * threads: layouts run one at a time (Graphviz's context is not known to
 * be thread-safe). */
char *rm_diagram_svg(const rm_model *m, const remous_results *res, const rm_model *base, const char *id,
                     const char *lang, char *err, size_t errlen);

/* The words of the diagram's section in the pages, in lang. */
typedef struct rm_diagram_words {
    const char *title;        /* the section's heading */
    const char *legend;       /* what the shapes and colours mean (HTML-safe text) */
    const char *added;        /* the colour key: added by the variant */
    const char *changed;      /* the colour key: changed by the variant */
    const char *failed;       /* before why a picture could not be drawn */
} rm_diagram_words;
const rm_diagram_words *rm_diagram_words_for(const char *lang);

/* The colours of what a variant adds and changes (for the legend). */
#define RM_DIAGRAM_ADDED "#E69F00"
#define RM_DIAGRAM_ADDED_FILL "#FBE6BC"
#define RM_DIAGRAM_CHANGED "#D55E00"

#endif
