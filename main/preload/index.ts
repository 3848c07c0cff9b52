// Sandboxed preload (bundled to one CommonJS file): exposes exactly the IPC contract, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge.ts';

exposeBridge(contextBridge, ipcRenderer);
