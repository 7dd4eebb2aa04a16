import type * as React from "react";
import { createElement, FocusZone, FocusZoneDirection, useEffect, useRef } from "./platform";
import type { ParsedDefinition, Tile } from "../journey/workflowDefinition";
import type { Severity } from "../journey/types";
import { SEVERITIES, type SeverityCounts } from "./validationGroups";
import { severityCount } from "./reportText";
import type { Localise } from "./strings";
import { classes, TONES, type Tone } from "./styles";

export interface JourneyOutlineProps {
  definition: ParsedDefinition;
  countsByTile: ReadonlyMap<string, SeverityCounts>;
  selectedActivityId: string | null;
  onSelectActivity(activityId: string | null): void;
  localise: Localise;
}

const ROOT_TYPE = "bpf_root";

/** Deeper levels stop indenting, so a long chain of tiles stays readable in a narrow column. */
const INDENTED_LEVELS = 6;

const BADGE_COLOURS: Readonly<Record<Severity, Tone>> = {
  Error: TONES.strongError,
  Warning: TONES.warning,
  Valid: TONES.info,
};

/** The tiles a user sees: the hidden root's children (or the tile itself when it is not the root). */
function visibleTops(definition: ParsedDefinition): Tile[] {
  const reachable = new Set<string>();
  const mark = (tile: Tile) => {
    reachable.add(tile.activityId);
    tile.children.forEach(mark);
  };
  const tops: Tile[] = [];
  for (const tile of definition.tiles) {
    if (reachable.has(tile.activityId)) continue;
    mark(tile);
    if (tile.type === ROOT_TYPE) tops.push(...tile.children);
    else tops.push(tile);
  }
  return tops;
}

export const JourneyOutline: React.FC<JourneyOutlineProps> = ({
  definition,
  countsByTile,
  selectedActivityId,
  onSelectActivity,
  localise,
}) => {
  const selectedRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [selectedActivityId]);

  const renderTile = (tile: Tile, path: Set<string>): React.ReactNode => {
    if (path.has(tile.activityId)) return null;
    const counts = countsByTile.get(tile.activityId);
    const selected = selectedActivityId === tile.activityId;
    const children = tile.children.filter((child) => child.type !== ROOT_TYPE);
    const nextPath = new Set(path).add(tile.activityId);
    return (
      <li key={tile.activityId}>
        <button
          type="button"
          className={classes.selectable}
          aria-pressed={selected}
          ref={selected ? selectedRef : undefined}
          onClick={() => onSelectActivity(selected ? null : tile.activityId)}
          data-activity-id={tile.activityId}
        >
          <span>{tile.name || tile.activityId}</span>
          <span className={classes.muted}>{localise("outline.tileType", tile.type)}</span>
          {counts &&
            SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
              <span key={severity} className={classes.pill} style={BADGE_COLOURS[severity]}>
                {severityCount(severity, counts[severity], localise)}
              </span>
            ))}
        </button>
        {children.length > 0 && (
          <ul className={path.size < INDENTED_LEVELS ? classes.subtree : classes.list}>
            {children.map((child) => renderTile(child, nextPath))}
          </ul>
        )}
      </li>
    );
  };

  const tops = visibleTops(definition);
  const title = localise("outline.title");
  return (
    <section aria-label={title}>
      <h3 className={classes.heading}>{title}</h3>
      {tops.length === 0 ? (
        <p className={classes.muted}>
          {localise(definition.findings.length > 0 ? "outline.unreadable" : "outline.empty")}
        </p>
      ) : (
        // One tab stop for the whole tree, arrow keys within: a 300-tile journey is not 300 tab presses.
        <FocusZone direction={FocusZoneDirection.vertical}>
          <ul className={classes.tree}>{tops.map((tile) => renderTile(tile, new Set()))}</ul>
        </FocusZone>
      )}
    </section>
  );
};
