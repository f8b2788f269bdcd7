// Every way to write is guarded: each exported server action and each mutating route handler
// checks the editor session before anything else. Enumerated from the source, so a new action
// without the check fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PUBLIC_ACTIONS = new Set(["signIn", "signOut"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sources = [...files("app"), ...files("components"), ...files("lib")].filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("generated"));

describe("editor-only writes", () => {
  const actions = sources
    .filter((file) => /^["']use server["'];?/m.test(readFileSync(file, "utf8")))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return [...source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)].map((m) => ({ file, name: m[1]!, body: m[2]! }));
    });

  it("finds the server actions (the enumeration itself works)", () => {
    expect(actions.map((a) => a.name).sort()).toEqual(expect.arrayContaining(["analyseArticle", "reviewFact", "saveReviewed", "signIn", "signOut"]));
  });

  it("every server action except sign-in/out checks the editor session before doing anything", () => {
    for (const action of actions.filter((a) => !PUBLIC_ACTIONS.has(a.name))) {
      const firstStatement = action.body.replace(/^\s*try\s*\{/, "").trim().split("\n")[0]!.trim();
      expect(firstStatement, `${action.file}: ${action.name}`).toBe("await requireEditor();");
    }
  });

  it("every route handler that accepts POST, PUT, PATCH or DELETE checks the editor session", () => {
    const routes = sources.filter((file) => file.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const source = readFileSync(route, "utf8");
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        if (new RegExp(`export (?:async )?function ${method}\\b`).test(source)) expect(source, route).toMatch(/await requireEditor\(\)/);
      }
    }
  });
});
