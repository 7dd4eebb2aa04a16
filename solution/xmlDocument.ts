import { parseStringPromise } from "xml2js";
import { SolutionInputError } from "./solutionInputError";

/** An element as xml2js gives it: attributes under "$", text under "_", children as arrays by name. */
export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

/** Parses XML text (a leading byte order mark is allowed); returns the root element and its name. */
export async function parseXml(text: string, source: string): Promise<{ name: string; root: XmlElement }> {
  let parsed: Record<string, XmlElement> | null;
  try {
    parsed = await parseStringPromise(text.replace(/^\ufeff/, ""), { explicitArray: true, explicitCharkey: false });
  } catch (error) {
    throw new SolutionInputError(`${source} is not well-formed XML`, [(error as Error).message.split("\n")[0]]);
  }
  const [name] = Object.keys(parsed ?? {});
  if (!parsed || !name) throw new SolutionInputError(`${source} is not well-formed XML`, ["the document is empty"]);
  const root = parsed[name];
  return { name, root: typeof root === "object" && root !== null ? root : {} };
}

/** Child elements of the given name (empty elements come back as ""; they are returned as {}). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((child) =>
    typeof child === "object" && child !== null ? (child as XmlElement) : { _: String(child) },
  );
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.$?.[name];
}

/** Text of the first child of that name, trimmed; undefined when absent. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const [child] = children(element, name);
  if (!child) return undefined;
  return (child._ ?? "").trim();
}
