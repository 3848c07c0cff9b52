// `npm run browser`: try the real UI in a browser without Electron. Prints the URL to open.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startTestHost } from './host.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5780' },
    'data-dir': { type: 'string' },
    demo: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run browser -- [--port 5780] [--data-dir DIR] [--demo]

Serves the built renderer (out/renderer; run \`npx electron-vite build\` first) with the real
main-process services on 127.0.0.1, for trying WireDesk in a browser without Electron.
  --port N        listen port (default 5780; 0 picks a free one)
  --data-dir DIR  where the SQLite database lives (default: a new temporary folder)
  --demo          add the built-in demo router at start, as the desktop app does on first run`);
  process.exit(0);
}

const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'wiredesk-browser-'));
const host = await startTestHost({ dataDir, port: Number(values.port), autoDemo: values.demo });
console.log(`WireDesk test host is running.\n  Open:      ${host.url}\n  Data dir:  ${dataDir}\n  Stop with Ctrl-C.`);

const stop = () => void host.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
