/**
 * @file Warms the engine up while the server is idle after start. V8 runs new code in its
 * interpreter and optimises it only once it is hot: without this, the first few dozen keystrokes a
 * user types each cost several times what later ones do. This types into an embedded manifest the
 * way an editor would (lint through a cache, the server's workspace step, conversion to diagnostics) in
 * slices of a few milliseconds, so a real request never waits for more than one slice.
 */
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { LintCache, lintText } from '../../shared/src/engine/lint';
import { WorkspaceIndex } from '../../shared/src/workspace/index';
import { mergeWorkspaceFindings, openFileWorkspaceFindings, type OpenFileMemory } from '../../shared/src/workspace/lint';
import { toDiagnostic } from './convert';

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
const URI = 'kubeguard-warm-up:///sample.yaml';

/** How long the warm-up steps aside when real work is waiting. */
const YIELD_MS = 10;

/**
 * Starts the warm-up; it ends by itself after KEYSTROKES edits, or at the first error.
 * Warming up must never delay the first diagnostics of the file that started the server: the first
 * slice runs once `started` resolves (the caller's first lint is done, or nothing came to lint), and
 * every slice steps aside while `busy()` says real work is waiting. Slices taken while a big didOpen
 * is still arriving would each hold up one chunk of it.
 */
export function warmUp(onError: (error: unknown) => void, started: Promise<void>, busy: () => boolean): void {
  const cache = new LintCache({ editInPlaceFrom: 0 });
  const index = new WorkspaceIndex();
  const at = SAMPLE.indexOf(':1.0') + 4;
  let typed = '';
  const memory: OpenFileMemory = {};
  let keystroke = 0;
  const step = () => {
    // Typing and deleting again keeps the sample small whatever the count.
    typed = keystroke % 20 < 10 ? `${typed}${keystroke % 10}` : typed.slice(1);
    const text = SAMPLE.slice(0, at) + typed + SAMPLE.slice(at);
    const own = lintText(text, { settings: DEFAULT_SETTINGS, cache, fileName: '/sample.yaml', namespaces: index.namespaces() });
    const workspace = openFileWorkspaceFindings(index, URI, own, DEFAULT_SETTINGS, memory, true, () => undefined)!;
    const merged = mergeWorkspaceFindings(own, workspace);
    JSON.stringify(merged.findings.map((f) => toDiagnostic(f, merged.lines)));
    keystroke++;
  };
  const slice = () => {
    if (busy()) {
      setTimeout(slice, YIELD_MS);
      return;
    }
    try {
      const until = performance.now() + SLICE_MS;
      while (keystroke < KEYSTROKES && performance.now() < until) step();
    } catch (error) {
      onError(error);
      return;
    }
    if (keystroke < KEYSTROKES) setImmediate(slice);
  };
  void started.then(() => setImmediate(slice));
}
