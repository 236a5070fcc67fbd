import { parseConfig } from './config.js';
import { deployedCallers } from './http/access.js';
import { createHandlers, type Handlers } from './http/handlers.js';
import { registerFunctions } from './http/register.js';
import { createRuntime } from './cloud-functions-runtime.js';

/**
 * The cloud functions (Cloud Run functions, runtime nodejs22). Registration only: the runtime is
 * built from the environment on first use, and each handler calls one use case. Registering also
 * puts the body guard (http/body-guard.ts) ahead of the framework's body parsers.
 *
 * The Functions Framework builds its Express app after loading this module, and that app answers a
 * malformed body with an HTML page holding the stack trace unless NODE_ENV is production. Deployment
 * sets it; this default keeps it so wherever the module is served.
 */
process.env.NODE_ENV ??= 'production';

let handlers: Handlers | undefined;

registerFunctions(() => {
  if (!handlers) {
    const config = parseConfig(process.env);
    // The private functions admit only the monev service account's OIDC tokens (http/access.ts).
    const callers = deployedCallers({ functionsUrl: config.functionsUrl, serviceAccountEmail: config.invoker });
    handlers = createHandlers(createRuntime(config), callers);
  }
  return handlers;
});
