import type * as React from "react";
import {
  createElement,
  DefaultButton,
  FocusZone,
  FocusZoneDirection,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "./platform";
import { tileRecords } from "../journey/recordReferences";
import { outlineEntries, type ParsedDefinition } from "../journey/workflowDefinition";
import type { Severity } from "../journey/types";
import { SEVERITIES, type SeverityCounts } from "./validationGroups";
import { RecordLinks, type RecordAccess } from "./RecordLink";
import { severityCount } from "./reportText";
import { tileTypeLabel, type Localise } from "./strings";
import { classes, TONES, type Tone } from "./styles";

export interface JourneyOutlineProps {
  definition: ParsedDefinition;
  countsByTile: ReadonlyMap<string, SeverityCounts>;
  selectedId: string | null;
  onSelect(activityId: string | null): void;
  records: RecordAccess;
  localise: Localise;
}

/** Deeper levels stop indenting and say their level instead, so a long chain stays readable in a narrow column. */
const INDENTED_LEVELS = 8;
/** Rows rendered at once, and added by "Show earlier" or "Show more": a 20,000-tile journey opens as fast as a 500-tile one. */
const ROWS_PER_PAGE = 500;

const BADGE_COLOURS: Readonly<Record<Severity, Tone>> = {
  Error: TONES.strongError,
  Warning: TONES.warning,
  Valid: TONES.info,
};

/**
 * The tiles as one flat list in journey order, indented by level: nesting lists as deep as the journey
 * would nest the DOM as deep, which a browser cannot lay out past a few thousand levels.
 */
export const JourneyOutline: React.FC<JourneyOutlineProps> = ({
  definition,
  countsByTile,
  selectedId,
  onSelect,
  records,
  localise,
}) => {
  const entries = useMemo(() => outlineEntries(definition), [definition]);
  const [shownRange, setShownRange] = useState([0, ROWS_PER_PAGE]);
  const selectedRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  const selectedIndex = entries.findIndex(({ tile }) => tile.activityId === selectedId);
  // Within the tiles, which an edit on the form may have made fewer.
  let first = Math.min(shownRange[0], Math.max(0, entries.length - ROWS_PER_PAGE));
  let end = shownRange[1];
  if (selectedIndex >= 0 && (selectedIndex < first || selectedIndex >= end)) {
    // A tile chosen elsewhere (a finding in the panel) is brought into the rows, however far down it is.
    first = Math.max(0, selectedIndex - ROWS_PER_PAGE / 2);
    end = first + ROWS_PER_PAGE;
    setShownRange([first, end]);
  }
  const title = localise("outline.title");
  return (
    <section aria-label={title}>
      <h3 className={classes.heading}>{title}</h3>
      {entries.length === 0 ? (
        <p className={classes.muted}>
          {localise(definition.findings.length > 0 ? "outline.unreadable" : "outline.empty")}
        </p>
      ) : (
        // One tab stop for the whole tree, arrow keys within: a 300-tile journey is not 300 tab presses.
        <FocusZone direction={FocusZoneDirection.vertical}>
          {first > 0 && (
            <DefaultButton onClick={() => setShownRange([Math.max(0, first - ROWS_PER_PAGE), end])}>
              {localise("outline.showEarlier", first)}
            </DefaultButton>
          )}
          <ul className={classes.tree}>
            {entries.slice(first, end).map(({ tile, level }) => {
              const counts = countsByTile.get(tile.activityId);
              const selected = selectedId === tile.activityId;
              return (
                <li
                  key={tile.activityId}
                  aria-level={level + 1}
                  style={{ paddingLeft: Math.min(level, INDENTED_LEVELS) * 16 }}
                >
                  <button
                    type="button"
                    className={classes.selectable}
                    aria-pressed={selected}
                    ref={selected ? selectedRef : undefined}
                    onClick={() => onSelect(selected ? null : tile.activityId)}
                    data-activity-id={tile.activityId}
                  >
                    <span>{tile.name || tile.activityId}</span>
                    <span className={classes.muted}>
                      {localise("outline.tileType", tileTypeLabel(tile.type, localise))}
                    </span>
                    {level >= INDENTED_LEVELS && (
                      <span className={classes.muted}>{localise("outline.level", level + 1)}</span>
                    )}
                    {counts &&
                      SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
                        <span key={severity} className={classes.pill} style={BADGE_COLOURS[severity]}>
                          {severityCount(severity, counts[severity], localise)}
                        </span>
                      ))}
                  </button>
                  <RecordLinks records={tileRecords(tile)} access={records} localise={localise} />
                </li>
              );
            })}
          </ul>
          {end < entries.length && (
            <DefaultButton onClick={() => setShownRange([first, end + ROWS_PER_PAGE])}>
              {localise("outline.showMore", entries.length - end)}
            </DefaultButton>
          )}
        </FocusZone>
      )}
    </section>
  );
};
