// The workshop page in a real browser, driven through the DevTools protocol
// over a pipe (Debian's chromium and nodejs; nothing from npm): open the
// page, press the right arrow on the booksellers slider (2 -> 3), wait for
// the new page, and check its digest and charts are those of the report
// `remous compare --set booksellers=3` wrote for the same replications.
//
// With SCENARIO, it then renames the booksellers' label in the file and
// waits for the open page to reload itself and show the new label.
//
// usage: node workshop_browser.js PAGE_URL EXPECTED_REPORT_FILE PROFILE_DIR [SCENARIO]
// Prints one line per failed check and "N passed, N failed" last.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const [pageUrl, expectedFile, profile, scenario] = process.argv.slice(2);
const chromium = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toBrowser = chromium.stdio[3], fromBrowser = chromium.stdio[4];

let nextId = 1, pending = new Map(), input = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
    input = Buffer.concat([input, chunk]);
    let end;
    while ((end = input.indexOf(0)) >= 0) {          // messages end with a NUL byte
        const msg = JSON.parse(input.subarray(0, end).toString());
        input = input.subarray(end + 1);
        const p = pending.get(msg.id);
        if (p) {
            pending.delete(msg.id);
            msg.error ? p.reject(new Error(JSON.stringify(msg.error))) : p.resolve(msg.result);
        }
    }
});
function send(method, params = {}, sessionId) {
    const id = nextId++;
    toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

let passed = 0, failed = 0;
const check = (cond, what) => (cond ? passed++ : (failed++, console.log(`FAIL: ${what}`)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function open(url) {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const page = {
        eval: async (expr) => (await send('Runtime.evaluate',
            { expression: expr, returnByValue: true, awaitPromise: true }, sessionId)).result.value,
        key: (type, key, code) => send('Input.dispatchKeyEvent',
            { type, key, code, windowsVirtualKeyCode: 39 }, sessionId),
        waitFor: async (expr) => {
            for (let i = 0; i < 300; i++) {                // 30 s at most
                try { if (await page.eval(expr)) return true; } catch (e) { /* navigating */ }
                await sleep(100);
            }
            return false;
        },
    };
    await send('Page.navigate', { url }, sessionId);
    await page.waitFor(`document.readyState === 'complete' && location.href !== 'about:blank'`);
    return page;
}

// What the comparison shows: the digest's lines and the charts' drawings.
const shown = `JSON.stringify({
    digest: [...document.querySelectorAll('ul.digest li')].map((li) => li.textContent),
    charts: [...document.querySelectorAll('svg')].map((s) => s.outerHTML),
})`;

(async () => {
    const page = await open(pageUrl);
    const before = JSON.parse(await page.eval(shown));
    check(before.digest.length > 0, 'the page shows a digest');
    check(await page.eval(`document.querySelector('input[name="p.booksellers"]').value === '2'`),
          'the booksellers slider starts at the scenario value, 2');
    // a person moving the slider one notch with the keyboard
    await page.eval(`document.querySelector('input[name="p.booksellers"]').focus()`);
    await page.key('keyDown', 'ArrowRight', 'ArrowRight');
    await page.key('keyUp', 'ArrowRight', 'ArrowRight');
    const moved = await page.waitFor(`location.search.includes('p.booksellers=3') && document.readyState === 'complete'
                                      && document.querySelector('ul.digest') !== null`);
    check(moved, 'moving the slider loads the page for booksellers=3');
    const after = JSON.parse(await page.eval(shown));
    check(await page.eval(`document.querySelector('input[name="p.booksellers"]').value === '3'`),
          'the slider stays at 3 on the new page');
    check(JSON.stringify(after.digest) !== JSON.stringify(before.digest), 'the digest changed');
    check(JSON.stringify(after.charts) !== JSON.stringify(before.charts), 'the charts changed');

    const report = await open(`file://${expectedFile}`);
    const expected = JSON.parse(await report.eval(shown));
    check(expected.digest.length > 0, 'the reference report has a digest');
    check(JSON.stringify(after.digest) === JSON.stringify(expected.digest),
          'the digest is the one of remous compare --set booksellers=3');
    check(after.charts.length === expected.charts.length && after.charts.length > 0,
          `as many charts as the report (${after.charts.length} vs ${expected.charts.length})`);
    check(JSON.stringify(after.charts) === JSON.stringify(expected.charts),
          'the charts are those of remous compare --set booksellers=3');
    // the link to this situation keeps the parameters
    check(await page.eval(`[...document.querySelectorAll('a')].some((a) => a.href.includes('p.booksellers=3'))`),
          'the page links to this situation');
    if (scenario) {                                  // the facilitator edits the file
        const text = fs.readFileSync(scenario, 'utf8');
        fs.writeFileSync(scenario, text.replace('label = "Booksellers"', 'label = "Booksellers on duty"'));
        check(await page.waitFor(`document.body.innerText.includes('Booksellers on duty')`),
              'the open page reloads itself with the edited scenario');
        check(await page.eval(`document.querySelector('input[name="p.booksellers"]').value === '3'`),
              'the reloaded page keeps the situation (booksellers=3)');
    }
})().catch((e) => { failed++; console.log(`FAIL: ${e.message}`); }).finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    chromium.kill();
    process.exit(failed ? 1 : 0);
});
