/**
 * @file Warms the engine up while the server is idle after start. V8 runs new code in its interpreter
 * and optimises it once it is hot, for the object shapes it has seen; optimised code that then meets
 * other shapes is thrown away and compiled again. Without a warm-up, the first few dozen keystrokes a
 * user types each cost several times what later ones do, most of it V8 compiling on its helper threads.
 *
 * So the server rehearses typing on a copy of the user's own file (the documents around its middle,
 * up to REHEARSAL_CHARS), with the user's settings, through the functions a keystroke runs: the text
 * sync (of a change parsed from JSON, as a didChange brings it), the lint (documents.ts lintOpenText)
 * under the workspace's Namespaces, the workspace step (on an index of its own), the pull's report
 * (diagnostics.ts pullReport, "unchanged" included) and its encoding. Before that, the open documents
 * find their line offsets, which the first edit of each would otherwise pay for.
 * An embedded manifest stands in when no document was linted or none has room to type. The work runs in
 * slices of a few milliseconds and steps aside whenever a lint is waiting.
 */
import type { DidChangeTextDocumentParams, ResponseMessage } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/src/engine/config';
import { LintCache } from '../../shared/src/engine/lint';
import { textOf, type SourceText } from '../../shared/src/model/sourceText';
import { WorkspaceIndex } from '../../shared/src/workspace/index';
import type { NamespaceIndex } from '../../shared/src/workspace/namespaces';
import { mergeWorkspaceFindings, openFileWorkspaceFindings, type OpenFileMemory } from '../../shared/src/workspace/lint';
import { pullReport, type HeldReport } from './diagnostics';
import { lintOpenText, type LintState } from './documents';
import { encodeFrame } from './encoder';
import { SyncedDocument } from './syncedDocument';

const SAMPLE = `apiVersion: v1
kind: Namespace
metadata:
  name: warm-up
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: warm-up
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: registry.example.com/web:1.0 # the warm-up types here
          securityContext:
            privileged: true
            capabilities:
              add: ["NET_ADMIN"]
          env:
            - name: PASSWORD
              value: hunter2
        - name: sidecar
          image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: warm-up
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: everything
  namespace: warm-up
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`;

const KEYSTROKES = 300;
const SLICE_MS = 4;
/** The rehearsal text's size: a few milliseconds to lint cold, yet documents of the user's own kinds and shapes. */
const REHEARSAL_CHARS = 24_000;
/** Places to type at, spread over the rehearsal text; each gets KEYS_PER_PLACE keystrokes. */
const PLACES = 30;
const KEYS_PER_PLACE = 10;

/** How long after the first lint the warm-up starts: time for its report to be written. */
const START_AFTER_MS = 50;

/** How long the warm-up steps aside when real work is waiting. */
const YIELD_MS = 10;

/** What to rehearse on: a text, where to type in it, and the settings and URI to lint it with. */
export interface Rehearsal {
  readonly text: string;
  readonly places: readonly number[];
  readonly settings: Settings;
  readonly uri: string;
}

/** What the warm-up needs from the server. */
export interface WarmUpHooks {
  onError(error: unknown): void;
  /** Resolves when the first lint is done, or nothing came to lint. */
  started: Promise<void>;
  /** Whether real work is waiting. */
  busy(): boolean;
  /** Readies the open documents for their first edit. */
  prepare(): void;
  /** The newest lint of an open document: what to rehearse on. */
  newest(): LintState | undefined;
  /** The workspace's Namespaces. */
  namespaces(): NamespaceIndex;
}

/**
 * Starts the warm-up; it ends by itself after KEYSTROKES edits, or at the first error.
 * Warming up must never delay the first diagnostics of the file that started the server: the first
 * slice runs once `started` resolves (the caller's first lint is done, or nothing came to lint), and
 * every slice steps aside while `busy()` says real work is waiting. Slices taken while a big didOpen
 * is still arriving would each hold up one chunk of it.
 */
export function warmUp({ onError, started, busy, prepare, newest, namespaces }: WarmUpHooks): void {
  let keystroke = 0;
  let typist: (() => void) | undefined;
  const slice = () => {
    if (busy()) {
      setTimeout(slice, YIELD_MS);
      return;
    }
    try {
      if (!typist) {
        prepare();
        typist = rehearse(chooseRehearsal(newest()), namespaces);
      }
      const until = performance.now() + SLICE_MS;
      while (keystroke < KEYSTROKES && performance.now() < until) {
        typist();
        keystroke++;
      }
    } catch (error) {
      onError(error);
      return;
    }
    if (keystroke < KEYSTROKES) setImmediate(slice);
  };
  // The first slice lints the rehearsal text cold (a few ms per KB): not before the first report is out.
  void started.then(() => setTimeout(slice, START_AFTER_MS));
}

/** A typist for the rehearsal: each call types (or deletes) one character and handles it as the server handles a change. */
function rehearse({ text, places, settings, uri }: Rehearsal, namespaces: () => NamespaceIndex): () => void {
  let document = SyncedDocument.create(uri, 'yaml', 0, text);
  const cache = new LintCache();
  const index = new WorkspaceIndex();
  const memory: OpenFileMemory = {};
  let held: HeldReport | undefined;
  let keystroke = 0;
  return () => {
    // At each place: type KEYS_PER_PLACE / 2 characters after a value, then delete them again. Every
    // fourth place types a comment (" #a…"), which changes the document's structure: a re-parse.
    const place = Math.floor(keystroke / KEYS_PER_PLACE) % places.length;
    const at = places[place]!;
    const step = keystroke % KEYS_PER_PLACE;
    const typing = KEYS_PER_PLACE / 2;
    const typed = place % 4 === 3 ? ' #abcdefgh' : 'abcdefghij';
    const offset = step < typing ? at + step : at + KEYS_PER_PLACE - step - 1;
    const range = { start: document.positionAt(offset), end: document.positionAt(step < typing ? offset : offset + 1) };
    const change = { range, rangeLength: step < typing ? 0 : 1, text: step < typing ? typed[step]! : '' };
    // The change as a client's didChange brings it, parsed from JSON: objects of the shapes V8 meets when typing.
    const params = JSON.parse(JSON.stringify({ textDocument: { uri, version: document.version + 1 }, contentChanges: [change] })) as DidChangeTextDocumentParams;
    document = SyncedDocument.update(document, params.contentChanges, params.textDocument.version);
    keystroke++;

    // The workspace's Namespaces (only read), so Pod Security runs under the policies it will meet.
    const own = lintOpenText(document.source, settings, cache, uri, namespaces(), true);
    const workspace = openFileWorkspaceFindings(index, uri, own, settings, memory, true, () => undefined);
    const result = workspace ? mergeWorkspaceFindings(own, workspace) : own;
    const state: LintState = { uri, version: document.version, settings, result, positions: result.lines, resultId: String(document.version) };
    // Pulled as a client pulls: naming the last full report, so an edit that changes nothing is "unchanged".
    const { report, full } = pullReport(state, held);
    if (full) held = full;
    const response: ResponseMessage = { jsonrpc: '2.0', id: 0, result: report };
    encodeFrame(response);
  };
}

/** What to rehearse on: the documents around the middle of the newest linted file, or the embedded sample. Exported for tests. */
export function chooseRehearsal(state: LintState | undefined): Rehearsal {
  const fallback = { text: SAMPLE, places: [SAMPLE.indexOf(':1.0') + 4], settings: DEFAULT_SETTINGS, uri: 'file:///kubeguard-warm-up/sample.yaml' };
  if (!state) return fallback;
  const text = windowOf(state.result.source, (state.result.documents ?? []).map((d) => d.base));
  const places = text === undefined ? [] : placesIn(text);
  return text !== undefined && places.length > 0 ? { text, places, settings: state.settings, uri: `${state.uri}.kubeguard-warm-up` } : fallback;
}

/** Whole documents (starting at `bases`) around the middle of `text`, at most REHEARSAL_CHARS long. */
function windowOf(text: SourceText, bases: readonly number[]): string | undefined {
  if (text.length <= REHEARSAL_CHARS) return textOf(text);
  const ends = bases.map((_, i) => bases[i + 1] ?? text.length);
  const fits = bases.map((_, i) => i).filter((i) => ends[i]! - bases[i]! <= REHEARSAL_CHARS);
  if (fits.length === 0) return undefined;
  const distance = (i: number) => Math.abs((bases[i]! + ends[i]!) / 2 - text.length / 2);
  let first = fits.reduce((best, i) => (distance(i) < distance(best) ? i : best));
  let last = first;
  // Add a neighbour at a time, after and before in turn, while the window still fits.
  for (let grew = true, after = true; grew; after = !after) {
    grew = false;
    for (const side of after ? [true, false] : [false, true]) {
      if (side && last + 1 < bases.length && ends[last + 1]! - bases[first]! <= REHEARSAL_CHARS) last++;
      else if (!side && first > 0 && ends[last]! - bases[first - 1]! <= REHEARSAL_CHARS) first--;
      else continue;
      grew = true;
      break;
    }
  }
  return text.slice(bases[first], ends[last]);
}

/** Ends of plain `key: value` lines (before a CR of CRLF), PLACES of them spread over the text. */
function placesIn(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:- )?[\w.\/-]+:[ \t]+[A-Za-z0-9][\w.\/:@-]*(?=\r?$)/gm)) ends.push(match.index! + match[0].length);
  if (ends.length <= PLACES) return ends;
  return Array.from({ length: PLACES }, (_, i) => ends[Math.floor((i * ends.length) / PLACES)]!);
}
