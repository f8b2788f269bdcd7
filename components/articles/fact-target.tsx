"use client";
// Marks the quote named in the URL fragment (#fact-12) and scrolls to it. CSS :target alone is not
// enough: client-side navigations (next/link, router.push) do not update :target.
import { useEffect } from "react";

export function FactTarget() {
  useEffect(() => {
    const apply = () => {
      for (const element of document.querySelectorAll("[data-targeted]")) element.removeAttribute("data-targeted");
      const id = decodeURIComponent(window.location.hash.slice(1));
      const element = id ? document.getElementById(id) : null;
      if (!element) return;
      element.setAttribute("data-targeted", "");
      element.scrollIntoView({ block: "center" });
    };
    apply();
    window.addEventListener("hashchange", apply);
    return () => window.removeEventListener("hashchange", apply);
  }, []);
  return null;
}
