import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]; const fn = process.argv[3];
const p = JSON.parse(readFileSync(dir + '/' + readdirSync(dir)[0], 'utf8'));
const byId = new Map(p.nodes.map(n => [n.id, n])); const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n);
const dt = new Map(); const times = p.timeDeltas; p.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (times[i] ?? 0)));
const agg = new Map();
for (const n of p.nodes) if (n.callFrame.functionName === fn) { let q = parent.get(n.id); const chain = []; for (let k = 0; k < 3 && q; k++) { chain.push(q.callFrame.functionName + ':' + q.callFrame.url.split('/').slice(-2).join('/') + ':' + q.callFrame.lineNumber); q = parent.get(q.id); } const key = chain.join(' <- '); agg.set(key, (agg.get(key) ?? 0) + (dt.get(n.id) ?? 0)); }
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((v / 1000).toFixed(0), 'ms', k);
