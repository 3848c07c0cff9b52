export * from './envelope.ts';
export * from './names.ts';
export * from './models.ts';
export * from './channels.ts';
export * from './format-zod-error.ts';
export * from './wireguard.ts';
export * from './management.ts';
