// Slow clients for the workshop test: COUNT connections to 127.0.0.1:PORT
// (from SOURCE, a loopback address, default 127.0.0.1), opened at once.
// MODE says what each sends: headers (the default: the start of a request,
// then one byte of a header every 300 ms, never ending its headers), body
// (whole headers announcing a body of 100000 bytes, then one byte of it
// every 300 ms) or silent (nothing). After SECONDS (at most 15) every
// connection still open is dropped and the counts are printed:
//   opened N          connections made
//   refused R         closed by the server within half a second (a limit)
//   closed K          closed by the server later
//   after A to B s    the first and last of those, from their connect
//   open S            still open at the end
//   answered X        connections that got any byte back
// Loopback only: nothing here reaches another machine.
'use strict';
const net = require('net');

const port = Number(process.argv[2]), count = Number(process.argv[3]);
const seconds = Math.min(Number(process.argv[4]) || 9, 15);
const source = process.argv[5] || '127.0.0.1', mode = process.argv[6] || 'headers';
const starts = {
    headers: `GET /?reps=2 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `,
    body: `GET /?reps=2 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 100000\r\n\r\n`,
    silent: '',
};
if (!port || !count || count > 500 || !/^127\./.test(source) || !(mode in starts)) {
    console.error('usage: node workshop_slow.js PORT COUNT [SECONDS] [127.x.y.z] [headers|body|silent]');
    process.exit(2);
}
const start = Date.now();
const conns = [];
for (let i = 0; i < count; i++) {
    const c = {opened: 0, ended: 0, answered: false};
    c.socket = net.connect({host: '127.0.0.1', port, localAddress: source});
    c.socket.on('connect', () => {
        c.opened = Date.now();
        if (mode !== 'silent') {
            c.socket.write(starts[mode]);
            c.timer = setInterval(() => c.socket.write('a'), 300);
        }
    });
    c.socket.on('data', () => { c.answered = true; });
    const end = () => {
        if (!c.ended)
            c.ended = Date.now();
        clearInterval(c.timer);
    };
    c.socket.on('end', end);
    c.socket.on('error', end);
    c.socket.on('close', end);
    conns.push(c);
}
setTimeout(() => {
    let refused = 0, closed = 0, open = 0, answered = 0, first = Infinity, last = 0;
    for (const c of conns) {
        answered += c.answered;
        if (!c.ended) {
            open++;
        } else if (!c.opened || c.ended - c.opened < 500) {
            refused++;
        } else {
            closed++;
            first = Math.min(first, c.ended - c.opened);
            last = Math.max(last, c.ended - c.opened);
        }
        clearInterval(c.timer);
        c.socket.destroy();
    }
    console.log(`opened ${conns.filter(c => c.opened).length}`);
    console.log(`refused ${refused}`);
    console.log(`closed ${closed}`);
    if (closed)
        console.log(`after ${(first / 1000).toFixed(1)} to ${(last / 1000).toFixed(1)} s`);
    console.log(`open ${open}`);
    console.log(`answered ${answered}`);
    console.log(`took ${((Date.now() - start) / 1000).toFixed(1)} s`);
}, seconds * 1000);
