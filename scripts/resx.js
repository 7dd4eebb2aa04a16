// The one reader of .resx files: the form script's build (webpack.form.config.js), the harness and the tests
// all read the strings through it. Plain CommonJS without dependencies, so that webpack's config, tsx, esbuild
// (the harness page) and jest load it as it is; scripts/resx.d.ts types it.

const NAMED_ENTITIES = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
/** An entity or character reference; decoded in one pass, so "&amp;lt;" gives "&lt;", not "<". */
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|quot|apos|amp));/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

function decodeReferences(text) {
  return text.replace(REFERENCE, (reference, hex, decimal, name) => {
    if (name) return NAMED_ENTITIES[name];
    const codePoint = hex ? Number.parseInt(hex, 16) : Number(decimal);
    // A reference to no character is kept as written rather than lost.
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
  });
}

/** An element's text content: references decoded, CDATA sections taken as they are. */
function textContent(xml) {
  let text = "";
  let end = 0;
  for (const section of xml.matchAll(CDATA)) {
    text += decodeReferences(xml.slice(end, section.index)) + section[1];
    end = section.index + section[0].length;
  }
  return text + decodeReferences(xml.slice(end));
}

/**
 * The strings of a .resx document: each `<data name="…">`'s `<value>` ("" when it has none), with every
 * XML reference decoded (the five named entities, `&#233;` and `&#x00E9;`) and CDATA sections kept as written.
 */
function readResxStrings(xml) {
  const strings = {};
  const data = /<data\b([^>]*?)(?:\/>|>([\s\S]*?)<\/data>)/g;
  for (const [, attributes, content = ""] of xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(data)) {
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
    if (!name) continue;
    const value = /<value(?:\s[^>]*)?>([\s\S]*?)<\/value>/.exec(content);
    strings[decodeReferences(name[1] ?? name[2])] = value ? textContent(value[1]) : "";
  }
  return strings;
}

module.exports = { readResxStrings };
