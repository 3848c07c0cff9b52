// Preloaded into Electronegativity (node -r): its `got` HTTP client fails at once instead of reaching the
// internet. Electronegativity only uses it to fetch translations and Electron's release list; without them
// it falls back to its bundled English texts and the Electron version we pass with -e. Tests stay offline
// and deterministic (a real request's retry timer crashed the tool on a closed network).
const Module = require('node:module');

const original = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: WireDesk runs Electronegativity without network access'));
    return Object.assign(offline, { head: offline, get: offline });
  }
  return original.call(this, request, parent, isMain);
};
