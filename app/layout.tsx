import type { Metadata } from "next";
import Link from "next/link";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chipwatch", template: "%s · Chipwatch" },
  description: "US–China AI-chip news turned into sourced facts: export rules, orders, penalties and specs.",
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
            <span className="ml-auto hidden text-sm text-zinc-500 lg:inline dark:text-zinc-400">the US–China AI-chip contest, fact by sourced fact</span>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
