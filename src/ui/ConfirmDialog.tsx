import type * as React from "react";
import { createElement, DefaultButton, Dialog, DialogFooter, PrimaryButton, useRef } from "./platform";
import type { Localise } from "./strings";

/**
 * The questions the control asks before acting: stopping, deleting, going live despite warnings or
 * without the marketing service's validate action (the journey may then stay in Going live for good),
 * copying or cancelling an edit while the form holds unsaved changes, and stopping the Live journeys selected
 * in the journeys view.
 */
export type ConfirmKind = "stop" | "delete" | "warnings" | "serviceMissing" | "copyUnsaved" | "cancelEditUnsaved";
/** The journeys view's question (its own resx holds the keys). */
export type ViewConfirmKind = "stopSelected";

export interface ConfirmRequest {
  kind: ConfirmKind | ViewConfirmKind;
  /** Filled into the message: the journey name, or the warning count. */
  args: (string | number)[];
  /** Listed under the message: the warnings found. */
  items?: string[];
}

/** The primary button, the second choice (only Copy's "Copy the saved journey"), or Cancel (and the close button). */
export type ConfirmAnswer = "confirm" | "other" | "cancel";

/** Focus starts on Cancel: Enter or Space right after opening must not stop or delete anything. */
const CANCEL_CLASS = "cjt-confirm-cancel";

export interface ConfirmDialogProps {
  request?: ConfirmRequest;
  onAnswer(answer: ConfirmAnswer): void;
  /** The dialog has faded out: focus has left it (without this, Fluent returns it to where it was). */
  onDismissed?(): void;
  localise: Localise;
}

export const ConfirmDialog: React.FC<ConfirmDialogProps> = ({ request, onAnswer, onDismissed, localise }) => {
  // While the dialog fades out, keep showing the question that was asked.
  const last = useRef<ConfirmRequest>({ kind: "stop", args: [] });
  if (request) last.current = request;
  const { kind, args, items } = last.current;
  const button = (answer: ConfirmAnswer) => ({
    onClick: () => onAnswer(answer),
    text: localise(answer === "cancel" ? "confirm.cancel" : `confirm.${kind}.${answer}`),
  });
  return (
    <Dialog
      hidden={!request}
      onDismiss={() => onAnswer("cancel")}
      dialogContentProps={{
        title: localise(`confirm.${kind}.title`),
        subText: localise(`confirm.${kind}.message`, ...args),
        closeButtonAriaLabel: localise("confirm.close"),
      }}
      // The control puts focus back itself when it is lost: the button that opened the dialog may be gone by then.
      modalProps={{ isBlocking: true, firstFocusableSelector: CANCEL_CLASS, onDismissed }}
    >
      {!!items?.length && (
        <ul>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
      <DialogFooter>
        <PrimaryButton {...button("confirm")} />
        {kind === "copyUnsaved" && <DefaultButton {...button("other")} />}
        <DefaultButton className={CANCEL_CLASS} {...button("cancel")} />
      </DialogFooter>
    </Dialog>
  );
};
