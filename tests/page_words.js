// What a person reads on a page (a DOM from `chromium --dump-dom`) that is
// not in the page's language: the English words of remous's own vocabulary
// (the words of the English catalog's SECTIONS, scripts/lang/en.lua, less
// those the other catalog also uses, less the words of the scenario file's
// own strings: its names and labels are the team's words, shown as written),
// and numbers written with a decimal point.
//
// Each language's name in its own words is no slip (the workshop's menu),
// nor the names of files (its downloads, report.html).
//
// Visible text: every text node (SVG's included, and the tooltips of its
// <title>s), scripts and styles left out, entities decoded. One exception,
// exact: the version of remous ("remous 0.1.0"), which is a version, not a
// number.
//
// usage: node page_words.js DOM_FILE LANG_FILE SCENARIO VERSION SECTION...
// (LANG_FILE: the page's catalog, e.g. scripts/lang/fr.lua). Prints one line
// per finding ("english: WORD in «context»", "decimal point: «context»"),
// nothing when the page is wholly in its language.
'use strict';
const fs = require('fs');
const path = require('path');

const [domFile, langFile, scenarioFile, version, ...rest] = process.argv.slice(2);
const englishPage = rest[0] === '--english' ? rest[1] : null;       // the same page in English, rendered
const sections = englishPage ? rest.slice(2) : rest;

// A catalog (a Lua table of sections of strings) as { "section.key": words }.
function readCatalog(file) {
    const src = fs.readFileSync(file, 'utf8');
    let i = 0;
    const out = {};
    function skip() {
        for (;;) {
            while (i < src.length && /\s/.test(src[i])) i++;
            if (src.startsWith('--', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
            return;
        }
    }
    function string() {
        const quote = src[i++];
        let s = '';
        while (src[i] !== quote) {
            if (src[i] === '\\') {
                const c = src[++i];
                s += c === 'n' ? '\n' : c === 't' ? '\t' : c;
                i++;
            } else {
                s += src[i++];
            }
        }
        i++;
        return s;
    }
    function table(prefix) {
        i++;                                             // {
        for (;;) {
            skip();
            if (src[i] === '}') { i++; return; }
            // a key: name = ..., or ["name"] = ... (a Lua keyword such as "and")
            const m = /^(?:([a-z0-9_]+)|\[\s*"([a-z0-9_]+)"\s*\])/.exec(src.slice(i));
            if (!m) throw new Error(`${file}: cannot read the catalog near: ${src.slice(i, i + 40)}`);
            const name = m[1] || m[2];
            i += m[0].length;
            skip();
            i++;                                         // =
            skip();
            const key = prefix ? prefix + '.' + name : name;
            if (src[i] === '{') table(key);
            else out[key] = string();
            skip();
            if (src[i] === ',') i++;
        }
    }
    skip();
    i += 'return'.length;
    skip();
    table('');
    return out;
}

const letters = (s) => (s.toLowerCase().match(/\p{L}+/gu) || []);
const conversions = /%(\d+\$)?[-+ #0']*(\*|\d+)?(\.(\*|\d+))?[hlLqjzt]*[diouxXeEfFgGaAcsp%]/g;

const english = readCatalog(path.join(path.dirname(langFile), 'en.lua'));
const other = readCatalog(langFile);
const same = new Set();
// The load's messages (prelude, lua_errors, dist, binding, calendar) quote
// the scenario language's code ("baseline", role, label) in every language:
// their words are not French words spelled as English ones.
const quoting = new Set(['prelude', 'lua_errors', 'dist', 'binding', 'calendar']);
for (const [k, w] of Object.entries(other)) {
    if (quoting.has(k.split('.')[0]) && !sections.includes(k.split('.')[0])) continue;
    for (const x of letters(w.replace(conversions, ' '))) same.add(x);
}
// French words spelled as English ones, which the pages use in sections of
// the French catalog a page's check may not list (or in words not yet in it)
if (path.basename(langFile) === 'fr.lua')
    for (const x of ['on', 'correction', 'holm', 'public', 'min', 'h', 'pt']) same.add(x);
// each language's name in its own words (the workshop's menu of languages)
for (const f of fs.readdirSync(path.dirname(langFile)).filter((f) => f.endsWith('.lua')))
    for (const x of letters(readCatalog(path.join(path.dirname(langFile), f)).language || '')) same.add(x);
const scenario = fs.readFileSync(scenarioFile, 'utf8');
for (const m of scenario.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g))
    for (const x of letters(m[1] !== undefined ? m[1] : m[2])) same.add(x);
const vocabulary = new Set();
for (const [key, w] of Object.entries(english))
    if (sections.includes(key.split('.')[0]))
        for (const x of letters(w.replace(conversions, ' '))) if (!same.has(x)) vocabulary.add(x);

const visibleText = (dom) => dom
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, e) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
            : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[e.toLowerCase()] || all)
    .replace(/\s+/g, ' ');
// names of files (the workshop's downloads: report.html, summary.csv) are the same in every language
const visible = visibleText(fs.readFileSync(domFile, 'utf8')).replace(/[\w-]+\.(html|csv)\b/g, '(file)');
if (englishPage)            // and every word the English page shows that is not the scenario's
    for (const x of letters(visibleText(fs.readFileSync(englishPage, 'utf8')).split('remous ' + version).join(' ')))
        if (!same.has(x)) vocabulary.add(x);

const seen = new Set();
const context = (at, len) => visible.slice(Math.max(0, at - 30), at + len + 30).trim();
for (const m of visible.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    if (vocabulary.has(w) && !seen.has(w)) {
        seen.add(w);
        console.log(`english: ${w} in «${context(m.index, m[0].length)}»`);
    }
}
const numbers = visible.split('remous ' + version).join('remous (version)');
for (const m of numbers.matchAll(/[0-9]\.[0-9]/g))
    console.log(`decimal point: «${numbers.slice(Math.max(0, m.index - 30), m.index + 33).trim()}»`);
