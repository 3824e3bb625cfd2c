import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, our source, Node's internals, or V8 itself. */
function area(url: string): string {
  if (!url) return '(native/V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const src = /\/(src|bench)\/(.+)$/.exec(url);
  return src ? `${src[1]}/${src[2]!.split('/')[0]}` : path.basename(url);
}

/** Seconds before the end of the profile: only samples between `from` and `to` are counted. */
export interface Window {
  fromEndSeconds: number;
  toEndSeconds: number;
}

/** Self time per function and per code area of a .cpuprofile, largest first, as text. */
export function summarise(file: string, top = 25, window?: Window): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // Start-up (module loading) and fixtures would otherwise blur the picture of the load phase.
  const from = window ? profile.endTime - window.fromEndSeconds * 1e6 : -Infinity;
  const to = window ? profile.endTime - window.toEndSeconds * 1e6 : Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += us;
    const where = url ? `${area(url)}:${path.basename(url)}:${lineNumber + 1}` : area(url);
    const key = `${(functionName || '(anonymous)').slice(0, 80)} ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const a = functionName === '(garbage collector)' ? '(gc)' : area(url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const fmt = (entries: Map<string, number>, n: number) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
      );
  return [
    `${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (idle and (program) excluded below)`,
    '',
    'Self time by area:',
    ...fmt(areas, 15),
    '',
    `Top ${top} functions by self time:`,
    ...fmt(functions, top),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // tsx bench/profile-summary.ts FILE [FROM_END_SECONDS TO_END_SECONDS]
  const [file, from, to] = process.argv.slice(2);
  const window =
    from && to ? { fromEndSeconds: Number(from), toEndSeconds: Number(to) } : undefined;
  console.log(summarise(file!, 40, window));
}
