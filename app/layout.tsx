import type { Metadata } from "next";
import Link from "next/link";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chipwatch", template: "%s · Chipwatch" },
  description: "US–China AI-chip news turned into sourced facts: export rules, orders, penalties and specs.",
  // Pages showing a filtered view replace this with the feed of their view.
  alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: "Chipwatch: all events" }] } },
};

const NAVIGATION = [
  { href: "/events", label: "Events" },
  { href: "/companies", label: "Companies" },
  { href: "/compare", label: "Compare" },
  { href: "/ingest", label: "Add article" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* The first Tab stop: past the navigation, straight to the page's content. */}
        <a
          href="#main"
          className="sr-only rounded bg-white px-3 py-2 text-sm font-medium text-zinc-900 ring-2 ring-sky-600 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-zinc-100"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Chipwatch
            </Link>
            {NAVIGATION.map(({ href, label }) => (
              <Link key={href} href={href} className="text-sm hover:underline">
                {label}
              </Link>
            ))}
            <span className="ml-auto hidden text-sm text-zinc-600 lg:inline dark:text-zinc-400">the US–China AI-chip contest, fact by sourced fact</span>
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
