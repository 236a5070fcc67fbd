import * as functions from '@google-cloud/functions-framework';
import { parseConfig } from './config.js';
import { createHandlers } from './http/handlers.js';
import { localRuntime } from './runtime.js';

/**
 * The cloud functions (Cloud Run functions, runtime nodejs22). Registration only: the runtime is
 * built from the environment on first use, and each handler calls one use case.
 */
let handlers: ReturnType<typeof createHandlers> | undefined;

function current(): ReturnType<typeof createHandlers> {
  handlers ??= createHandlers(localRuntime(parseConfig(process.env)));
  return handlers;
}

functions.http('sheetChanged', (req, res) => current().sheetChanged(req, res));
functions.http('scoreOffice', (req, res) => current().scoreOffice(req, res));
functions.http('runCycleHttp', (req, res) => current().runCycleHttp(req, res));
functions.cloudEvent('runCycle', (event: functions.CloudEvent<{ message?: { data?: string } }>) => current().runCycleEvent(event));
