import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullName, isFloatingTag, parseImage, pinningOf, registryAllows } from '../../../shared/src/rules/support/image';

describe('parseImage', () => {
  const cases: Array<[string, { registry: string; repository: string; tag?: string; digest?: string; explicitRegistry: boolean }]> = [
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', explicitRegistry: false }],
    ['nginx:1.25.3', { registry: 'docker.io', repository: 'library/nginx', tag: '1.25.3', explicitRegistry: false }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2', explicitRegistry: false }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', explicitRegistry: true }],
    ['index.docker.io/library/nginx:1', { registry: 'docker.io', repository: 'library/nginx', tag: '1', explicitRegistry: true }],
    ['localhost/app', { registry: 'localhost', repository: 'app', explicitRegistry: true }],
    ['localhost:5000/team/app:dev', { registry: 'localhost:5000', repository: 'team/app', tag: 'dev', explicitRegistry: true }],
    ['registry.example.com:8443/a/b/c:v1@sha256:' + 'a'.repeat(64), { registry: 'registry.example.com:8443', repository: 'a/b/c', tag: 'v1', digest: 'sha256:' + 'a'.repeat(64), explicitRegistry: true }],
    ['ghcr.io/acme/app@sha256:' + 'b'.repeat(64), { registry: 'ghcr.io', repository: 'acme/app', digest: 'sha256:' + 'b'.repeat(64), explicitRegistry: true }],
    ['k8s.gcr.io/pause:3.1', { registry: 'k8s.gcr.io', repository: 'pause', tag: '3.1', explicitRegistry: true }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app', explicitRegistry: true }],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const ref = parseImage(text);
      assert.ok(ref);
      assert.deepEqual({ registry: ref.registry, repository: ref.repository, tag: ref.tag, digest: ref.digest, explicitRegistry: ref.explicitRegistry }, { tag: undefined, digest: undefined, ...expected });
    });
  }
  for (const bad of ['', '$(IMAGE)', '${REGISTRY}/app', '{{ .Values.image }}', 'Nginx', 'app:bad tag', 'app@sha256', 'app@:abc', 'a//b', 'app:']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseImage(bad), undefined));
  }
  it('keeps the length of the registry part for rewriting', () => {
    const ref = parseImage('k8s.gcr.io/pause:3.1')!;
    assert.equal(ref.original.slice(ref.registryLength), '/pause:3.1');
    assert.equal(fullName(ref), 'k8s.gcr.io/pause');
  });
});

describe('pinningOf', () => {
  const cases: Array<[string, string]> = [
    ['nginx', 'none'],
    ['nginx:latest', 'latest'],
    ['nginx:1.25', 'floating'],
    ['python:3.12-slim', 'floating'],
    ['node:20', 'floating'],
    ['redis:alpine', 'floating'],
    ['acme/app:alpine', 'fixed'],
    ['nginx:1.25.3', 'fixed'],
    ['nginx:1.25.3-alpine', 'fixed'],
    ['gcr.io/google-samples/xtrabackup:1.0', 'fixed'],
    ['acme/app:stable', 'floating'],
    ['acme/app:nightly-2024', 'floating'],
    ['gcr.io/distroless/static:nonroot', 'floating'],
    ['acme/app:v1.2.3-beta.1', 'fixed'],
    ['acme/app:3f2a9c1', 'fixed'],
    ['nginx:latest@sha256:' + 'c'.repeat(64), 'digest'],
    ['nginx@sha512:' + 'd'.repeat(128), 'digest'],
    ['nginx@sha256:abc123', 'bad-digest'],
    ['nginx@sha256:' + 'C'.repeat(64), 'bad-digest'],
    ['nginx@blake3:' + 'e'.repeat(64), 'digest'],
    ['nginx@blake3:' + 'e'.repeat(63), 'bad-digest'],
    ['nginx@custom:' + 'f'.repeat(32), 'digest'],
    ['nginx@custom:f', 'bad-digest'],
  ];
  for (const [text, expected] of cases) it(`${text} is ${expected}`, () => assert.equal(pinningOf(parseImage(text)!), expected));
  it('only official images float on short version tags', () => {
    assert.equal(isFloatingTag('1.0', true), true);
    assert.equal(isFloatingTag('1.0', false), false);
    assert.equal(isFloatingTag('edge', false), true);
  });
});

describe('registryAllows', () => {
  const allows = (entry: string, image: string) => registryAllows(entry, parseImage(image)!);
  it('matches hosts exactly, not by suffix', () => {
    assert.ok(allows('registry.example.com', 'registry.example.com/app:1.0.0'));
    assert.ok(!allows('example.com', 'registry.example.com/app:1.0.0'));
    assert.ok(!allows('registry.example.com', 'registry.example.com.evil.io/app:1.0.0'));
  });
  it('matches path prefixes on component boundaries', () => {
    assert.ok(allows('ghcr.io/acme', 'ghcr.io/acme/app:1.0.0'));
    assert.ok(!allows('ghcr.io/acme', 'ghcr.io/acme-evil/app:1.0.0'));
  });
  it('treats implicit images as docker.io, official ones under library/', () => {
    assert.ok(allows('docker.io', 'nginx:1.25.3'));
    assert.ok(allows('docker.io/nginx', 'nginx:1.25.3'));
    assert.ok(allows('docker.io/library', 'nginx:1.25.3'));
    assert.ok(allows('index.docker.io/bitnami', 'bitnami/redis:7.2.4'));
    assert.ok(!allows('docker.io/bitnami', 'nginx:1.25.3'));
  });
  it('supports a leading *. for hosts', () => {
    assert.ok(allows('*.dkr.ecr.eu-west-1.amazonaws.com', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0.0'));
    assert.ok(!allows('*.dkr.ecr.eu-west-1.amazonaws.com', 'dkr.ecr.eu-west-1.amazonaws.com.evil.io/app:1.0.0'));
  });
});
