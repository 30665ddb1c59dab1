import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialLike, nameWords } from '../../../shared/src/rules/support/credentials';

describe('nameWords', () => {
  it('splits snake, kebab and camel case', () => {
    assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameWords('apiKey'), ['api', 'key']);
    assert.deepEqual(nameWords('x-auth.token'), ['x', 'auth', 'token']);
  });
});

describe('credentialLike', () => {
  const flagged: Array<[string, string, string]> = [
    ['DB_PASSWORD', 'S3cr3t!pw', 'a password'],
    ['GF_SECURITY_ADMIN_PASSWORD', 'hunter22', 'a password'],
    ['JWT_SECRET', 'b1946ac92492d2347c6235b4d2611184', 'a secret key'],
    ['SECRET_KEY_BASE', 'a0f1c2d3e4b5', 'a secret key'],
    ['STRIPE_API_KEY', 'k3y-value-99', 'a secret key'],
    ['apiToken', 'Zm9vYmFyYmF6', 'a token'],
    ['ANYTHING', 'AKIAABCDEFGHIJKLMNOP', 'an AWS access key ID'],
    ['CONFIG', 'ghp_' + 'a'.repeat(36), 'a GitHub token'],
    ['NOTIFY', 'xoxb-123456789012-abcdefghij', 'a Slack token'],
    ['TLS', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'a private key'],
    ['DATABASE_URL', 'postgres://app:Xy7pQ2@db:5432/app', 'a URL with a password in it'],
    ['AUTH_HEADER', 'Bearer abc123def456', 'an Authorization header with a token'],
    ['SSH', '---BEGIN OPENSSH PRIVATE KEY---\nxxxxx', 'a private key'],
    ['AUTH', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'a JSON Web Token'],
  ];
  for (const [name, value, what] of flagged) it(`${name}=${value.slice(0, 12)}... is ${what}`, () => assert.equal(credentialLike(name, value), what));

  const quiet: Array<[string, string]> = [
    ['MYSQL_ALLOW_EMPTY_PASSWORD', '1'],
    ['MYSQL_ALLOW_EMPTY_PASSWORD', 'yes'],
    ['DB_PASSWORD_FILE', '/run/secrets/db/password'],
    ['TOKEN_PATH', '/var/run/secrets/token'],
    ['SECRET_NAME', 'app-credentials'],
    ['API_KEY_HEADER', 'X-Api-Key'],
    ['TOKEN_TTL', '3600'],
    ['TOKEN_URL', 'https://auth.example.com/token'],
    ['ENABLE_TOKEN_AUTH', 'true'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['DB_PASSWORD', '$(DB_PASSWORD_FROM_SECRET)'],
    ['DB_PASSWORD', '${DB_PASSWORD}'],
    ['DB_PASSWORD', '<your-password>'],
    ['DB_PASSWORD', 'changeme'],
    ['DB_PASSWORD', ''],
    ['ADMIN_TOKEN', 'ADMIN_TOKEN_FROM_ENV'],
    ['PWD', 'S3cr3t!pw'],
    ['PASS_THROUGH', 'enabled-mode'],
    ['AWS_ACCESS_KEY_ID', 'from-instance-role'],
    ['DATABASE_URL', 'postgres://db:5432/app'],
    ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db/app'],
    ['EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['SERVICE_ACCOUNT_KEY', 'my-key-secret'],
    ['some-name', 'my_key_value'],
    ['some-name', 'JWT'],
    ['GREETING', 'Bearer with me'],
  ];
  for (const [name, value] of quiet) it(`${name}=${JSON.stringify(value)} is quiet`, () => assert.equal(credentialLike(name, value), undefined));
});
