import type * as React from "react";
import {
  ActionButton,
  createElement,
  FocusZone,
  FocusZoneDirection,
  Fragment,
  Icon,
  MessageBar,
  MessageBarType,
  Text,
  useEffect,
  useState,
} from "./platform";
import { describeFault, shortenText } from "../journey/faultCatalogue";
import { entryRecord } from "../journey/recordReferences";
import type { ParsedDefinition } from "../journey/workflowDefinition";
import type { Severity } from "../journey/types";
import { copyText } from "./clipboard";
import { groupFindings, type Finding, type ShownReport } from "./validationGroups";
import { timeAgo, type FormatDateTime } from "./dateFormat";
import { groupTitle, namedEntry, reportAsText, severityLabel, verdictText } from "./reportText";
import { RecordLinks, type RecordAccess } from "./RecordLink";
import { classes } from "./styles";
import type { Localise } from "./strings";

export interface ValidationPanelProps {
  shown: ShownReport | null;
  /** The journey's name, id and status and the org's URL, for Copy details. */
  about: [name: string, id: string, status: string, orgUrl: string];
  formatDateTime: FormatDateTime;
  /** The user's language: the time since the check is told in it. */
  languageId: number;
  now(): Date;
  definition: ParsedDefinition;
  selectedId: string | null;
  onSelect(activityId: string | null): void;
  records: RecordAccess;
  localise: Localise;
}

const ICON_BY_SEVERITY: Readonly<Record<Severity, string>> = {
  Error: "ErrorBadge",
  Warning: "Warning",
  Valid: "Info",
};

/**
 * The severity's icon, labelled in words for screen readers (the icon alone carries no meaning for them);
 * its size and colour come from the stylesheet's class of the severity (cjt-Error, cjt-Warning, cjt-Valid).
 */
function severityIcon(severity: Severity, localise: Localise): React.ReactNode {
  const label = severityLabel(severity, localise);
  // Fluent gives an icon with a title the role img and the title as its accessible name.
  return <Icon iconName={ICON_BY_SEVERITY[severity]} title={label} className={`cjt-${severity}`} />;
}

function findingContent({ entry, sources }: Finding, records: RecordAccess, localise: Localise): React.ReactNode {
  const described = describeFault(namedEntry(entry, records, localise), localise);
  // The short text (arguments cut): a list of findings is no place for an 800 KB argument; Copy details has it whole.
  const { message, hint } = described.short;
  // User text (tile names, the server's arguments) in <bdi>: a direction override in it stops at its end.
  return (
    <>
      {severityIcon(entry.severity, localise)}
      <span className={classes.entryText}>
        <span className={classes.block}>
          <bdi>{message}</bdi>
          {sources.map((source) => (
            <span key={source} className={classes.sourceTag}>
              {localise(`panel.source.${source}`)}
            </span>
          ))}
        </span>
        {hint && (
          <span className={classes.muted}>
            <bdi>{hint}</bdi>
          </span>
        )}
        <span className={classes.muted}>
          <bdi>{localise("panel.code", shortenText(described.code))}</bdi>
        </span>
      </span>
    </>
  );
}

/** Renders again each minute after `iso`, while there is a time of a check to tell. */
function useMinuteTick(iso: string | null | undefined): void {
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), 60_000);
    return () => clearInterval(timer);
  }, [iso]);
}

export const ValidationPanel: React.FC<ValidationPanelProps> = ({
  shown,
  about,
  formatDateTime,
  languageId,
  now,
  definition,
  selectedId,
  onSelect,
  records,
  localise,
}) => {
  // Whether "Copy details" put the text on the clipboard (null: not tried); a new report clears it.
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => setCopied(null), [shown]);
  const checkedAt = shown?.checkedAt;
  useMinuteTick(checkedAt);
  const checkedWhen = formatDateTime(checkedAt);
  const reportText = (report: ShownReport) =>
    reportAsText(report, definition, localise, records, [...about, checkedWhen]);

  return (
    <section aria-label={localise("panel.title")}>
      {shown ? (
        <>
          <div className={classes.verdictRow}>
            <div className={classes.verdictLine}>
              {severityIcon(shown.report.verdict, localise)}
              <span className={classes.verdict} data-testid="verdict">
                {verdictText(shown, localise)}
              </span>
            </div>
            <ActionButton
              iconProps={{ iconName: "Copy" }}
              onClick={async () => setCopied(await copyText(reportText(shown)))}
            >
              {localise("panel.copy.button")}
            </ActionButton>
          </div>
          <span className={classes.muted} title={checkedWhen}>
            {localise(
              `panel.origin.${shown.origin}`,
              checkedAt ? timeAgo(checkedAt, now(), languageId, localise("panel.time.justNow")) : "",
            )}
          </span>
          {copied !== null && (
            <MessageBar
              messageBarType={copied ? MessageBarType.success : MessageBarType.warning}
              onDismiss={() => setCopied(null)}
              dismissButtonAriaLabel={localise("panel.copy.dismiss")}
            >
              {localise(copied ? "panel.copy.done" : "panel.copy.failed")}
              {!copied && (
                <textarea
                  readOnly
                  value={reportText(shown)}
                  aria-label={localise("panel.copy.manual")}
                  className={classes.manualCopy}
                  onFocus={(event) => event.currentTarget.select()}
                />
              )}
            </MessageBar>
          )}
          <FocusZone direction={FocusZoneDirection.vertical}>
            {groupFindings(shown.findings, definition).map((group) => (
              <div key={group.activityId}>
                <h3 className={classes.heading}>
                  <bdi>{groupTitle(group, localise)}</bdi>
                </h3>
                <ul className={classes.list}>
                  {group.findings.map((finding, index) => {
                    const { activityId } = group;
                    const content = findingContent(finding, records, localise);
                    const record = entryRecord(finding.entry);
                    return (
                      <li key={`${finding.entry.fault}-${index}`}>
                        {activityId ? (
                          <button
                            type="button"
                            className={classes.entry}
                            aria-pressed={selectedId === activityId}
                            onClick={() => onSelect(selectedId === activityId ? null : activityId)}
                            data-activity-id={activityId}
                          >
                            {content}
                          </button>
                        ) : (
                          <div className={classes.entry}>{content}</div>
                        )}
                        {record && <RecordLinks records={[record]} access={records} localise={localise} />}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </FocusZone>
        </>
      ) : (
        <Text>{localise("panel.notChecked")}</Text>
      )}
    </section>
  );
};
