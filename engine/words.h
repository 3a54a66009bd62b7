/* The words a person reads, one catalog per language. Each language is one
 * file, scripts/lang/CODE.lua, a Lua table of sections of keys and words
 * (`digest = { no_change = "no significant change" }` is the key
 * "digest.no_change"), compiled into the binary like the prelude. A third
 * language is one more file a translator writes, without touching C.
 *
 * A word may be a printf format; every language's word must then take the
 * same conversions as English's, in the same order or numbered (`%2$s`).
 * test_words checks this, that every language has every key of English and
 * no other, and that every key the engine asks for is in English.
 *
 * The engine asks with a literal key, rm_word(lang, "section.key"), so that
 * the test finds every key in the sources; a key chosen at run time is
 * written RM_WORD_KEY("section.key") where it is spelled. */
#ifndef RM_WORDS_H
#define RM_WORDS_H

#include <stddef.h>

#define RM_WORD_KEY(key) key

/* The word for key in language lang (a code such as "fr"; NULL or unknown
 * means English). A key the language lacks reads as in English; a key
 * English lacks reads as itself, so a slip shows instead of crashing.
 * Safe from any thread; the catalogs are read once, at the first call. */
const char *rm_word(const char *lang, const char *key);

/* s (a number printed by printf, len bytes of room) with its decimal
 * point written as lang writes it (a comma in French); returns s. */
char *rm_decimal_in(char *s, size_t len, const char *lang);

/* The same, and the digits of its whole part grouped by three with lang's
 * separator between thousands ("4,477" in English, "4 477" in French),
 * as the headline writes them; a figure with an exponent is left as it is. */
char *rm_grouped_in(char *s, size_t len, const char *lang);

/* The language of the messages this thread writes now (a load's errors,
 * from code that has no language of its own to hand: dist.c, calendar.c,
 * lua_errors.c); remous_open sets it for the time of a load. NULL: English.
 * rm_message_lang_set returns the one it replaces, to be put back. */
const char *rm_message_lang(void);
const char *rm_message_lang_set(const char *lang);

/* v as a whole number ("%.0f") into buf, but beyond 1e15, where a double
 * has no more whole digits to give, in three significant digits ("1e+308"
 * instead of 309 digits); returns buf. */
char *rm_whole_number(char *buf, size_t len, double v);

/* 1 when lang is the code of a compiled-in language. */
int rm_lang_known(const char *lang);

/* The codes of the compiled-in languages, "en, fr", for messages. */
const char *rm_lang_codes(void);

/* For the tests and the menus: the number of languages and the code of the
 * i-th (its name in its own words is rm_word(code, "language")). */
int rm_lang_count(void);
const char *rm_lang_code(int i);

/* For the tests: the i-th key of language `lang`'s catalog (sorted), NULL
 * past the end; and any error met when that catalog was read (NULL if
 * none), as FILE:LINE: message. */
const char *rm_word_key(const char *lang, int i);
const char *rm_words_error(const char *lang);

#endif
