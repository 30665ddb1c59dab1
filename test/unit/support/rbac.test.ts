import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectsOf } from '../../../shared/src/model/objects';
import { parseSegment } from '../../../shared/src/model/parse';
import { bindingOf, grantedAt, narrowedByName, policyRules, resourceItems, serviceAccountOf } from '../../../shared/src/rules/support/rbac';
import { yaml } from '../../harness/yaml';

const objectOf = (text: string) => objectsOf(parseSegment(0, text))[0]!;

const role = objectOf(yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: r}
  rules:
    - apiGroups: [""]
      resources: [pods/*, secrets]
      verbs: [get, create]
    - apiGroups: ["*"]
      resources: ["*/exec"]
      resourceNames: [one]
      verbs: [get]
`);

describe('policyRules', () => {
  const [first, second] = policyRules(role);
  it('reads every list of a rule', () => {
    assert.deepEqual(first!.resources.map((r) => r.value), ['pods/*', 'secrets']);
    assert.deepEqual(second!.resourceNames.map((r) => r.value), ['one']);
    assert.ok(first!.verbsSeq);
  });
  it('matches subresources as the authorizer does', () => {
    assert.deepEqual(resourceItems(first!, 'pods/exec').map((r) => r.value), ['pods/*']);
    assert.deepEqual(resourceItems(first!, 'pods'), []);
    assert.deepEqual(resourceItems(second!, 'pods/exec').map((r) => r.value), ['*/exec']);
    assert.deepEqual(resourceItems(second!, 'pods/attach'), []);
  });
  it('finds grants by group, resource and verb', () => {
    assert.equal(grantedAt(first!, '', 'secrets', ['get'], true)?.value, 'secrets');
    assert.equal(grantedAt(first!, 'apps', 'secrets', ['get'], true), undefined);
    assert.equal(grantedAt(first!, '', 'secrets', ['delete'], true), undefined);
    assert.equal(grantedAt(second!, 'anything', 'nodes/exec', ['get'], true)?.value, '*/exec');
  });
  it('knows which verbs resourceNames can narrow', () => {
    assert.equal(narrowedByName(first!), false);
    assert.equal(narrowedByName(second!), true);
  });
  it('ignores kinds that are not Roles', () => assert.deepEqual(policyRules(objectOf('apiVersion: v1\nkind: Pod\nrules: [{verbs: [get]}]\n')), []));
});

describe('bindingOf', () => {
  const binding = bindingOf(objectOf(yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: b, namespace: team}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
    subjects:
      - {kind: ServiceAccount, name: default, namespace: team}
      - {kind: User, name: "system:serviceaccount:other:builder"}
      - {kind: Group, name: devs}
  `))!;
  it('reads roleRef and subjects', () => {
    assert.equal(binding.roleKind, 'Role');
    assert.equal(binding.roleName, 'reader');
    assert.deepEqual(binding.subjects.map((s) => s.name), ['default', 'system:serviceaccount:other:builder', 'devs']);
    assert.ok(binding.subjectsEditable);
  });
  it('recognises ServiceAccounts written as users', () => {
    assert.deepEqual(binding.subjects.map(serviceAccountOf), [{ namespace: 'team', name: 'default' }, { namespace: 'other', name: 'builder' }, undefined]);
  });
});
