// Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function, heaviest first.
//   node bench/cpuprofile-summary.mjs <file.cpuprofile> [top=25] [filter-regex]
import { readFileSync } from 'node:fs';

// --after-idle MS: count only samples after the first stretch of at least MS of idle samples (e.g. the
// bench's 500 ms pause after didOpen), so a profile of a whole session shows the keystrokes alone.
const args = process.argv.slice(2);
const afterIdleAt = args.indexOf('--after-idle');
const afterIdle = afterIdleAt >= 0 ? Number(args.splice(afterIdleAt, 2)[1]) : 0;
const [file, topArg, filter] = args;
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map();
const deltas = profile.timeDeltas;
let first = 0;
if (afterIdle > 0) {
  const isIdle = (id) => byId.get(id)?.callFrame.functionName === '(idle)';
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    idleUs = isIdle(profile.samples[i]) ? idleUs + (deltas[i + 1] ?? 0) : 0;
    if (idleUs >= afterIdle * 1000) {
      first = i;
      break;
    }
  }
}
for (let i = first; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (deltas[i + 1] ?? 0));
const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  total += us;
  self.set(key(node), (self.get(key(node)) ?? 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
const re = filter ? new RegExp(filter) : undefined;
const show = (title, map) => {
  console.log(`\n${title} (total sampled ${(total / 1000).toFixed(0)} ms)`);
  [...map].filter(([k]) => !re || re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, us]) => console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`));
};
show('self', self);
show('inclusive', inclusive);
