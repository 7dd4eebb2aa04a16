/** @jsx createElement */
import type * as React from "react";
import { DefaultButton, Dialog, DialogFooter, PrimaryButton } from "./fluent";
import { localise, type GetString } from "./strings";
import { createElement, useRef } from "./reactBindings";

/**
 * The questions the control asks before acting: stopping, deleting, going live despite warnings or
 * with only the local checks (the server check was unavailable).
 */
export type ConfirmKind = "stop" | "delete" | "warnings" | "serverUnavailable";

export interface ConfirmRequest {
  kind: ConfirmKind;
  /** Filled into the message: the journey name, or the warning count. */
  args: (string | number)[];
}

/** Focus starts on Cancel: Enter or Space right after opening must not stop or delete anything. */
const CANCEL_CLASS = "cjt-confirm-cancel";

export interface ConfirmDialogProps {
  request?: ConfirmRequest;
  onAnswer(confirmed: boolean): void;
  getString: GetString;
}

export const ConfirmDialog: React.FC<ConfirmDialogProps> = ({ request, onAnswer, getString }) => {
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
        title: localise(getString, `confirm.${kind}.title`),
        subText: localise(getString, `confirm.${kind}.message`, ...args),
        closeButtonAriaLabel: localise(getString, "confirm.close"),
      }}
      modalProps={{ isBlocking: true, firstFocusableSelector: CANCEL_CLASS }}
    >
      <DialogFooter>
        <PrimaryButton onClick={() => onAnswer(true)} text={localise(getString, `confirm.${kind}.confirm`)} />
        <DefaultButton className={CANCEL_CLASS} onClick={cancel} text={localise(getString, "confirm.cancel")} />
      </DialogFooter>
    </Dialog>
  );
};
