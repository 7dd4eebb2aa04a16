/** @jsx createElement */
import * as React from "react";
import { MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, mergeStyles } from "@fluentui/react";
import { actionsFor, type JourneyAction } from "../journey/journeyActions";
import { lockedFields } from "../journey/fieldLocks";
import { recurrenceFromRecord } from "../journey/recurrence";
import { parseDefinition } from "../journey/workflowDefinition";
import { ActionBar } from "./ActionBar";
import { ConfirmDialog } from "./ConfirmDialog";
import { JourneyBanners } from "./JourneyBanners";
import { JourneyHeader } from "./JourneyHeader";
import { JourneyOutline } from "./JourneyOutline";
import { LiveRegion } from "./LiveRegion";
import { RecurrencePreview } from "./RecurrencePreview";
import { ValidationPanel } from "./ValidationPanel";
import { Privilege, type JourneyControlProps } from "./journeyControlProps";
import { localise } from "./strings";
import { classes } from "./styles";
import { useJourney } from "./useJourney";
import { countsByTile } from "./validationGroups";
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the JSX pragma above (see jsx.ts)
import { createElement } from "./jsx";

/** Below this width the panel and the outline stack instead of standing side by side. */
const TWO_COLUMN_MIN_WIDTH = 640;

/** The privileges actions need, by the name their resx keys use. */
const PRIVILEGES = { create: Privilege.Create, write: Privilege.Write, delete: Privilege.Delete } as const;

/** The privilege an action needs: copy creates a journey, delete deletes it, the rest that write a status write it. */
function privilegeFor(action: JourneyAction): keyof typeof PRIVILEGES | null {
  if (action.id === "copy") return "create";
  if (action.id === "delete") return "delete";
  return action.writesStatus !== undefined ? "write" : null;
}

export const JourneyView: React.FC<JourneyControlProps> = (props) => {
  const { getString, formatDateTime, isDisabled, allocatedWidth } = props;
  const journey = useJourney(props);
  const { snapshot, shown } = journey;
  const [selectedActivityId, setSelectedActivityId] = React.useState<string | null>(null);

  const values = journey.values ?? snapshot?.record ?? null;
  const definitionText = values?.msdyncrm_workflowdefinition;
  const definition = React.useMemo(() => parseDefinition(definitionText), [definitionText]);
  const report = shown?.report ?? null;
  const tileCounts = React.useMemo(() => countsByTile(report), [report]);
  const status = snapshot?.status ?? null;

  const disabledReason = (action: JourneyAction): string | undefined => {
    if (journey.deleted) return localise(getString, "action.disabled.deleted");
    const privilege = privilegeFor(action);
    if (privilege !== null && !props.hasPrivilege(PRIVILEGES[privilege])) {
      return localise(getString, `action.disabled.privilege.${privilege}`);
    }
    if (isDisabled && action.writesStatus !== undefined) return localise(getString, "action.disabled.readOnly");
    return undefined;
  };

  const recurrence = values ? recurrenceFromRecord(values) : null;
  const endLocked =
    values !== null && status !== null && lockedFields(status, values.msdyncrm_startdatetime, props.now()).msdyncrm_enddatetime;
  const fixDisabledReason =
    isDisabled || endLocked ? localise(getString, isDisabled ? "recurrence.readOnly" : "recurrence.locked") : undefined;

  const twoColumns = allocatedWidth <= 0 || allocatedWidth >= TWO_COLUMN_MIN_WIDTH;
  const column = mergeStyles({ flex: twoColumns ? "1 1 300px" : "1 1 100%", minWidth: 0 });

  return (
    <div className={classes.root} data-status={status ?? ""}>
      <Stack tokens={{ childrenGap: 12 }}>
        {snapshot && (
          <JourneyHeader snapshot={snapshot} following={journey.following} formatDateTime={formatDateTime} getString={getString} />
        )}
        {props.recordId === "" && <MessageBar messageBarType={MessageBarType.info}>{localise(getString, "header.notSaved")}</MessageBar>}
        {journey.loading && !snapshot && <Spinner size={SpinnerSize.small} label={localise(getString, "header.loading")} />}
        <JourneyBanners banners={journey.banners} onReload={journey.reload} onDismiss={journey.dismissBanner} getString={getString} />
        {snapshot && (
          <ActionBar
            actions={actionsFor(snapshot.status)}
            running={journey.running}
            disabledReason={disabledReason}
            onRun={journey.run}
            getString={getString}
          />
        )}
        <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
          <div className={column}>
            <ValidationPanel
              report={report}
              origin={shown?.origin ?? "stored"}
              checkedWhen={formatDateTime(shown?.checkedAt)}
              definition={definition}
              selectedActivityId={selectedActivityId}
              onSelectActivity={setSelectedActivityId}
              getString={getString}
            />
          </div>
          {values && (
            <div className={column}>
              <Stack tokens={{ childrenGap: 16 }}>
                <JourneyOutline
                  definition={definition}
                  countsByTile={tileCounts}
                  selectedActivityId={selectedActivityId}
                  onSelectActivity={setSelectedActivityId}
                  getString={getString}
                />
                {recurrence && (
                  <RecurrencePreview
                    values={recurrence}
                    formatDateTime={formatDateTime}
                    onSetEnd={journey.setEndDate}
                    fixDisabledReason={fixDisabledReason}
                    getString={getString}
                  />
                )}
              </Stack>
            </div>
          )}
        </Stack>
      </Stack>
      <ConfirmDialog request={journey.confirm} onAnswer={journey.answerConfirm} getString={getString} />
      <LiveRegion {...journey.announcement} />
    </div>
  );
};
