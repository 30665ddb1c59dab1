/** @file Small manifest builders for the workspace rule tables: each returns the text of one document. */

/** A Deployment; `labels` is the pod template's label map in flow style. */
export function deployment(name: string, options: { namespace?: string; labels?: string; extraSpec?: string[]; containers?: string } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:',
    '  template:',
    '    metadata:',
    `      labels: {${options.labels ?? `app: ${name}`}}`,
    '    spec:',
    ...(options.extraSpec ?? []).map((line) => `      ${line}`),
    `      containers: ${options.containers ?? '[{name: app, image: nginx}]'}`,
    '',
  ].join('\n');
}

/** A NetworkPolicy; `spec` lines are written at two spaces below `spec:`. */
export function networkPolicy(name: string, namespace: string | undefined, spec: string[]): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    ...spec.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

export function namespace(name: string, labels?: string): string {
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labels ? [`  labels: {${labels}}`] : []), ''].join('\n');
}

/** Any namespaced object with just a name, e.g. a ServiceAccount or a Role. */
export function named(apiVersion: string, kind: string, name: string, namespace?: string): string {
  return [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), ''].join('\n');
}

export function join(...documents: string[]): string {
  return documents.join('---\n');
}
