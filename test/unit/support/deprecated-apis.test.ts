import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REMOVED_APIS, removedApi } from '../../../shared/src/rules/support/deprecated-apis';

describe('removedApi', () => {
  it('matches by apiVersion and kind', () => {
    assert.equal(removedApi('extensions/v1beta1', 'Deployment')?.replacement, 'apps/v1');
    assert.equal(removedApi('extensions/v1beta1', 'Ingress')?.replacement, 'networking.k8s.io/v1');
    assert.equal(removedApi('policy/v1beta1', 'PodSecurityPolicy')?.replacement, undefined);
    assert.equal(removedApi('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding')?.removedIn, '1.22');
  });
  it('leaves current APIs alone', () => {
    for (const [apiVersion, kind] of [['apps/v1', 'Deployment'], ['policy/v1', 'PodDisruptionBudget'], ['batch/v1', 'CronJob'], ['networking.k8s.io/v1', 'Ingress'], ['v1', 'Pod']]) {
      assert.equal(removedApi(apiVersion!, kind!), undefined, `${apiVersion} ${kind}`);
    }
  });
  it('has a migration sentence for every entry, and a replacement for every rewrite', () => {
    for (const api of REMOVED_APIS) {
      assert.match(api.migration, /\.$/, api.apiVersion);
      if (api.rewrite) assert.ok(api.replacement, api.apiVersion);
    }
  });
});
