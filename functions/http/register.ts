import * as functions from '@google-cloud/functions-framework';
import { installBodyGuard } from './body-guard.js';
import type { Handlers, PubSubEvent } from './handlers.js';

/**
 * The cloud functions by name, with what triggers them. Registration is the same in production
 * (functions/index.ts), under `monev serve` and in tests; only where the handlers come from differs.
 */
export const CLOUD_FUNCTIONS = {
  sheetChanged: 'http',
  scoreOffice: 'http',
  runCycleHttp: 'http',
  finishCycle: 'http',
  runCycle: 'event',
  renewWatches: 'event',
} as const;

export type CloudFunctionName = keyof typeof CLOUD_FUNCTIONS;

export const HTTP_FUNCTIONS = (Object.keys(CLOUD_FUNCTIONS) as CloudFunctionName[]).filter(
  (name) => CLOUD_FUNCTIONS[name] === 'http',
);

/** Registers every function with the Functions Framework, with the body guard ahead of its parsers. */
export function registerFunctions(handlers: () => Handlers): void {
  installBodyGuard();
  functions.http('sheetChanged', (req, res) => handlers().sheetChanged(req, res));
  functions.http('scoreOffice', (req, res) => handlers().scoreOffice(req, res));
  functions.http('runCycleHttp', (req, res) => handlers().runCycleHttp(req, res));
  functions.http('finishCycle', (req, res) => handlers().finishCycle(req, res));
  functions.cloudEvent('runCycle', (event: PubSubEvent) => handlers().runCycleEvent(event));
  functions.cloudEvent('renewWatches', (event: PubSubEvent) => handlers().renewWatchesEvent(event));
}
