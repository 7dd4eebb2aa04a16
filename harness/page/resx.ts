const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity]);
}

/** The `<data name="..."><value>...</value></data>` strings of a .resx file, as PCF's resources.getString sees them. */
export function readResxStrings(xml: string): Record<string, string> {
  const strings: Record<string, string> = {};
  const data = /<data\s+[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/data>/g;
  for (let match = data.exec(xml); match; match = data.exec(xml)) {
    const value = /<value>([\s\S]*?)<\/value>/.exec(match[2]);
    strings[decodeXml(match[1])] = value ? decodeXml(value[1]) : "";
  }
  return strings;
}
