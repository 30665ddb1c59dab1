// Extension activation cost outside VS Code: time to load the bundle and run activate() with a stub
// `vscode` module (every API is a no-op proxy). The language client starts the server asynchronously;
// that start is not part of activation (VS Code measures until activate() returns).
//   node bench/activation.mjs <dist/extension.js>
import Module, { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const file = resolve(process.argv[2]);

/** A value that is callable, constructible, awaitable-safe and has every property. */
function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then') return undefined; // not a thenable
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'prototype') return target.prototype;
      if (key === 'asAbsolutePath') return (p) => resolve(file, '..', '..', p);
      if (key === 'subscriptions') return [];
      if (key === 'extensionMode') return 1;
      if (key === 'version') return '1.100.0';
      return stub(`${name}.${String(key)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
    // Code under test may assign to or define properties on API objects: accept and forget.
    set: () => true,
    defineProperty: () => true,
    deleteProperty: () => true,
  });
}

const vscode = stub('vscode');
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, parent, isMain);
};

// Keep the stubbed language client from doing anything visible after activation.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

const t0 = performance.now();
const extension = require(file);
const t1 = performance.now();
let error;
try {
  extension.activate(stub('context'));
} catch (e) {
  error = String(e?.stack ?? e);
}
const t2 = performance.now();
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, error }) + '\n');
process.exit(0);
