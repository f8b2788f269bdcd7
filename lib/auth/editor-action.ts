// The one gate every server action passes: editorAction() checks the editor session before the
// action's own code runs, publicAction() marks the two that must work signed out (sign-in and
// sign-out) and says why. tests/security/mutations-require-editor.test.ts imports every
// "use server" module and fails on any export that is neither, so the check is structural.
import { isEditor } from "@/lib/auth/session";

const GATE = Symbol.for("chipwatch.action-gate");
type Gate = "editor" | "public";
type Gated<F> = F & { [GATE]: Gate };

/**
 * `denied` answers a caller who is not signed in, in the action's own return type (a form state,
 * or a redirect to sign in); the action itself never runs for them.
 */
export function editorAction<Args extends unknown[], Result>(
  action: (...args: Args) => Promise<Result>,
  denied: () => NoInfer<Result> | Promise<NoInfer<Result>>,
): Gated<(...args: Args) => Promise<Result>> {
  const gated = async (...args: Args): Promise<Result> => ((await isEditor()) ? action(...args) : denied());
  return Object.assign(gated, { [GATE]: "editor" as const });
}

export function publicAction<Args extends unknown[], Result>(_why: string, action: (...args: Args) => Promise<Result>): Gated<(...args: Args) => Promise<Result>> {
  return Object.assign(action, { [GATE]: "public" as const });
}

/** How an exported server action is gated, or null when it is not. */
export function gateOf(value: unknown): Gate | null {
  return typeof value === "function" && GATE in value ? ((value as unknown as Record<symbol, Gate>)[GATE] ?? null) : null;
}
