import { describe, expect, it } from "vitest";
import { formatCalendar, formatTimestampTag, relativeTime } from "./time";

const now = Date.UTC(2025, 10, 26, 15, 0, 0);

describe("time", () => {
  it("says how long ago, in English", () => {
    expect(relativeTime(now - 3 * 60_000, now)).toBe("3 minutes ago");
    expect(relativeTime(now - 10_000, now)).toBe("a few seconds ago");
    expect(relativeTime(now + 2 * 3600_000, now)).toBe("in 2 hours");
    expect(relativeTime(now - 3 * 86400_000, now)).toBe("3 days ago");
  });

  it("formats timestamp tags by style", () => {
    const unix = (now - 180_000) / 1000;
    expect(formatTimestampTag(unix, "R", now)).toBe("3 minutes ago");
    expect(formatTimestampTag(unix, "f", now, "en-US")).toMatch(/November 26, 2025/);
    expect(formatTimestampTag(unix, "D", now, "en-US")).toMatch(/^November 26, 2025$/);
    expect(formatTimestampTag(unix, "?", now, "en-US")).toBe(formatTimestampTag(unix, "f", now, "en-US"));
    expect(formatTimestampTag(1e20, "f", now)).toBe("Invalid Date");
  });

  it("writes footer times like Discord", () => {
    expect(formatCalendar(now - 60_000, now, "en-US")).toMatch(/^Today at \d{1,2}:\d{2}/);
    expect(formatCalendar(now - 86400_000, now, "en-US")).toMatch(/^Yesterday at /);
    expect(formatCalendar(now - 5 * 86400_000, now, "en-US")).toMatch(/^\d{1,2}\/\d{1,2}\/\d{2,4} /);
    expect(formatCalendar(Number.NaN, now)).toBe("");
  });
});
