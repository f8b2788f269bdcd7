// npm run db:synth -- --facts 1000000 [--seed 20261129] [--database-url postgresql://…/chipwatch_synth]
// Fills a separate database with deterministic synthetic data for benchmarks (scripts/synth/).
// Without --database-url (or SYNTH_DATABASE_URL) it uses chipwatch_synth_<facts> on the local
// PostgreSQL at 127.0.0.1:5432. A database holding real articles is refused.
import { synthesize, SynthRefused } from "./synth/load";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const facts = Number(option("facts"));
  const seed = Number(option("seed") ?? 20261129);
  if (!Number.isInteger(facts) || facts < 1 || facts > 20_000_000) throw new SynthRefused("--facts must be a whole number from 1 to 20,000,000");
  if (!Number.isInteger(seed)) throw new SynthRefused("--seed must be a whole number");
  const url = option("database-url") ?? process.env.SYNTH_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/chipwatch_synth_${facts}`;
  const result = await synthesize(url, { facts, seed }, (line) => process.stderr.write(`${line}\n`));
  console.log(
    `${result.reused ? "reused" : "loaded"} ${result.counts.facts.toLocaleString("en-US")} facts, ${result.counts.events.toLocaleString("en-US")} events, ` +
      `${result.counts.articles.toLocaleString("en-US")} articles, ${result.counts.entities.toLocaleString("en-US")} entities in ${result.seconds.toFixed(1)} s → ${url.replace(/\/\/[^@]*@/, "//")}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof SynthRefused ? error.message : error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
