import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "@/lib/runtime/processes";
import { renderHaproxyConfig } from "./haproxy";

describe("README's HAProxy example", () => {
  it("is the config the resilience suite runs, filled in for two instances", () => {
    const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const example = /<!-- haproxy-example:start -->\n```haproxy\n([\s\S]*?)```\n<!-- haproxy-example:end -->/.exec(
      readme,
    );
    expect(example?.[1]).toBe(
      renderHaproxyConfig(":80", [
        { name: "app1", address: "10.0.0.11:3000" },
        { name: "app2", address: "10.0.0.12:3000" },
      ]),
    );
  });
});
