import type * as React from "react";
import type { IMessageBarProps } from "@fluentui/react";
import { createElement, Fragment, MessageBar, MessageBarButton, MessageBarType } from "./platform";
import type { Banner } from "./journeyState";
import type { Localise } from "./strings";

export interface JourneyBannersProps {
  banners: readonly Banner[];
  /** The journey could not be opened: its error stays, with Reload, as nothing else is there to act on. */
  openFailed: boolean;
  onReload(): void;
  onDismiss(banner: Banner): void;
  /** The journey is not processed: read its status once more. */
  onCheckAgain(): void;
  localise: Localise;
}

/** The other kinds are warnings. */
const BANNER_TYPE: Readonly<Partial<Record<Banner["kind"], IMessageBarProps["messageBarType"]>>> = {
  error: MessageBarType.error,
  blocked: MessageBarType.blocked,
};

function bannerText(banner: Banner, localise: Localise): string {
  if (banner.kind === "blocked") return localise("panel.blocked", banner.errorCount);
  if (banner.kind === "actionMissing") return localise("banner.actionMissing");
  if (banner.kind === "notProcessed") return banner.text;
  const errorText = localise(banner.error.messageKey, ...banner.error.args);
  return banner.kind === "error" ? errorText : localise("panel.serverUnavailable", errorText);
}

export const JourneyBanners: React.FC<JourneyBannersProps> = ({
  banners,
  openFailed,
  onReload,
  onDismiss,
  onCheckAgain,
  localise,
}) => (
  <>
    {banners.map((banner, index) => {
      const errorKind = banner.kind === "error" ? banner.error.kind : null;
      const stuck = openFailed && errorKind !== null;
      const notProcessed = banner.kind === "notProcessed";
      // Reloading helps when the journey changed elsewhere, when following its status could not read it, or
      // when it could not be opened (signed in again, the server back).
      const reload = stuck || errorKind === "conflict" || errorKind === "timeout";
      return (
        <div key={index} data-banner={errorKind ?? banner.kind}>
          <MessageBar
            messageBarType={BANNER_TYPE[banner.kind] ?? MessageBarType.warning}
            onDismiss={
              // States, not news: they stay while they hold (Check again is how "not processed" goes).
              stuck || notProcessed || banner.kind === "actionMissing" ? undefined : () => onDismiss(banner)
            }
            dismissButtonAriaLabel={localise("banner.dismiss")}
            actions={
              notProcessed || reload ? (
                <MessageBarButton onClick={notProcessed ? onCheckAgain : onReload}>
                  {localise(notProcessed ? "banner.checkAgain" : "banner.reload")}
                </MessageBarButton>
              ) : undefined
            }
          >
            {bannerText(banner, localise)}
          </MessageBar>
        </div>
      );
    })}
  </>
);
