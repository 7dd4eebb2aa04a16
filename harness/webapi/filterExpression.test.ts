import fc from "fast-check";
import { DataverseError } from "./errors";
import { filterColumns, matchesFilter, parseFilter, type FilterNode } from "./filterExpression";

describe("$filter parsing", () => {
  test("any text either parses or is refused with a Dataverse 400, never another exception", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          parseFilter(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DataverseError);
          expect((error as DataverseError).status).toBe(400);
        }
      }),
    );
  });

  const column = fc.constantFrom("statuscode", "msdyncrm_name", "msdyncrm_recurrencecount");
  const comparison = fc.record({
    column,
    op: fc.constantFrom("eq", "ne", "gt", "lt", "ge", "le"),
    value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("'a'", "'b''c'", "null")),
  });
  const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      comparison.map((c) => `${c.column} ${c.op} ${String(c.value)}`),
      fc.tuple(tie("expr"), fc.constantFrom("and", "or"), tie("expr")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
      tie("expr").map((inner) => `not (${inner})`),
    ),
  })).expr;

  test("generated expressions parse, name only their columns, and not(x) is the complement of x", () => {
    const rows = [
      { statuscode: 1, msdyncrm_name: "a", msdyncrm_recurrencecount: null },
      { statuscode: -3, msdyncrm_name: "b'c", msdyncrm_recurrencecount: 4 },
      { statuscode: 5, msdyncrm_name: null, msdyncrm_recurrencecount: 0 },
    ];
    fc.assert(
      fc.property(expression, (text) => {
        const node = parseFilter(text);
        for (const name of filterColumns(node))
          expect(["statuscode", "msdyncrm_name", "msdyncrm_recurrencecount"]).toContain(name);
        const negated: FilterNode = { kind: "not", operand: node };
        for (const row of rows) expect(matchesFilter(row, negated)).toBe(!matchesFilter(row, node));
      }),
    );
  });

  test("and binds tighter than or; strings unescape doubled quotes; GUIDs and dates compare by value", () => {
    const row = {
      a: 1,
      b: 2,
      c: 3,
      name: "O'Brien",
      id: "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc",
      end: "2019-03-09T11:29:00Z",
    };
    expect(matchesFilter(row, parseFilter("a eq 9 and b eq 9 or c eq 3"))).toBe(true);
    expect(matchesFilter(row, parseFilter("a eq 9 and (b eq 9 or c eq 3)"))).toBe(false);
    expect(matchesFilter(row, parseFilter("name eq 'o''brien'"))).toBe(true);
    expect(matchesFilter(row, parseFilter("id eq 8AEE9D91-8C2B-E911-A9B7-000D3A1E6ADC"))).toBe(true);
    expect(matchesFilter(row, parseFilter("end lt 2019-03-09T12:00:00.000Z and end gt 2019-03-09"))).toBe(true);
    expect(matchesFilter(row, parseFilter("contains(name,'bri') and startswith(name,'o''')"))).toBe(true);
  });
});
