/**
 * @file Minimal text edits on a document's source: set a value, insert keys, append to a list,
 * delete a key or an item. Computed on the text, never by re-serialising, so every byte the
 * fix does not need to touch (comments, quoting, indentation, flow style) stays as it was.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Segment } from '../model/parse';
import { MapView, SeqView, type Entry } from '../model/node';
import { formatBlockEntry, formatBlockItem, formatFlow, formatKey, formatScalar, type Plain, type Style } from './format';

/** Replace `[start, end)` with `text`. Offsets are relative to the segment until the engine places them in the file. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class YamlEditor {
  readonly edits: TextEdit[] = [];

  constructor(private readonly segment: Segment) {}

  private get text(): string {
    return this.segment.text;
  }

  replace(start: number, end: number, text: string): this {
    this.edits.push({ start, end, text });
    return this;
  }

  /** Sets `map[key] = value`: replaces an explicit value in place, or inserts the key (which also overrides a merged one). */
  set(map: MapView, key: string, value: Plain): this {
    if (isSet(map)) return this;
    const explicit = explicitPair(map, key);
    if (explicit?.value && isScalar(explicit.value) && (typeof value !== 'object' || value === null) && (explicit.value as Scalar).value !== null) {
      return this.replaceScalar(explicit.value as Scalar, value);
    }
    if (explicit) return this.replaceValue(map, explicit, value);
    return this.insert(map, key, value);
  }

  /** Sets several keys of one map: existing ones in place, new ones inserted together in the order given. */
  setMany(map: MapView, values: { readonly [key: string]: Plain }): this {
    const fresh: Array<[string, Plain]> = [];
    for (const [key, value] of Object.entries(values)) {
      if (explicitPair(map, key)) this.set(map, key, value);
      else fresh.push([key, value]);
    }
    return fresh.length ? this.insertEntries(map, fresh) : this;
  }

  /** Sets a value at a key path, creating the maps on the way that do not exist yet. */
  setPath(map: MapView, keys: readonly string[], value: Plain): this {
    let view = map;
    for (let i = 0; i < keys.length - 1; i++) {
      const child = view.map(keys[i]!);
      if (!child || !explicitPair(view, keys[i]!)) {
        // Build the rest of the path as one nested value under the first missing key.
        let nested: Plain = value;
        for (let j = keys.length - 1; j > i; j--) nested = { [keys[j]!]: nested };
        return this.set(view, keys[i]!, nested);
      }
      view = child;
    }
    return this.set(view, keys[keys.length - 1]!, value);
  }

  /** Appends an item to the list at `keys`, creating the list (and maps on the way) when missing. */
  appendToList(map: MapView, keys: readonly string[], item: Plain): this {
    const entry = map.path(keys);
    if (entry?.value && isSeq(entry.value)) return this.appendItem(new SeqView(map.doc, entry.value as YAMLSeq), item);
    return this.setPath(map, keys, [item]);
  }

  appendItem(seq: SeqView, item: Plain): this {
    const node = seq.node as YAMLSeq & Node;
    const items = node.items as Node[];
    // `!!omap`/`!!pairs` hold pairs, which have no range of their own: nothing safe to append to.
    if (items.some((item) => !item.range)) return this;
    const style = styleOf(node, this.segment);
    if (seq.flow) {
      const close = this.text.lastIndexOf(']', node.range![1]);
      if (items.length === 0) return this.replace(close, close, formatFlow(item, style));
      const last = items[items.length - 1]!;
      return this.replace(last.range![1], last.range![1], `, ${formatFlow(item, style)}`);
    }
    const dash = this.text.lastIndexOf('-', items[0]!.range![0]);
    const indent = ' '.repeat(this.column(dash));
    return this.insertLines(items[items.length - 1]!.range![1], formatBlockItem(item, indent, this.unit()));
  }

  /** Removes one list item; an emptied list becomes `[]`. */
  deleteItem(seq: SeqView, index: number): this {
    const node = seq.node as YAMLSeq & Node;
    const items = node.items as Node[];
    const target = items[index];
    if (!target?.range) return this;
    if (items.length === 1) {
      if (seq.flow) return this.replace(target.range[0], target.range[1], '');
      const key = this.text.lastIndexOf('-', target.range[0]);
      const before = this.text.lastIndexOf(':', key);
      return this.replace(before + 1, this.lineEndAfter(target.range[1]).contentEnd, ' []');
    }
    if (seq.flow) {
      if (index < items.length - 1) return this.replace(target.range[0], items[index + 1]!.range![0], '');
      const prevEnd = items[index - 1]!.range![1];
      return this.replace(prevEnd, target.range[1], '');
    }
    const dash = this.text.lastIndexOf('-', target.range[0]);
    return this.replace(this.lineStartOf(dash), this.lineEndAfter(target.range[1]).next, '');
  }

  /** Removes a key written in this map; a map left empty becomes `{}`. */
  delete(map: MapView, key: string): this {
    const pair = explicitPair(map, key);
    if (!pair) return this;
    const items = map.node.items as Array<Pair<Node, Node | null>>;
    const index = items.indexOf(pair);
    const start = (pair.key as Node).range![0];
    const end = pairEnd(pair, this.text);
    // The only key: a flow map keeps its braces, a block map is left as `{}`. A block value's range
    // runs through its last line break, which must stay, or the `{}` would run into the next line.
    if (items.length === 1) return map.flow ? this.replace(start, end, '') : this.replace(start, trimEnd(this.text, start, end), '{}');
    if (map.flow) {
      if (index < items.length - 1) return this.replace(start, (items[index + 1]!.key as Node).range![0], '');
      return this.replace(pairEnd(items[index - 1]!, this.text), end, '');
    }
    const lineStart = this.lineStartOf(start);
    if (this.text.slice(lineStart, start).trim() === '') return this.replace(lineStart, this.lineEndAfter(end).next, '');
    // First key of a list item (`- key: v`): pull the next key up behind the dash.
    return this.replace(start, (items[index + 1]!.key as Node).range![0], '');
  }

  /**
   * Appends whole documents after this one; call it on a file's last segment. `text` is YAML
   * written with two-space steps and indented sequences; it is re-indented to this document's
   * step and sequence style, and joined with `---` (unless the file already ends with one).
   * Not for JSON, which holds a single document.
   */
  appendDocument(text: string): this {
    const newline = this.text.includes('\r\n') ? '\r\n' : '\n';
    const body = reindent(text.replace(/\n+$/, ''), this.unit().length, indentlessSequences(this.text)).split('\n').join(newline) + newline;
    const end = this.text.length;
    const open = end > 0 && this.text[end - 1] !== '\n' ? newline : '';
    // A trailing `---` with nothing after it already starts the new document.
    const contents = this.segment.doc?.contents as Node | null | undefined;
    const empty = !contents || (isScalar(contents) && (contents as Scalar).value === null);
    const separator = (empty && this.text.trimStart().startsWith('---')) || end === 0 ? '' : `---${newline}`;
    return this.replace(end, end, open + separator + body);
  }

  private replaceScalar(node: Scalar, value: string | number | boolean | null): this {
    const quote = node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : undefined;
    const text = typeof value === 'string' ? formatScalar(value, 'block', quote) : formatScalar(value, 'block');
    // A value glued to its colon keeps the space a colon needs: in `key:\rvalue` yaml reads the lone CR
    // as the separator and as part of the value, and `key:false` would be one plain scalar.
    const glued = this.text[node.range![0] - 1] === ':';
    return this.replaceValueText(node.range![0], valueEnd(node, this.text), glued ? ` ${text}` : text);
  }

  /**
   * Replaces a value's text, with a space after the new text when a comment follows at once: yaml
   * reads a lone CR as part of the value before it and as the comment's separator, so
   * `key: old<CR>#note` would become `key: new#note`, one plain scalar.
   */
  private replaceValueText(start: number, end: number, text: string): this {
    return this.replace(start, end, this.text[end] === '#' && !/\s$/.test(text) ? `${text} ` : text);
  }

  /** Replaces a value that is null, a collection or an alias. */
  private replaceValue(map: MapView, pair: Pair<Node, Node | null>, value: Plain): this {
    const keyNode = pair.key as Node;
    const old = pair.value as Node | null;
    const style = styleOf(map.node, this.segment);
    // A key may have no colon at all (`{labels}` in a flow map, `? labels`): then the edit writes one.
    const colon = colonAfter(this.text, keyNode.range![1]);
    const after = colon >= 0 ? colon + 1 : keyNode.range![1];
    const prefix = colon >= 0 ? '' : ':';
    const end = old?.range && old.range[0] >= after ? valueEnd(old, this.text) : after;
    if (colon < 0 && !map.flow) {
      // `? key` with no value: the value goes on its own line, `: value` under the `?`.
      const question = this.text.lastIndexOf('?', keyNode.range![0]);
      return this.replaceValueText(after, end, `\n${' '.repeat(this.column(question >= 0 ? question : keyNode.range![0]))}: ${formatFlowOrScalar(value)}`);
    }
    if (map.flow || typeof value !== 'object' || value === null || (Array.isArray(value) && value.length === 0) || (!Array.isArray(value) && Object.keys(value).length === 0)) {
      return this.replaceValueText(after, end, `${prefix} ${map.flow ? formatFlow(value, style) : formatFlowOrScalar(value)}`);
    }
    const indent = ' '.repeat(this.column(keyNode.range![0]));
    const lines = formatBlockEntry('x', value, indent, this.unit()).slice(1);
    return this.replaceValueText(after, end, `${prefix}\n${lines.join('\n')}`);
  }

  private insert(map: MapView, key: string, value: Plain): this {
    return this.insertEntries(map, [[key, value]]);
  }

  /** Inserts new keys after the map's last entry, all in one edit so they keep their order. */
  private insertEntries(map: MapView, entries: ReadonlyArray<readonly [string, Plain]>): this {
    if (isSet(map)) return this;
    const node = map.node as YAMLMap & Node;
    const items = node.items as Array<Pair<Node, Node | null>>;
    const style = styleOf(node, this.segment);
    if (map.flow) {
      const text = entries.map(([key, value]) => `${formatKey(key, style)}: ${formatFlow(value, style)}`);
      if (items.length === 0) {
        const open = this.text.indexOf('{', node.range![0]);
        return this.replace(open + 1, open + 1, text.join(', '));
      }
      const last = items[items.length - 1]!;
      const lastKey = last.key as Node;
      const open = node.range![0];
      const multiline = this.text.slice(open, lastKey.range![0]).includes('\n');
      const separator = multiline ? `,\n${' '.repeat(this.column(lastKey.range![0]))}` : ', ';
      return this.replace(pairEnd(last, this.text), pairEnd(last, this.text), text.map((t) => `${separator}${t}`).join(''));
    }
    // The map's own start, not its first key's: `? [complex, key]` starts two columns left of its key,
    // and `!tag key:` or `&anchor key:` at the tag or anchor.
    const indent = ' '.repeat(this.column(this.withProperties((node.range ?? (items[0]!.key as Node).range)![0])));
    // After the last pair, and past any lines below it indented deeper than the map: they continue
    // what is above (yaml even leaves some in no node, e.g. after a multi-line `? key` and a comment).
    const lastEnd = pairEnd(items[items.length - 1]!, this.text);
    const next = this.lineEndAfter(lastEnd).next;
    const past = this.pastDeeperLines(next, indent.length);
    return this.insertLines(past > next ? past : lastEnd, entries.flatMap(([key, value]) => formatBlockEntry(key, value, indent, this.unit())));
  }

  /** From a line start: the start of the line after the last of the following lines indented deeper than `column` (blank and comment lines aside). */
  private pastDeeperLines(offset: number, column: number): number {
    const text = this.text;
    let at = offset;
    for (let pos = offset; pos < text.length; ) {
      const newline = text.indexOf('\n', pos);
      const end = newline === -1 ? text.length : newline + 1;
      const line = text.slice(pos, end);
      const content = line.replace(/^[ \t]+/, '');
      if (content.trim() !== '' && !content.startsWith('#')) {
        if (line.length - line.replace(/^ +/, '').length <= column) break;
        at = end;
      }
      pos = end;
    }
    return at;
  }

  /** Inserts whole lines after the line on which `offset` ends a value. */
  private insertLines(offset: number, lines: string[]): this {
    const body = lines.join('\n');
    if (offset > 0 && this.text[offset - 1] === '\n') return this.replace(offset, offset, `${body}\n`);
    const { contentEnd } = this.lineEndAfter(offset);
    return this.replace(contentEnd, contentEnd, `\n${body}`);
  }

  /** Where the node starting at `offset` starts with the tags and anchors written before it on its line. */
  private withProperties(offset: number): number {
    const before = this.text.slice(this.lineStartOf(offset), offset);
    const properties = /(?:^|[ \t])((?:[!&][^ \t]*[ \t]+)+)$/.exec(before);
    return properties ? offset - properties[1]!.length : offset;
  }

  private column(offset: number): number {
    return this.segment.lines.columnOf(offset);
  }

  private lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The end of the line holding `offset` (before a `\r\n` or `\n`) and the start of the next line. */
  private lineEndAfter(offset: number): { contentEnd: number; next: number } {
    if (offset > 0 && this.text[offset - 1] === '\n') return { contentEnd: offset - 1, next: offset };
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return { contentEnd: this.text.length, next: this.text.length };
    return { contentEnd: this.text[newline - 1] === '\r' ? newline - 1 : newline, next: newline + 1 };
  }

  /** The document's indentation step, read from its first nested block map; 2 when there is none. */
  private unit(): string {
    const contents = this.segment.doc?.contents as Node | null | undefined;
    const found = contents && isMap(contents) ? findStep(contents as YAMLMap, this.segment, 0) : undefined;
    return ' '.repeat(found && found > 0 && found <= 8 ? found : 2);
  }
}

function findStep(map: YAMLMap, segment: Segment, depth: number): number | undefined {
  if (depth > 6 || map.flow) return undefined;
  for (const pair of map.items as Array<Pair<Node, Node | null>>) {
    const child = pair.value;
    if (child && isMap(child) && !(child as YAMLMap).flow && (child as YAMLMap).items.length > 0) {
      const childKey = ((child as YAMLMap).items[0] as Pair<Node>).key;
      if (childKey?.range && pair.key?.range) return segment.lines.columnOf(childKey.range[0]) - segment.lines.columnOf(pair.key.range[0]);
    }
  }
  return undefined;
}

/** A `!!set` holds keys without values: no key: value edit keeps it valid, so it gets none (and its finding no fix). */
function isSet(map: MapView): boolean {
  return map.node.tag === 'tag:yaml.org,2002:set';
}

/** The offset of the `:` that ends a key at `from` (past spaces, line breaks and comments), or -1 when the key has none. */
function colonAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c !== '#') return c === ':' ? i : -1;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) return -1;
    i = lineEnd;
  }
  return -1;
}

/** The pair for `key` written directly in this map (not merged in). */
function explicitPair(map: MapView, key: string): Pair<Node, Node | null> | undefined {
  const entry: Entry | undefined = map.get(key);
  return entry && entry.owner === map.node && !entry.mergedVia ? (entry.pair as Pair<Node, Node | null>) : undefined;
}

function pairEnd(pair: Pair<Node, Node | null>, text: string): number {
  const value = pair.value;
  if (value?.range && value.range[1] > value.range[0]) return (isMap(value) || isSeq(value)) && !(value as YAMLMap | YAMLSeq).flow ? contentEnd(text, value.range[0], value.range[1]) : value.range[1];
  // `key:` with no value: the empty value sits right after the colon. A pair with no value at all
  // (`{a, b}` in a flow map, `? key` with no `:`) ends with its key.
  const keyEnd = (pair.key as Node).range![1];
  return value ? Math.max(value.range?.[1] ?? 0, keyEnd + 1) : keyEnd;
}

/** `end` moved back over the whitespace and line breaks before it, but not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Where a block collection's content ends. Its range runs over the comment lines after it (and the
 * next key's indentation) when its last entry has an empty value: stop after its last content line.
 */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    const newline = text.lastIndexOf('\n', e - 2);
    if (newline < start) return e;
    if (!/^[ \t]*(?:#[^\n]*)?\r?\n?$/.test(text.slice(newline + 1, e))) return e;
    e = newline + 1;
  }
}

/**
 * Where a value's own text ends, for replacing it. A block scalar (`|`, `>`) or block collection owns
 * the line break (and blank lines) after its last line: they stay, or the next key would join the
 * replacement's line.
 */
function valueEnd(node: Node, text: string): number {
  const [start, end] = node.range!;
  const block = isScalar(node) ? node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' : (isMap(node) || isSeq(node)) && !(node as YAMLMap | YAMLSeq).flow;
  if (!block) return end;
  // A block collection's range also runs over comment lines after it.
  return trimEnd(text, start, isScalar(node) ? end : contentEnd(text, start, end));
}

/** JSON documents stay JSON: quoted keys and values. */
function styleOf(node: YAMLMap | YAMLSeq, segment: Segment): Style {
  if (!node.flow) return 'block';
  if (/^(?:\s|#[^\n]*\n|---[^\n]*\n)*[{[]/.test(segment.text)) return 'json';
  const first = node.items[0] as Pair<Scalar> | Scalar | undefined;
  const probe = first && 'key' in first ? first.key : first;
  return probe && isScalar(probe) && (probe as Scalar).type === 'QUOTE_DOUBLE' ? 'json' : 'flow';
}

function formatFlowOrScalar(value: Plain): string {
  return typeof value === 'object' && value !== null ? formatFlow(value, 'flow') : formatScalar(value, 'block');
}

/** Whether the document writes block sequences at their parent key's column (`containers:` then `- name:`), as kubectl does. */
function indentlessSequences(text: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
  return m !== null && m[1]!.length === m[2]!.length;
}

/** Re-indents well-formed two-space YAML to `unit` spaces per level, keeping each `- ` item's content aligned after its dash. */
function reindent(text: string, unit: number, indentless: boolean): string {
  const stack: Array<{ from: number; to: number }> = [];
  return text
    .split('\n')
    .map((line) => {
      const content = line.trimStart();
      if (!content) return '';
      const from = line.length - content.length;
      while (stack.length && stack[stack.length - 1]!.from > from) stack.pop();
      const top = stack[stack.length - 1];
      const item = content.startsWith('- ');
      let to: number;
      if (top?.from === from) to = top.to;
      else {
        to = top ? top.to + (item && indentless ? 0 : unit) : 0;
        stack.push({ from, to });
      }
      // The item's own content (`- key: v`): its sibling keys on the next lines line up with it.
      if (item) stack.push({ from: from + 2, to: to + 2 });
      return ' '.repeat(to) + content;
    })
    .join('\n');
}
