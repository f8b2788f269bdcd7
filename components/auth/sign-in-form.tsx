"use client";
// The editor sign-in form; field errors sit next to the field (aria-describedby).
import { useActionState } from "react";
import { signIn, type SignInState } from "@/app/sign-in/actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="grid max-w-sm gap-3">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="password" className="text-sm font-medium">
        Editor password
      </label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-describedby="password-error"
        className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
      />
      <p id="password-error" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {state.errors?.password?.join(" ") ?? state.message ?? ""}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-zinc-900 px-3 py-1 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
