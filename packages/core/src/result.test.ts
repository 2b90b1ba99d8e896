import { describe, expect, it } from "vitest";
import { fail, formatIssue, formatPath, issue, ok, prefixIssues } from "./result";

describe("results and issues", () => {
  it("wraps values and issues", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    const problem = issue(["a"], "required", "This field is required.");
    expect(fail([problem])).toEqual({ ok: false, issues: [problem] });
  });

  it("prefixes nested issue paths without changing the originals", () => {
    const inner = [issue(["owner"], "required", "This field is required.")];
    expect(prefixIssues(inner, ["steps", 2])[0]?.path).toEqual(["steps", 2, "owner"]);
    expect(inner[0]?.path).toEqual(["owner"]);
  });

  it("formats paths like code", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["steps", 2, "owner"])).toBe("steps[2].owner");
    expect(formatPath([0, "name"])).toBe("[0].name");
    expect(formatPath(["text", "en-x-easyread"])).toBe("text.en-x-easyread");
    expect(formatPath(["odd key"])).toBe('["odd key"]');
    expect(formatIssue(issue(["owner"], "required", "This field is required."))).toBe("owner: This field is required. (required)");
  });
});
