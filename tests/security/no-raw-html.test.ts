// Article text and quotes come from the outside world: nothing renders them as HTML.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("rendering untrusted text", () => {
  it("never uses dangerouslySetInnerHTML in app or components", () => {
    let hits = "";
    try {
      hits = execFileSync("grep", ["-rl", "dangerouslySetInnerHTML", "app", "components", "lib", "--include=*.tsx", "--include=*.ts"], { encoding: "utf8" });
    } catch (error) {
      // grep exits 1 when nothing matches: that is the pass.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(hits).toBe("");
  });
});
