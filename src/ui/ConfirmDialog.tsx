import type * as React from "react";
import { createElement, DefaultButton, Dialog, DialogFooter, PrimaryButton, useRef } from "./platform";
import type { Localise } from "./strings";

/**
 * The questions the control asks before acting: stopping, deleting, going live despite warnings or
 * without the marketing service's validate action (the journey may then stay in Going live for good), and
 * stopping the Live journeys selected in the journeys view.
 */
export type ConfirmKind = "stop" | "delete" | "warnings" | "serviceMissing";
/** The journeys view's question (its own resx holds the keys). */
export type ViewConfirmKind = "stopSelected";

export interface ConfirmRequest {
  kind: ConfirmKind | ViewConfirmKind;
  /** Filled into the message: the journey name, or the warning count. */
  args: (string | number)[];
}

/** Focus starts on Cancel: Enter or Space right after opening must not stop or delete anything. */
const CANCEL_CLASS = "cjt-confirm-cancel";

export interface ConfirmDialogProps {
  request?: ConfirmRequest;
  onAnswer(confirmed: boolean): void;
  localise: Localise;
}

export const ConfirmDialog: React.FC<ConfirmDialogProps> = ({ request, onAnswer, localise }) => {
  // While the dialog fades out, keep showing the question that was asked.
  const last = useRef<ConfirmRequest>({ kind: "stop", args: [] });
  if (request) last.current = request;
  const { kind, args } = last.current;
  const cancel = () => onAnswer(false);
  return (
    <Dialog
      hidden={!request}
      onDismiss={cancel}
      dialogContentProps={{
        title: localise(`confirm.${kind}.title`),
        subText: localise(`confirm.${kind}.message`, ...args),
        closeButtonAriaLabel: localise("confirm.close"),
      }}
      modalProps={{ isBlocking: true, firstFocusableSelector: CANCEL_CLASS }}
    >
      <DialogFooter>
        <PrimaryButton onClick={() => onAnswer(true)} text={localise(`confirm.${kind}.confirm`)} />
        <DefaultButton className={CANCEL_CLASS} onClick={cancel} text={localise("confirm.cancel")} />
      </DialogFooter>
    </Dialog>
  );
};
