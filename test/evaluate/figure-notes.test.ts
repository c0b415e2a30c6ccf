/**
 * differingFigureNotes in-process: a report at exactly a published table's setting, where that table
 * differs from the arithmetic, carries a note saying so and why; any other setting carries none.
 */
import { describe, expect, test } from "vitest";
import { differingFigureNotes } from "../../src/evaluate/figure-notes.js";
import { PUBLISHED_FIGURES } from "../../src/published/figures.js";
import { costOf } from "../helpers/models.js";

const figure = (label: string) => PUBLISHED_FIGURES.find((f) => f.label === label)!;

describe("notes where a published figure differs", () => {
  test("V1 1.0 at 160 under paper: the Mult-Adds figure's note, its value here, why, and its source", async () => {
    const f = figure("1.0 MobileNet-160 Mult-Adds");
    const notes = differingFigureNotes(await costOf("v1", "1.0", 160), ["total"]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^1\.0 MobileNet-160 Mult-Adds is [\d.]+M here: /);
    expect(notes[0]!.endsWith(`: ${f.differs} (${f.source}).`)).toBe(true);
  });
  test("a share's note is in percent", async () => {
    const notes = differingFigureNotes(await costOf("v1"), ["share"]);
    expect(notes.map((n) => n.split(" here:")[0])).toEqual([
      expect.stringMatching(/^conv share of Mult-Adds is \d+\.\d+%$/),
    ]);
  });
  test("none at another width, resolution or convention, or for a metric not asked", async () => {
    expect(differingFigureNotes(await costOf("v1", "1.0", 192), ["total"])).toEqual([]);
    expect(differingFigureNotes(await costOf("v1", "0.75", 160), ["total"])).toEqual([]);
    expect(differingFigureNotes(await costOf("v1", "1.0", 160, "tf-slim"), ["total"])).toEqual([]);
    expect(differingFigureNotes(await costOf("v1", "1.0", 160), ["share"])).toEqual([]);
    expect(differingFigureNotes(await costOf("v2"), ["total", "share"])).toEqual([]);
  });
  test("tf-slim's table at α 0.75, 192: its note", async () => {
    const notes = differingFigureNotes(await costOf("v1", "0.75", 192, "tf-slim"), ["total"]);
    expect(notes.map((n) => n.split(" is ")[0])).toEqual(["MobileNet_v1_0.75_192 Million MACs"]);
  });
});
