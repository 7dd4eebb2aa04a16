/**
 * The strings of a .resx document: each `<data name="…">`'s `<value>` ("" when it has none), with every
 * XML reference decoded (the five named entities, `&#233;` and `&#x00E9;`) and CDATA sections kept as written.
 */
export function readResxStrings(xml: string): Record<string, string>;
