import type * as React from "react";
import type { ConnectedFormBridge, MissingSetup } from "../bridge/formBridgeTypes";
import { createElement, MessageBar, MessageBarType, useEffect, useState } from "./platform";
import type { Banner } from "./journeyState";
import type { Localise } from "./strings";

export interface SetupCheckProps {
  findBridge(): Promise<ConnectedFormBridge | null>;
  /** The view's banners: a check that found no validate action left one. */
  banners: readonly Banner[];
  localise: Localise;
}

/**
 * Dismissed for as long as the bundle stays loaded in the page (the app's session, across records): PCF
 * gives a control no storage of its own and sessionStorage / localStorage are not for controls.
 */
let dismissed = false;

/**
 * For users who can customize the form (JourneyView mounts it only for them): each piece of the form's set-up
 * found missing, as one line naming what to enter. The form script reports its setup at connect (src/bridge).
 */
export const SetupCheck: React.FC<SetupCheckProps> = ({ findBridge, banners, localise }) => {
  // What the form script found missing; null when it did not answer; undefined while asked, or too old to tell.
  const [formMissing, setFormMissing] = useState<MissingSetup[] | null>();
  const [, setDismissed] = useState(dismissed);
  // No unsubscribing: the view lives as long as the record, and the control disconnects from the form with it.
  useEffect(
    () =>
      void findBridge().then((bridge) => {
        setFormMissing(bridge && bridge.missingSetup);
        bridge?.onFormEvent((event) => event.kind === "setup" && setFormMissing(event.missing));
      }),
    [findBridge],
  );

  // Each key's text says what to enter.
  const missing: string[] = formMissing === null ? ["formScript"] : [...(formMissing ?? [])];
  if (banners.some((banner) => banner.kind === "actionMissing")) missing.push("validate");
  if (dismissed || !missing.length) return null;
  return (
    <MessageBar
      data-setup-check=""
      messageBarType={MessageBarType.warning}
      onDismiss={() => setDismissed((dismissed = true))}
      dismissButtonAriaLabel={localise("setup.dismiss")}
    >
      <b>{localise("setup.title")}</b>
      <ul>
        {missing.map((piece) => (
          <li key={piece}>{localise(`setup.${piece}`)}</li>
        ))}
      </ul>
    </MessageBar>
  );
};
