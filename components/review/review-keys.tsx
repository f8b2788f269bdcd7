"use client";
// The review queue from the keyboard: j/k move between proposals, a accepts, r rejects, e edits the
// subject, u undoes the last decision. Keys are ignored while typing in a field, and each proposal
// is focusable, so the same works with Tab and Enter.
import { useEffect } from "react";

export function ReviewKeys() {
  useEffect(() => {
    const items = () => [...document.querySelectorAll<HTMLElement>("[data-review-item]")];
    const current = () => document.activeElement?.closest<HTMLElement>("[data-review-item]") ?? null;
    // The queue opens on its first proposal, so "a" works at once.
    if (!current() && !document.activeElement?.matches("input, select, textarea")) items()[0]?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.matches("input, select, textarea")) {
        if (event.key === "Escape") target.closest<HTMLElement>("[data-review-item]")?.focus();
        return;
      }
      const list = items();
      const item = current();
      const at = item ? list.indexOf(item) : -1;
      const press = (selector: string) => item?.querySelector<HTMLButtonElement>(selector)?.click();
      switch (event.key) {
        case "j":
          list[Math.min(list.length - 1, at + 1)]?.focus();
          break;
        case "k":
          list[Math.max(0, at - 1)]?.focus();
          break;
        case "a":
          press('button[value="accepted"]');
          break;
        case "r":
          press('button[value="rejected"]');
          break;
        case "e":
          item?.querySelector<HTMLInputElement>('input[name="subject"]')?.focus();
          break;
        case "u":
          document.querySelector<HTMLButtonElement>("[data-undo]")?.click();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400" id="review-keys">
      Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>e</kbd> edit the subject (<kbd>Esc</kbd> back), <kbd>u</kbd> undo.
    </p>
  );
}
