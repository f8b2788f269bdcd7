// The editor password and the session-signing key. From the environment when set (required for
// several instances behind a load balancer); otherwise generated once and kept in .data/, so a
// fresh clone is protected from its first start. The launcher prints a generated password once.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const DATA_DIR = path.join(process.cwd(), ".data");

export type EditorPassword = { value: string; source: "environment" | "generated" | "stored" };

export function editorPassword(): EditorPassword {
  const fromEnv = process.env.CHIPWATCH_EDITOR_PASSWORD;
  if (fromEnv) {
    if (fromEnv.length < 12) throw new Error("CHIPWATCH_EDITOR_PASSWORD must be at least 12 characters.");
    return { value: fromEnv, source: "environment" };
  }
  return storedSecret("editor-password", () => randomBytes(18).toString("base64url"));
}

export function sessionSecret(): string {
  return process.env.CHIPWATCH_SESSION_SECRET ?? storedSecret("session-secret", () => randomBytes(32).toString("base64url")).value;
}

function storedSecret(name: string, generate: () => string): EditorPassword {
  const file = path.join(DATA_DIR, name);
  try {
    return { value: readFileSync(file, "utf8").trim(), source: "stored" };
  } catch {
    mkdirSync(DATA_DIR, { recursive: true });
    const value = generate();
    // wx: never overwrite one written by a concurrent process; mode 600: readable by us only.
    try {
      writeFileSync(file, value, { flag: "wx", mode: 0o600 });
      return { value, source: "generated" };
    } catch {
      return { value: readFileSync(file, "utf8").trim(), source: "stored" };
    }
  }
}
