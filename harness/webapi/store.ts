import { randomUUID } from "node:crypto";
import { ENTITIES, type EntityDefinition } from "./entities";

export type Row = Record<string, unknown>;

/** Rows per entity set, keyed by lower-case id, as plain JSON (what `--data` writes to disk). */
export type StoreData = Record<string, Row[]>;

/**
 * The emulated org's tables in memory. Every write bumps a global row version (the ETag) and the
 * audit columns; `onChange` lets the server persist after each write.
 */
export class Store {
  private readonly tables = new Map<string, Map<string, Row>>();
  private version = 1000;

  constructor(
    data: StoreData,
    private readonly now: () => Date,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.load(data);
  }

  load(data: StoreData): void {
    this.tables.clear();
    for (const entity of ENTITIES) {
      const table = new Map<string, Row>();
      for (const row of data[entity.setName] ?? []) {
        const id = String(row[entity.primaryId]).toLowerCase();
        const version = typeof row.versionnumber === "number" ? row.versionnumber : ++this.version;
        this.version = Math.max(this.version, version);
        table.set(id, { ...row, [entity.primaryId]: id, versionnumber: version });
      }
      this.tables.set(entity.setName, table);
    }
  }

  toJSON(): StoreData {
    const data: StoreData = {};
    for (const [set, table] of this.tables) data[set] = [...table.values()].map((row) => ({ ...row }));
    return data;
  }

  all(entity: EntityDefinition): Row[] {
    return [...this.table(entity).values()];
  }

  get(entity: EntityDefinition, id: string): Row | undefined {
    return this.table(entity).get(id.toLowerCase());
  }

  insert(entity: EntityDefinition, values: Row, userId: string): Row {
    const id = String(values[entity.primaryId] ?? randomUUID()).toLowerCase();
    const stamp = this.now().toISOString();
    const row: Row = {
      ...values,
      [entity.primaryId]: id,
      createdon: stamp,
      modifiedon: stamp,
      _createdby_value: userId,
      _modifiedby_value: userId,
      versionnumber: ++this.version,
    };
    this.table(entity).set(id, row);
    this.onChange();
    return row;
  }

  update(entity: EntityDefinition, id: string, changes: Row, userId: string): Row {
    const current = this.get(entity, id);
    if (!current) throw new Error(`update of a missing row ${id}`);
    const row: Row = {
      ...current,
      ...changes,
      modifiedon: this.now().toISOString(),
      _modifiedby_value: userId,
      versionnumber: ++this.version,
    };
    this.table(entity).set(id.toLowerCase(), row);
    this.onChange();
    return row;
  }

  remove(entity: EntityDefinition, id: string): void {
    this.table(entity).delete(id.toLowerCase());
    this.onChange();
  }

  private table(entity: EntityDefinition): Map<string, Row> {
    let table = this.tables.get(entity.setName);
    if (!table) {
      table = new Map();
      this.tables.set(entity.setName, table);
    }
    return table;
  }
}

export const etagOf = (row: Row): string => `W/"${String(row.versionnumber)}"`;
