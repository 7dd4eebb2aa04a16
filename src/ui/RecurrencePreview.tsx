import type * as React from "react";
import { createElement, DefaultButton, MessageBar, MessageBarType, Text, useState } from "./platform";
import { earliestFittingEnd, iterationCalendar, recurrenceFits, type RecurrenceValues } from "../journey/recurrence";
import type { FormatDateTime } from "./dateFormat";
import type { Localise } from "./strings";
import { classes } from "./styles";

export interface RecurrencePreviewProps {
  values: RecurrenceValues;
  formatDateTime: FormatDateTime;
  /** Writes on the form the earliest end date that fits, giving it (null: it fitted already); fails with a message to show when it cannot. */
  onFitEnd(): Promise<string | null>;
  /** Why the end date may not be changed now (locked by status, read-only form, no form). */
  fixDisabledReason?: string;
  localise: Localise;
}

const SHOWN_AT_FIRST = 6;
const COLUMNS = ["iteration", "start", "end"];

const smallText = (text: string) => (
  <Text block variant="small">
    {text}
  </Text>
);

export const RecurrencePreview: React.FC<RecurrencePreviewProps> = ({
  values,
  formatDateTime,
  onFitEnd,
  fixDisabledReason,
  localise,
}) => {
  const [showAll, setShowAll] = useState(false);
  /** While the end date is being set: true; after it failed: the reason; else null. */
  const [fix, setFix] = useState<true | string | null>(null);
  /** The end date the fix last wrote, confirmed while the recurrence fits. */
  const [written, setWritten] = useState<string | null>(null);
  if (!values.isRecurring) return null;

  const calendar = iterationCalendar(values);
  const fits = recurrenceFits(values);
  const earliest = fits ? null : earliestFittingEnd(values);
  const shown = showAll ? calendar : calendar.slice(0, SHOWN_AT_FIRST);
  // NaN without an end date: then no iteration counts as beyond it.
  const end = Date.parse(values.end ?? "");
  const title = localise("recurrence.title");

  const fitEnd = () => {
    setFix(true);
    setWritten(null);
    onFitEnd().then(
      (isoEnd) => {
        setFix(null);
        setWritten(isoEnd);
      },
      (error) => setFix(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <section aria-label={title}>
      <h3 className={classes.heading}>{title}</h3>
      {smallText(
        localise(
          "recurrence.summary",
          localise("recurrence.interval", values.intervalDays ?? 0),
          localise("recurrence.count", values.count ?? 0),
        ),
      )}
      {fits && written && (
        <MessageBar messageBarType={MessageBarType.success} data-testid="recurrence-fixed">
          {localise("live.endDateSet", formatDateTime(written))}
        </MessageBar>
      )}
      {!fits && (
        <MessageBar
          messageBarType={MessageBarType.severeWarning}
          actions={
            earliest ? (
              <DefaultButton
                onClick={fitEnd}
                disabled={fix === true || !!fixDisabledReason}
                title={fixDisabledReason}
                data-testid="recurrence-fix"
              >
                {localise("recurrence.fix", formatDateTime(earliest))}
              </DefaultButton>
            ) : undefined
          }
        >
          {earliest
            ? localise("recurrence.doesNotFit", formatDateTime(values.end), formatDateTime(earliest))
            : localise("recurrence.cannotWorkOut")}
          {fixDisabledReason && earliest && smallText(fixDisabledReason)}
          {typeof fix === "string" && smallText(localise("recurrence.fixFailed", fix))}
        </MessageBar>
      )}
      {calendar.length > 0 && (
        <table className={classes.table}>
          <caption className={classes.caption}>{localise("recurrence.calendarCaption", calendar.length)}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {localise(`recurrence.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((iteration) => {
              const beyondEnd = Date.parse(iteration.end) > end;
              return (
                <tr key={iteration.index} data-beyond-end={beyondEnd}>
                  <td>{iteration.index}</td>
                  <td>{formatDateTime(iteration.start)}</td>
                  <td>
                    {formatDateTime(iteration.end)}
                    {beyondEnd && ` (${localise("recurrence.beyondEnd")})`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {calendar.length > SHOWN_AT_FIRST && (
        <DefaultButton onClick={() => setShowAll(!showAll)}>
          {localise(showAll ? "recurrence.showFewer" : "recurrence.showAll", calendar.length)}
        </DefaultButton>
      )}
    </section>
  );
};
