import type * as React from "react";
import type { RecordNames } from "../dataverse/recordNames";
import type { RecordRef } from "../journey/recordReferences";
import { createElement, Link } from "./platform";
import type { Localise } from "./strings";
import { classes } from "./styles";

/** The names known of the records that findings and tiles refer to, and the way to open one (context.navigation.openForm). */
export interface RecordAccess {
  names: RecordNames;
  open(table: string, id: string): void;
}

/** A record as the user reads it: its name; else its id, marked with why there is no name (unmarked while it is looked up). */
export function recordText({ id }: RecordRef, { names }: RecordAccess, localise: Localise): string {
  const known = names.get(id);
  return !known ? id : "name" in known ? known.name || id : localise(`record.${known.missing}`, id);
}

export interface RecordLinksProps {
  records: readonly RecordRef[];
  access: RecordAccess;
  localise: Localise;
}

/**
 * The records, each a link that opens it; one known to be missing or out of reach (not found, no access) as its
 * marked id, since its form would not open. Names are user text: each in <bdi>.
 */
export const RecordLinks: React.FC<RecordLinksProps> = ({ records, access, localise }) =>
  records.length > 0 ? (
    <span className={classes.recordLinks}>
      {records.map((record) => {
        const known = access.names.get(record.id);
        const text = <bdi key={record.id}>{recordText(record, access, localise)}</bdi>;
        return known && "missing" in known && known.missing !== "failed" ? (
          text
        ) : (
          <Link key={record.id} onClick={() => access.open(record.table, record.id)}>
            {text}
          </Link>
        );
      })}
    </span>
  ) : null;
