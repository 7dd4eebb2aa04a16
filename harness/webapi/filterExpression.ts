import { badRequest } from "./errors";

/** The `$filter` subset the emulated org understands: comparisons on columns joined by and/or/not, and a few string functions. */
export type FilterNode =
  | { kind: "compare"; op: "eq" | "ne" | "gt" | "lt" | "ge" | "le"; column: string; value: Literal }
  | { kind: "logical"; op: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "function"; name: "contains" | "startswith" | "endswith"; column: string; value: string };

export type Literal = string | number | boolean | null;

type Token =
  | { type: "ident"; text: string; at: number }
  | { type: "string"; text: string; at: number }
  | { type: "number"; value: number; at: number }
  | { type: "raw"; text: string; at: number } // guid or datetime literal
  | { type: "punct"; text: "(" | ")" | ","; at: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ type: "punct", text: ch, at: i });
      i++;
      continue;
    }
    if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(text, i, "unterminated string literal");
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push({ type: "string", text: value, at: i });
      i = j + 1;
      continue;
    }
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ type: "raw", text: guid[0].toLowerCase(), at: i });
      i += guid[0].length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime && datetime[0].length > 4) {
      tokens.push({ type: "raw", text: datetime[0], at: i });
      i += datetime[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: "number", value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      tokens.push({ type: "ident", text: ident[0], at: i });
      i += ident[0].length;
      continue;
    }
    throw syntaxError(text, i, `unexpected character '${ch}'`);
  }
  return tokens;
}

function syntaxError(text: string, at: number, what: string) {
  return badRequest(`Syntax error at position ${at} in '${text}': ${what}.`);
}

/**
 * How deep parentheses and `not` may nest (*inferred*: OData's parser refuses past its recursion
 * limit, which it reaches at about this many parentheses; Dataverse does not document its own).
 */
const MAX_NESTING = 100;

const COMPARISONS = new Set(["eq", "ne", "gt", "lt", "ge", "le"]);
const FUNCTIONS = new Set(["contains", "startswith", "endswith"]);

/** Parses a `$filter` value; throws a Dataverse 400 error on anything it does not understand. */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    throw syntaxError(text, peek()?.at ?? text.length, what);
  };
  const isKeyword = (word: string) => {
    const t = peek();
    return t?.type === "ident" && t.text.toLowerCase() === word;
  };
  const expectPunct = (p: string) => {
    const t = peek();
    if (t?.type !== "punct" || t.text !== p) fail(`expected '${p}'`);
    pos++;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isKeyword("or")) {
      pos++;
      left = { kind: "logical", op: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isKeyword("and")) {
      pos++;
      left = { kind: "logical", op: "and", left, right: parseUnary() };
    }
    return left;
  };
  let depth = 0;
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_NESTING) throw badRequest("The recursion limit has been exceeded.");
    const node = parse();
    depth--;
    return node;
  };
  const parseUnary = (): FilterNode => {
    if (isKeyword("not")) {
      pos++;
      return { kind: "not", operand: nested(parseUnary) };
    }
    const t = peek();
    if (t?.type === "punct" && t.text === "(") {
      pos++;
      const inner = nested(parseOr);
      expectPunct(")");
      return inner;
    }
    if (t?.type === "ident" && FUNCTIONS.has(t.text.toLowerCase()) && tokens[pos + 1]?.type === "punct") {
      pos++;
      expectPunct("(");
      const column = peek();
      if (column?.type !== "ident") return fail("expected a column name");
      pos++;
      expectPunct(",");
      const value = peek();
      if (value?.type !== "string") return fail("expected a string literal");
      pos++;
      expectPunct(")");
      return { kind: "function", name: t.text.toLowerCase() as "contains", column: column.text, value: value.text };
    }
    return parseComparison();
  };
  const parseComparison = (): FilterNode => {
    const column = peek();
    if (column?.type !== "ident") return fail("expected a column name");
    pos++;
    const op = peek();
    if (op?.type !== "ident" || !COMPARISONS.has(op.text.toLowerCase()))
      return fail("expected a comparison operator (eq, ne, gt, lt, ge, le)");
    pos++;
    return { kind: "compare", op: op.text.toLowerCase() as "eq", column: column.text, value: parseLiteral() };
  };
  const parseLiteral = (): Literal => {
    const t = peek();
    if (!t) return fail("expected a value");
    pos++;
    switch (t.type) {
      case "string":
      case "raw":
        return t.text;
      case "number":
        return t.value;
      case "ident": {
        const word = t.text.toLowerCase();
        if (word === "null") return null;
        if (word === "true") return true;
        if (word === "false") return false;
        return fail(`'${t.text}' is not a value`);
      }
      default:
        return fail("expected a value");
    }
  };

  if (tokens.length === 0) fail("empty filter");
  const node = parseOr();
  if (pos < tokens.length) fail("unexpected text after the expression");
  return node;
}

/** Column names a filter mentions (to check them against the table). */
export function filterColumns(node: FilterNode): string[] {
  switch (node.kind) {
    case "compare":
    case "function":
      return [node.column];
    case "logical":
      return [...filterColumns(node.left), ...filterColumns(node.right)];
    case "not":
      return filterColumns(node.operand);
  }
}

/** Orders two column values the way Dataverse compares them: numbers numerically, dates by instant, text and GUIDs case-insensitively. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") {
    if (DATETIME.test(a) && DATETIME.test(b) && !GUID.test(a)) {
      const ta = Date.parse(a);
      const tb = Date.parse(b);
      if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
    }
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  return String(a).localeCompare(String(b));
}

export function matchesFilter(row: Record<string, unknown>, node: FilterNode): boolean {
  switch (node.kind) {
    case "logical":
      return node.op === "and"
        ? matchesFilter(row, node.left) && matchesFilter(row, node.right)
        : matchesFilter(row, node.left) || matchesFilter(row, node.right);
    case "not":
      return !matchesFilter(row, node.operand);
    case "function": {
      const value = row[node.column];
      if (typeof value !== "string") return false;
      const haystack = value.toLowerCase();
      const needle = node.value.toLowerCase();
      if (node.name === "contains") return haystack.includes(needle);
      if (node.name === "startswith") return haystack.startsWith(needle);
      return haystack.endsWith(needle);
    }
    case "compare": {
      const value = row[node.column] ?? null;
      if (node.value === null || value === null) {
        const bothNull = node.value === null && value === null;
        if (node.op === "eq") return bothNull;
        if (node.op === "ne") return !bothNull;
        return false;
      }
      const order = compareValues(value, node.value);
      switch (node.op) {
        case "eq":
          return order === 0;
        case "ne":
          return order !== 0;
        case "gt":
          return order > 0;
        case "lt":
          return order < 0;
        case "ge":
          return order >= 0;
        case "le":
          return order <= 0;
      }
    }
  }
  return false;
}
