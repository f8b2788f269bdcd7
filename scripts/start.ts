// npm start — one command from a fresh clone to a running dashboard.
// Without DATABASE_URL it serves an embedded PostgreSQL (PGlite) persisted in .data/pglite;
// either way it migrates, seeds an empty database, builds once, then serves Next.js through scripts/serve.ts (`next dev` with --dev).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { editorPassword, sessionSecret } from "@/lib/auth/secrets";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/database/embedded";
import { addressFile, dataDir, releaseLock, takeLock } from "./support/embedded";
import { prepareDatabase } from "@/lib/database/prepare";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

let embedded: EmbeddedDatabase | undefined;

async function main() {
  const started = Date.now();
  if (!process.env.DATABASE_URL) {
    await takeLock();
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
    process.env.DATABASE_URL = embedded.url;
    process.env.CHIPWATCH_EMBEDDED_DB = "1";
    // Scripts run meanwhile (npm run import, data:export, …) find the database here.
    await writeFile(addressFile, embedded.url);
    log(`embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), dataDir)}/pglite, serving on ${new URL(embedded.url).host}`);
  } else {
    log(`using DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
  }

  const { migrations, seeded } = await prepareDatabase(process.env.DATABASE_URL, { seed: "if-new" });
  log(`migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already there`);
  if (seeded)
    log(`seed data applied: ${seeded.events} new events, ${seeded.facts} new facts, ${seeded.articles} new articles, ${seeded.resourced} events moved to revised sources`);
  const password = editorPassword();
  if (password.source === "generated") {
    log(`editor password (generated once, kept in .data/editor-password; set CHIPWATCH_EDITOR_PASSWORD to choose one): ${password.value}`);
  }
  sessionSecret();

  if (!dev) {
    const fingerprint = await sourceFingerprint();
    const built = existsSync(".next/BUILD_ID") ? await readFile(BUILD_STAMP, "utf8").catch(() => "") : "";
    if (built !== fingerprint) {
      log(built ? "sources changed since the last build: running next build" : "no production build yet: running next build (once)");
      await run("next", ["build"]);
      await writeFile(BUILD_STAMP, fingerprint);
    }
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${port}`);
  // Production runs Next.js inside scripts/serve.ts, which settles each request's client address.
  const command = dev ? ["next", "dev", "-p", port] : ["tsx", "scripts/serve.ts"];
  const server = spawn("npx", command, { stdio: "inherit", env: { ...process.env, PORT: port, NODE_ENV: dev ? "development" : "production" } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await shutdown();
  process.exit(code);
}

const BUILD_STAMP = ".next/chipwatch-sources";
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** Paths, sizes and modification times of everything the build reads (cheap: no file contents). */
async function sourceFingerprint() {
  const entries: string[] = [];
  const visit = async (target: string) => {
    const info = await stat(target).catch(() => undefined);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of (await readdir(target)).sort()) await visit(path.join(target, name));
    } else {
      entries.push(`${target}:${info.size}:${info.mtimeMs}`);
    }
  };
  for (const target of [...SOURCE_DIRS, ...SOURCE_FILES]) await visit(target);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn("npx", [command, ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function shutdown() {
  if (!embedded) return;
  await embedded.stop();
  await releaseLock();
  embedded = undefined;
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function log(message: string) {
  console.log(`[chipwatch] ${message}`);
}

main().catch(async (error: unknown) => {
  console.error(`[chipwatch] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown().catch(() => undefined);
  process.exit(1);
});
