import type * as React from "react";
import { createElement, MessageBar, Spinner, SpinnerSize, useEffect, useMemo, useRef, useState } from "./platform";
import type { RecordNames } from "../dataverse/recordNames";
import type { JourneyAction, JourneyActionId } from "../journey/journeyActions";
import { lockedFields } from "../journey/fieldLocks";
import { recurrenceFromRecord } from "../journey/recurrence";
import { parseDefinition } from "../journey/workflowDefinition";
import { ActionBar } from "./ActionBar";
import { ConfirmDialog } from "./ConfirmDialog";
import { JourneyBanners } from "./JourneyBanners";
import { JourneyOutline } from "./JourneyOutline";
import { RecurrencePreview } from "./RecurrencePreview";
import { SetupCheck } from "./SetupCheck";
import { ValidationPanel } from "./ValidationPanel";
import { Privilege, type JourneyControlProps } from "./journeyControlProps";
import { localiserFor, statusLabel } from "./strings";
import { classes, STATUS_TONES, TONES } from "./styles";
import { useJourney } from "./useJourney";
import { countsByTile } from "./validationGroups";

/** Below this width the panel and the outline stack instead of standing side by side. */
const TWO_COLUMN_MIN_WIDTH = 640;

const NO_NAMES: RecordNames = new Map();

/** The privileges actions need, by the name their resx keys use. */
const PRIVILEGES = { create: Privilege.Create, write: Privilege.Write, delete: Privilege.Delete } as const;

export const JourneyView: React.FC<JourneyControlProps> = (props) => {
  const { formatDateTime, isDisabled, allocatedWidth } = props;
  // Made once per language, as `records` once per names: the outline's rows redraw only when what they show changes.
  const localise = useMemo(() => localiserFor(props.getString, props.languageId), [props.getString, props.languageId]);
  const journey = useJourney(props, localise);
  const { snapshot, shown } = journey;
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // Set only once the journey has loaded: the form's current values, else the saved ones.
  const values = snapshot && (journey.values ?? snapshot.record);
  const definitionText = values?.msdyncrm_workflowdefinition;
  const definition = useMemo(() => parseDefinition(definitionText), [definitionText]);
  const tileCounts = useMemo(() => countsByTile(shown?.findings ?? []), [shown]);
  const records = useMemo(
    () => ({ names: journey.names ?? NO_NAMES, open: props.openRecord }),
    [journey.names, props.openRecord],
  );

  const root = useRef<HTMLDivElement>(null);
  const lastRun = useRef<JourneyActionId>();
  /**
   * Puts focus back when it was lost (on the page's body: the focused button went away, or the dialog closed):
   * on the button of the action last run when it is still there, else on the journey's heading.
   */
  const refocus = () => {
    const control = root.current;
    if (control && document.activeElement === document.body)
      (
        control.querySelector<HTMLElement>(`[data-action="${lastRun.current}"]`) ?? control.querySelector("h2")
      )?.focus();
  };
  useEffect(() => {
    if (journey.running) lastRun.current = journey.running;
    else if (lastRun.current) refocus();
    // As an action starts, and once it has ended.
  }, [journey.running]);

  const disabledReason = (action: JourneyAction): string | undefined => {
    if (journey.deleted) return localise("action.disabled.deleted");
    // Copy creates a journey, delete deletes it, the actions that write a status write it.
    const privilege =
      action.id === "copy" ? "create" : action.id === "delete" ? "delete" : action.writesStatus ? "write" : null;
    if (privilege && !props.hasPrivilege(PRIVILEGES[privilege])) {
      return localise(`action.disabled.privilege.${privilege}`);
    }
    // Copy and Delete stay: an Expired journey is inactive, so its form is read-only, and they are all it offers.
    if (isDisabled && action.writesStatus) return localise("action.disabled.readOnly");
    return undefined;
  };

  const endLocked =
    snapshot &&
    values &&
    lockedFields(snapshot.status, values.msdyncrm_startdatetime, props.now()).msdyncrm_enddatetime;
  const fixDisabledReason =
    isDisabled || endLocked ? localise(isDisabled ? "recurrence.readOnly" : "recurrence.locked") : undefined;

  const modifiedOn = formatDateTime(snapshot?.modifiedOn);
  const modifiedBy = snapshot?.modifiedByName;
  const lastChanged = modifiedOn
    ? modifiedBy
      ? localise("header.lastChanged", modifiedBy, modifiedOn)
      : localise("header.lastChangedAt", modifiedOn)
    : "";

  const twoColumns = allocatedWidth <= 0 || allocatedWidth >= TWO_COLUMN_MIN_WIDTH;
  const column = { flex: twoColumns ? "1 1 300px" : "1 1 100%", minWidth: 0 };

  return (
    <div ref={root} className={classes.root} data-status={snapshot?.status ?? ""}>
      <div className={classes.stack}>
        {snapshot && (
          // The header: the journey's name, status badge and last change.
          <div>
            <div className={classes.row}>
              <h2 className={classes.title} tabIndex={-1}>
                {snapshot.record.msdyncrm_name || localise("header.untitled")}
              </h2>
              <span
                className={classes.pill}
                style={STATUS_TONES[snapshot.status] ?? TONES.neutral}
                data-status={snapshot.status}
              >
                {statusLabel(snapshot.status, localise)}
              </span>
              {journey.following && (
                <Spinner size={SpinnerSize.xSmall} label={localise("header.following")} labelPosition="right" />
              )}
            </div>
            {lastChanged && <span className={classes.muted}>{lastChanged}</span>}
          </div>
        )}
        {props.canCustomize && (
          <SetupCheck findBridge={props.findBridge} banners={journey.banners} localise={localise} />
        )}
        {!props.recordId && <MessageBar>{localise("header.notSaved")}</MessageBar>}
        {journey.loading && !snapshot && <Spinner size={SpinnerSize.small} label={localise("header.loading")} />}
        {journey.serverBusy && (
          // Not dismissible: it goes by itself when the retries end.
          <div data-banner="serverBusy">
            <MessageBar>{localise(journey.serverBusy.messageKey, ...journey.serverBusy.args)}</MessageBar>
          </div>
        )}
        <JourneyBanners
          banners={journey.banners}
          openFailed={!!props.recordId && !snapshot && !journey.loading}
          onReload={journey.reload}
          onDismiss={journey.dismiss}
          onCheckAgain={journey.checkAgain}
          localise={localise}
        />
        {snapshot && (
          <ActionBar
            snapshot={snapshot}
            allowedTransitions={props.allowedTransitions}
            running={journey.running}
            disabledReason={disabledReason}
            onRun={journey.run}
            localise={localise}
          />
        )}
        <div className={classes.columns}>
          <div style={column}>
            <ValidationPanel
              shown={shown}
              about={[
                snapshot?.record.msdyncrm_name || "",
                props.recordId,
                snapshot ? statusLabel(snapshot.status, localise) : "",
                props.orgUrl,
              ]}
              formatDateTime={formatDateTime}
              languageId={props.languageId}
              now={props.now}
              definition={definition}
              selectedId={selectedId}
              onSelect={setSelectedId}
              records={records}
              localise={localise}
            />
          </div>
          {values && (
            <div className={classes.stack} style={column}>
              <JourneyOutline
                definition={definition}
                countsByTile={tileCounts}
                selectedId={selectedId}
                onSelect={setSelectedId}
                records={records}
                localise={localise}
              />
              <RecurrencePreview
                values={recurrenceFromRecord(values)}
                formatDateTime={formatDateTime}
                onFitEnd={journey.fitEnd}
                fixDisabledReason={fixDisabledReason}
                localise={localise}
              />
            </div>
          )}
        </div>
      </div>
      <ConfirmDialog request={journey.confirm} onAnswer={journey.answer} onDismissed={refocus} localise={localise} />
      {/* Announces politely to screen readers; the same text again is announced again (keyed by its sequence). */}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={classes.visuallyHidden}
        data-testid="live-region"
      >
        <span key={journey.announcement?.sequence}>{journey.announcement?.message}</span>
      </div>
    </div>
  );
};
