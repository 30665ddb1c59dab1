/** @file The policy sentences PSS-mapped rules end their messages with, spelled out for test tables. */

/** Default policy, a check that fails at baseline. */
export function baseline(kind = 'Pod', version = 'latest'): string {
  return `It fails Pod Security Standards baseline:${version}: every namespace that enforces baseline or restricted would reject ${kind === 'Pod' ? 'this pod' : `the pods of this ${kind}`}.`;
}

/** Default policy, a check that fails only at restricted. */
export function restricted(kind = 'Pod', version = 'latest'): string {
  return `It fails Pod Security Standards restricted:${version}: a namespace that enforces restricted would reject ${kind === 'Pod' ? 'this pod' : `the pods of this ${kind}`}.`;
}

/** A Namespace whose enforce label the check fails. */
export function enforced(namespace: string, policy: string, kind = 'Pod'): string {
  return kind === 'Pod'
    ? `Namespace "${namespace}" enforces ${policy}, so the API server would reject this pod.`
    : `Namespace "${namespace}" enforces ${policy}: the ${kind} itself is admitted (Pod Security admission only warns about workload objects), but every pod created from its template would be rejected.`;
}

export function warned(namespace: string, policy: string): string {
  return `Namespace "${namespace}" warns at ${policy}: the request is admitted with a warning.`;
}

export function audited(namespace: string, policy: string): string {
  return `Namespace "${namespace}" audits at ${policy}: the request is admitted and recorded in the audit log.`;
}

export function permitted(namespace: string, policy = 'restricted:latest'): string {
  return `Namespace "${namespace}" admits this, but it fails Pod Security Standards ${policy}.`;
}
