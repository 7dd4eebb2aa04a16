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
  localise: Localise;
}

const BANNER_TYPE: Readonly<Record<Banner["kind"], IMessageBarProps["messageBarType"]>> = {
  error: MessageBarType.error,
  serverUnavailable: MessageBarType.warning,
  blocked: MessageBarType.blocked,
  deleted: MessageBarType.info,
};

function bannerText(banner: Banner, localise: Localise): string {
  if (banner.kind === "blocked") return localise("panel.blocked", banner.errorCount);
  if (banner.kind === "deleted") return localise("panel.deleted");
  const errorText = localise(banner.error.messageKey, ...banner.error.args);
  return banner.kind === "error" ? errorText : localise("panel.serverUnavailable", errorText);
}

export const JourneyBanners: React.FC<JourneyBannersProps> = ({
  banners,
  openFailed,
  onReload,
  onDismiss,
  localise,
}) => (
  <>
    {banners.map((banner, index) => {
      const errorKind = banner.kind === "error" ? banner.error.kind : null;
      const stuck = openFailed && errorKind !== null;
      return (
        <div key={`${banner.kind}-${index}`} data-banner={errorKind ?? banner.kind}>
          <MessageBar
            messageBarType={BANNER_TYPE[banner.kind]}
            onDismiss={banner.kind === "deleted" || stuck ? undefined : () => onDismiss(banner)}
            dismissButtonAriaLabel={localise("banner.dismiss")}
            actions={
              // Reloading helps when the journey changed elsewhere, when following its status took too long, or
              // when it could not be opened (signed in again, the server back).
              stuck || errorKind === "conflict" || errorKind === "timeout" ? (
                <MessageBarButton onClick={onReload}>{localise("banner.reload")}</MessageBarButton>
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
