import { expect } from "vitest";

/** An element of a parsed report: tag, attributes, children and text. */
export interface Element {
  tagName: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const VOID = new Set(["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "source", "wbr"]);
const TOKEN = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([\w:-]+)(?:="([^"]*)")?/g;
const ENTITY = /&(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;

/**
 * Parse the markup the CLI writes, strictly: every element closed in order, attributes quoted,
 * no stray `<` or `&` in text. Fails the test at the first problem.
 */
export function parseStrict(html: string): Element[] {
  const root: Element = { tagName: "#root", attrs: {}, children: [], text: "" };
  const stack: Element[] = [root];
  const all: Element[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const [, closing, opening, attributes, selfClosing, text, stray] = match;
    const current = stack[stack.length - 1] as Element;
    if (stray !== undefined) expect.fail(`A stray "<" at offset ${match.index}`);
    if (text !== undefined) {
      expect(text.replace(ENTITY, "").includes("&"), `an unescaped & near offset ${match.index}`).toBe(false);
      for (const element of stack) element.text += text;
    } else if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const attribute of (attributes ?? "").matchAll(ATTRIBUTE)) attrs[attribute[1] as string] = attribute[2] ?? "";
      const element: Element = { tagName: opening.toLowerCase(), attrs, children: [], text: "" };
      current.children.push(element);
      all.push(element);
      if (selfClosing !== "/" && !VOID.has(element.tagName)) stack.push(element);
    } else if (closing !== undefined) {
      expect(current.tagName, `closing </${closing}> at offset ${match.index}`).toBe(closing.toLowerCase());
      stack.pop();
    }
  }
  expect(stack.map((element) => element.tagName)).toEqual(["#root"]);
  return all;
}

const byId = (elements: readonly Element[], id: string): Element | undefined => elements.find((element) => element.attrs.id === id);

/**
 * Checks every report must pass: one h1, titled, a Content-Security-Policy that allows no script
 * and no remote loads, accessible charts with tables, tables in keyboard-reachable regions named
 * by their captions, nothing external, no label shortened with an ellipsis, no doubled punctuation.
 */
export function checkReport(html: string): { svgs: Element[]; charts: Element[]; tables: Element[]; elements: Element[] } {
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  const elements = parseStrict(html);
  const byTag = (tag: string) => elements.filter((element) => element.tagName === tag);
  expect(byTag("html")[0]?.attrs.lang).toBe("en-GB");
  expect(byTag("h1")).toHaveLength(1);
  expect(byTag("title")[0]?.text.trim()).not.toBe("");
  expect(byTag("script")).toHaveLength(0);
  expect(byTag("link")).toHaveLength(0);
  const policy = byTag("meta").find((element) => element.attrs["http-equiv"] === "Content-Security-Policy")?.attrs.content ?? "";
  expect(policy, "Content-Security-Policy meta").toMatch(/(^|; )default-src 'none'(;|$)/);
  expect(policy).not.toMatch(/script-src|https?:|\*|'unsafe-eval'/);
  expect(byTag("head")[0]?.children.findIndex((element) => element.attrs["http-equiv"] === "Content-Security-Policy")).toBeLessThan(2);
  for (const element of elements) for (const name of ["src", "href"]) expect(element.attrs[name], `${element.tagName} ${name}`).toBeUndefined();
  expect(html).not.toMatch(/url\(|@import/);
  const text = byTag("body")[0]?.text ?? "";
  expect(text, "a label was shortened").not.toContain("…");
  // The fault this guards against: a sentence run into a label, as in "...with the dog.: Ask".
  expect(text.match(/[.!?]:\s/g), "doubled punctuation").toBeNull();
  const svgs = byTag("svg").filter((svg) => svg.attrs.role === "img");
  for (const svg of byTag("svg")) if (svg.attrs.role !== "img") expect(svg.attrs["aria-hidden"], "a decorative svg is hidden").toBe("true");
  for (const svg of svgs) {
    const [titleId, descId] = (svg.attrs["aria-labelledby"] ?? "").split(" ");
    expect(svg.children[0]?.tagName).toBe("title");
    expect(svg.children[0]?.attrs.id).toBe(titleId);
    expect(svg.children[1]?.tagName).toBe("desc");
    expect(svg.children[1]?.attrs.id).toBe(descId);
    expect(svg.children[1]?.text.length).toBeGreaterThan(10);
  }
  const charts = elements.filter((element) => element.attrs.role === "img");
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    const ids = (chart.attrs["aria-labelledby"] ?? "").split(" ").filter((id) => id !== "");
    expect(ids, `${chart.tagName} is labelled`).toHaveLength(2);
    for (const id of ids) expect(byId(elements, id)?.text.trim().length ?? 0, `#${id} has text`).toBeGreaterThan(0);
    expect(byId(elements, ids[1] as string)?.text.length).toBeGreaterThan(10);
  }
  const tables = byTag("table");
  expect(tables.length).toBeGreaterThanOrEqual(charts.length);
  const regions = elements.filter((element) => element.tagName === "div" && element.attrs.class === "table");
  expect(regions).toHaveLength(tables.length);
  for (const region of regions) {
    const table = region.children[0];
    expect(table?.tagName).toBe("table");
    expect(table?.children[0]?.tagName).toBe("caption");
    expect(region.attrs).toMatchObject({ role: "region", tabindex: "0", "aria-labelledby": table?.children[0]?.attrs.id });
  }
  const ids = elements.map((element) => element.attrs.id).filter((id) => id !== undefined);
  expect(new Set(ids).size, "ids are unique").toBe(ids.length);
  return { svgs, charts, tables, elements };
}
