// Every way to write is guarded. Server actions: every "use server" module is imported and each
// of its exports must have passed through editorAction() (or publicAction(), for sign-in and
// sign-out) — however it is written, `export async function` or `export const`. Route handlers:
// none may accept POST, PUT, PATCH or DELETE without the editor check.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gateOf } from "@/lib/auth/editor-action";

const PUBLIC_ACTIONS = new Set(["signIn", "signOut"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sources = [...files("app"), ...files("components"), ...files("lib")].filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("generated"));
const actionModules = sources.filter((file) => /^["']use server["'];?/m.test(readFileSync(file, "utf8")));

describe("editor-only writes", () => {
  it("finds the server action modules (the enumeration itself works)", () => {
    expect(actionModules.sort()).toEqual([
      "app/articles/[id]/actions.ts",
      "app/events/[id]/actions.ts",
      "app/feeds/actions.ts",
      "app/ingest/actions.ts",
      "app/review/actions.ts",
      "app/sign-in/actions.ts",
    ]);
  });

  it("every exported server action is gated: editors only, or one of the two public ones", async () => {
    const exported: string[] = [];
    for (const file of actionModules) {
      const actionsModule = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(actionsModule)) {
        exported.push(name);
        expect(gateOf(value), `${file}: ${name}`).toBe(PUBLIC_ACTIONS.has(name) ? "public" : "editor");
      }
    }
    expect(exported.sort()).toEqual([
      "acceptConfident",
      "addFeed",
      "analyseArticle",
      "chooseTimelineLabel",
      "correctSourceKind",
      "fileArticle",
      "pollNow",
      "reviewFact",
      "saveReviewed",
      "signIn",
      "signOut",
      "undoReview",
    ]);
  });

  it("an ungated function is told apart from a gated one (the check can fail)", async () => {
    const { editorAction } = await import("@/lib/auth/editor-action");
    expect(gateOf(async () => undefined)).toBeNull();
    expect(
      gateOf(
        editorAction(
          async () => 1,
          () => 0,
        ),
      ),
    ).toBe("editor");
  });

  it("a signed-out caller never reaches an editor action's code", async () => {
    const { editorAction } = await import("@/lib/auth/editor-action");
    let ran = false;
    const action = editorAction(
      async () => {
        ran = true;
        return "done";
      },
      () => "denied",
    );
    // No request, so no session: the gate refuses (outside a request it cannot even read cookies).
    await expect(action().catch(() => "denied")).resolves.toBe("denied");
    expect(ran).toBe(false);
  });

  it("no route handler accepts POST, PUT, PATCH or DELETE without the editor check", () => {
    const routes = sources.filter((file) => file.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const source = readFileSync(route, "utf8");
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        if (new RegExp(`export (?:async )?(?:function|const) ${method}\\b`).test(source)) expect(source, route).toMatch(/await requireEditor\(\)/);
      }
    }
  });
});
