import { ACTION_TEXT, permitted, roleName, type Action, type Scope } from '@halflife/domain';
import { createMiddleware } from 'hono/factory';
import type { Caller } from './caller.js';
import { errorResponse } from './http-error.js';
import { problem } from './service-error.js';

/** What a route guarded by `may(action)` knows about its caller: signed in, with a scope. */
export interface PermittedEnv {
  Variables: {
    caller: Caller | undefined;
    /** The signed-in caller the policy let through. */
    who: Caller;
    /** How far the permission reaches (docs/ARCHITECTURE.md, "Who may do what"). */
    scope: Scope;
  };
}

/**
 * The one enforcement of the permission matrix (`POLICY` of @halflife/domain): 401 without a
 * sign-in, 403 naming the role and the action when the policy refuses it. Runs before the request
 * is validated, so a caller who may not call a route learns nothing about its input.
 */
export function may(action: Action) {
  return createMiddleware<PermittedEnv>(async (c, next) => {
    const caller = c.get('caller');
    if (caller === undefined) return errorResponse(c, problem('unauthenticated', 'sign in first'));
    const scope = permitted(caller, action);
    if (scope === undefined) {
      return errorResponse(
        c,
        problem('forbidden', `${roleName(caller.role)} may not ${ACTION_TEXT[action]}`),
      );
    }
    c.set('who', caller);
    c.set('scope', scope);
    return next();
  });
}

/**
 * A route's permission: its middleware and, in the OpenAPI document, `x-permission` naming the
 * action (the permission-matrix test reads it to call every route as every role).
 */
export function guard(action: Action) {
  return { middleware: may(action), 'x-permission': action } as const;
}
