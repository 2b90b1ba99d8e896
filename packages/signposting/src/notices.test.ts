import { describe, expect, it } from "vitest";
import { createNoticeCollector, NOTICE_EXAMPLES, pathPattern } from "./notices";

describe("createNoticeCollector", () => {
  it("counts by place and kind and names the first few records once each", () => {
    const notices = createNoticeCollector();
    for (let record = 0; record < 20; record += 1) notices.add("kept", ["schedules", record % 3, "schedule_link"], "Kept.", `svc-${record % 7}`);
    notices.add("normalised", ["schedules", 0, "schedule_link"], "Normalised.", "svc-1");
    notices.add("incomplete_feed", [], "One page.");
    expect(notices.list()).toEqual([
      { code: "kept", path: ["schedules", "*", "schedule_link"], message: "Kept.", count: 20, records: ["svc-0", "svc-1", "svc-2", "svc-3", "svc-4"] },
      { code: "normalised", path: ["schedules", "*", "schedule_link"], message: "Normalised.", count: 1, records: ["svc-1"] },
      { code: "incomplete_feed", path: [], message: "One page.", count: 1, records: [] },
    ]);
    expect(NOTICE_EXAMPLES).toBe(5);
    expect(pathPattern(["a", 1, "b", 2])).toEqual(["a", "*", "b", "*"]);
  });
});
