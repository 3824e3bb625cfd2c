import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const p = JSON.parse(readFileSync(dir + '/' + readdirSync(dir)[0], 'utf8'));
const self = new Map(); p.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const incl = (n) => (self.get(n.id) ?? 0) + (n.children ?? []).reduce((a, c) => a + incl(byId.get(c)), 0);
let busy = 0; for (const n of p.nodes) if (!['(idle)', '(program)'].includes(n.callFrame.functionName)) busy += self.get(n.id) ?? 0;
const agg = new Map();
for (const n of p.nodes) { const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-2).join('/'); if (process.argv.slice(3).some(f => k.startsWith(f + ' '))) agg.set(k, (agg.get(k) ?? 0) + incl(n)); }
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1])) console.log((100 * v / busy).toFixed(1) + ' %', k);
