// Module hooks: `import ... from "electron"` resolves to the fake below, so the built main process can
// start under plain Node (no Electron binary can be downloaded on the build machines).
const fake = new URL('./electron.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}
