import type * as React from "react";
import {
  createElement,
  DefaultButton,
  FocusZone,
  FocusZoneDirection,
  memo,
  SearchBox,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "./platform";
import { tileRecords } from "../journey/recordReferences";
import { outlineEntries, type OutlineEntry, type ParsedDefinition } from "../journey/workflowDefinition";
import { SEVERITIES, type SeverityCounts } from "./validationGroups";
import { RecordLinks, type RecordAccess } from "./RecordLink";
import { severityCount } from "./reportText";
import { tileTypeLabel, type Localise } from "./strings";
import { classes } from "./styles";

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
/** Fewer tiles than this are read at a glance: no filter box. */
const FILTER_FROM = 50;

/** The row's name: a splitter branch without a name of its own goes by its number. */
const rowName = ({ tile, branch }: OutlineEntry, localise: Localise) =>
  typeof branch === "number" && tile.name === tile.type
    ? localise("outline.branch", branch)
    : tile.name || tile.activityId;

interface OutlineRowProps {
  entry: OutlineEntry;
  counts: SeverityCounts | undefined;
  selected: boolean;
  /** Whether its subtree is open; undefined for a tile without a toggle (no children shown, or filtering). */
  expanded: boolean | undefined;
  buttonRef: React.Ref<HTMLButtonElement> | undefined;
  onToggle(activityId: string): void;
  onSelect(activityId: string | null): void;
  records: RecordAccess;
  localise: Localise;
}

/** One tile of the outline; drawn again only when what it shows changes, so a change elsewhere on the form does not redraw 300 rows. */
const OutlineRow = memo(function OutlineRow({
  entry,
  counts,
  selected,
  expanded,
  buttonRef,
  onToggle,
  onSelect,
  records,
  localise,
}: OutlineRowProps) {
  const { tile, level, branch } = entry;
  const id = tile.activityId;
  const name = rowName(entry, localise);
  return (
    <li aria-level={level + 1} style={{ paddingLeft: Math.min(level, INDENTED_LEVELS) * 16 }}>
      {expanded !== undefined && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-label={localise("outline.toggle", name)}
          onClick={() => onToggle(id)}
        >
          {expanded ? "▾" : "▸"}
        </button>
      )}
      <button
        type="button"
        className={classes.selectable}
        aria-pressed={selected}
        ref={buttonRef}
        onClick={() => onSelect(selected ? null : id)}
        data-activity-id={id}
      >
        {typeof branch === "string" && <b>{localise(`outline.${branch}`)}</b>}
        <span>{name}</span>
        <span className={classes.muted}>{localise("outline.tileType", tileTypeLabel(tile.type, localise))}</span>
        {level >= INDENTED_LEVELS && <span className={classes.muted}>{localise("outline.level", level + 1)}</span>}
        {counts &&
          SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
            // Coloured by severity in JourneyControl.css (cjt-count-Error, …).
            <span key={severity} className={`${classes.pill} cjt-count-${severity}`}>
              {severityCount(severity, counts[severity], localise)}
            </span>
          ))}
      </button>
      <RecordLinks records={tileRecords(tile)} access={records} localise={localise} />
    </li>
  );
});

/**
 * The tiles as one flat list in journey order, indented by level: nesting lists as deep as the journey
 * would nest the DOM as deep, which a browser cannot lay out past a few thousand levels. A subtree
 * collapses under its toggle; from FILTER_FROM tiles a filter shows the matching tiles under their ancestors,
 * so that each match keeps the path (and the yes/no branch) that leads to it.
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
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const chosen = entries.find(({ tile }) => tile.activityId === selectedId);
  const filterable = entries.length >= FILTER_FROM;
  const search = filterable ? query.trim().toLowerCase() : "";
  const filtering = search !== "";
  // Each tile's name and type word, read once per definition and language: a keystroke only compares.
  const searchTexts = useMemo(
    () =>
      filtering
        ? entries.map((entry) =>
            `${rowName(entry, localise)} ${tileTypeLabel(entry.tile.type, localise)}`.toLowerCase(),
          )
        : [],
    [entries, filtering, localise],
  );
  const rows = useMemo(() => {
    const shown: OutlineEntry[] = [];
    if (filtering) {
      const kept = new Set<OutlineEntry | undefined>();
      entries.forEach((entry, i) => {
        // The selected tile stays in view, so that a finding chosen in the panel still finds its tile.
        if (!searchTexts[i].includes(search) && entry !== chosen) return;
        for (let up: OutlineEntry | undefined = entry; !kept.has(up); up = up?.parent) kept.add(up);
      });
      return entries.filter((entry) => kept.has(entry));
    }
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      shown.push(entry);
      if (collapsed.has(entry.tile.activityId)) while ((entries[i + 1]?.level ?? -1) > entry.level) i++;
    }
    return shown;
  }, [entries, filtering, searchTexts, search, chosen, collapsed]);
  const [shownRange, setShownRange] = useState([0, ROWS_PER_PAGE]);
  const selectedRef = useRef<HTMLButtonElement | null>(null);
  const toggle = useCallback(
    (id: string) =>
      setCollapsed((shut) => {
        const next = new Set(shut);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  if (selectedId !== revealedId) {
    // A tile chosen elsewhere (a finding in the panel) opens the subtrees it is in.
    setRevealedId(selectedId);
    const opened = new Set(collapsed);
    for (let up = chosen?.parent; up; up = up.parent) opened.delete(up.tile.activityId);
    setCollapsed(opened);
  }
  const selectedIndex = chosen ? rows.indexOf(chosen) : -1;
  // Within the rows, which an edit on the form, a collapse or the filter may have made fewer.
  let first = Math.min(shownRange[0], Math.max(0, rows.length - ROWS_PER_PAGE));
  let end = shownRange[1];
  if (selectedIndex >= 0 && (selectedIndex < first || selectedIndex >= end)) {
    // A tile chosen elsewhere is brought into the rows, however far down it is.
    first = Math.max(0, selectedIndex - ROWS_PER_PAGE / 2);
    end = first + ROWS_PER_PAGE;
    setShownRange([first, end]);
  }
  const title = localise("outline.title");
  return (
    <section aria-label={title}>
      <h3 className={classes.heading}>{title}</h3>
      {filterable && (
        <SearchBox placeholder={localise("outline.filter")} onChange={(_, value) => setQuery(value ?? "")} />
      )}
      {entries.length === 0 || rows.length === 0 ? (
        <p className={classes.muted}>
          {localise(
            entries.length > 0
              ? "outline.noMatch"
              : definition.findings.length > 0
                ? "outline.unreadable"
                : "outline.empty",
          )}
        </p>
      ) : (
        // One tab stop for the whole tree, arrow keys within: a 300-tile journey is not 300 tab presses.
        <FocusZone direction={FocusZoneDirection.bidirectional}>
          {first > 0 && (
            <DefaultButton onClick={() => setShownRange([Math.max(0, first - ROWS_PER_PAGE), end])}>
              {localise("outline.showEarlier", first)}
            </DefaultButton>
          )}
          <ul className={classes.tree}>
            {rows.slice(first, end).map((entry, i) => {
              const id = entry.tile.activityId;
              const shut = collapsed.has(id);
              const selected = selectedId === id;
              return (
                <OutlineRow
                  key={id}
                  entry={entry}
                  counts={countsByTile.get(id)}
                  selected={selected}
                  // A toggle on tiles with children: collapsed, or with the next row under it.
                  expanded={filtering || !(shut || rows[first + i + 1]?.parent === entry) ? undefined : !shut}
                  buttonRef={selected ? selectedRef : undefined}
                  onToggle={toggle}
                  onSelect={onSelect}
                  records={records}
                  localise={localise}
                />
              );
            })}
          </ul>
          {end < rows.length && (
            <DefaultButton onClick={() => setShownRange([first, end + ROWS_PER_PAGE])}>
              {localise("outline.showMore", rows.length - end)}
            </DefaultButton>
          )}
        </FocusZone>
      )}
    </section>
  );
};
