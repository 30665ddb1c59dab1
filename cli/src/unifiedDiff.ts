/**
 * @file A unified diff (`--- a/… +++ b/… @@ … @@`) of two texts, as `git apply` and `patch -p1`
 * read it, for `--fix-dry-run`. Myers' line diff after trimming the common head and tail.
 */

const CONTEXT = 3;
/** Past this many changed lines the middle is shown as one replaced block: cheaper than the best diff. */
const MAX_EDIT_DISTANCE = 2000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** Empty when the texts are equal. Labels are file paths; `a/` and `b/` are prefixed as git does. */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const name = label.split('\\').join('/');
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const hunk of hunksOf(ops)) out.push(...hunk);
  return out.join('\n') + '\n';
}

/** Lines with their terminators, so a missing final newline is a difference like any other. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const same = (lines: readonly string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

/** Myers' O((N+M)·D) shortest edit script between two line lists. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is V as it was before step d: what the backtrack needs to retrace step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

/** Groups the changes with CONTEXT lines around them; changes closer than twice that share a hunk. */
function hunksOf(ops: readonly Op[]): string[][] {
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const hunks: string[][] = [];
  let i = 0;
  while (i < changed.length) {
    let last = changed[i]!;
    let j = i + 1;
    while (j < changed.length && changed[j]! - last <= 2 * CONTEXT + 1) last = changed[j++]!;
    hunks.push(renderHunk(ops, Math.max(0, changed[i]! - CONTEXT), Math.min(ops.length, last + CONTEXT + 1)));
    i = j;
  }
  return hunks;
}

function renderHunk(ops: readonly Op[], from: number, to: number): string[] {
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < from; i++) {
    if (ops[i]!.kind !== '+') oldLine++;
    if (ops[i]!.kind !== '-') newLine++;
  }
  const body: string[] = [];
  let oldCount = 0;
  let newCount = 0;
  for (let i = from; i < to; i++) {
    const op = ops[i]!;
    if (op.kind !== '+') oldCount++;
    if (op.kind !== '-') newCount++;
    body.push(op.kind + op.line.replace(/\n$/, ''));
    if (!op.line.endsWith('\n')) body.push('\\ No newline at end of file');
  }
  return [`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`, ...body];
}

/** `start,count` as diff writes it: 1-based, the count left out when 1, and the line before when empty. */
function range(linesBefore: number, count: number): string {
  if (count === 0) return `${linesBefore},0`;
  return count === 1 ? `${linesBefore + 1}` : `${linesBefore + 1},${count}`;
}
