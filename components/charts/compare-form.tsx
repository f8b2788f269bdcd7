"use client";
// The comparison builder's form: a plain GET form (it works, and every comparison is a link,
// without JavaScript) that with JavaScript updates the comparison in place as soon as a chip, a
// metric or a baseline is picked, one history entry per change.
import { usePathname, useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";

export function CompareForm({ children, className }: { children: React.ReactNode; className?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const update = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value !== "") query.append(key, value);
    startTransition(() => router.push(`${pathname}?${query}`, { scroll: false }));
  };
  return (
    <form
      method="get"
      aria-label="Comparison"
      aria-busy={pending}
      className={className}
      onChange={(event: FormEvent<HTMLFormElement>) => update(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        update(event.currentTarget);
      }}
    >
      {children}
    </form>
  );
}
