import * as React from "react";
import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import type { Banner } from "./useJourney";
import { localise, type GetString } from "./strings";

export interface JourneyBannersProps {
  banners: readonly Banner[];
  onReload(): void;
  onDismiss(banner: Banner): void;
  getString: GetString;
}

function bannerText(banner: Banner, getString: GetString): string {
  switch (banner.kind) {
    case "error":
      return localise(getString, banner.error.messageKey, ...banner.error.args);
    case "serverUnavailable":
      return localise(getString, "panel.serverUnavailable", localise(getString, banner.error.messageKey, ...banner.error.args));
    case "blocked":
      return localise(getString, banner.errorCount === 1 ? "panel.blocked.one" : "panel.blocked.other", banner.errorCount);
    case "deleted":
      return localise(getString, "panel.deleted");
  }
}

function bannerType(banner: Banner): MessageBarType {
  switch (banner.kind) {
    case "error":
      return MessageBarType.error;
    case "blocked":
      return MessageBarType.blocked;
    case "serverUnavailable":
      return MessageBarType.warning;
    case "deleted":
      return MessageBarType.info;
  }
}

export const JourneyBanners: React.FC<JourneyBannersProps> = ({ banners, onReload, onDismiss, getString }) => (
  <>
    {banners.map((banner, index) => {
      const reload = banner.kind === "error" && banner.error.kind === "conflict";
      return (
        <div key={`${banner.kind}-${index}`} data-banner={banner.kind === "error" ? banner.error.kind : banner.kind}>
          <MessageBar
            messageBarType={bannerType(banner)}
            isMultiline
            onDismiss={banner.kind === "deleted" ? undefined : () => onDismiss(banner)}
            dismissButtonAriaLabel={localise(getString, "banner.dismiss")}
            actions={
              reload ? (
                <MessageBarButton onClick={onReload}>{localise(getString, "banner.reload")}</MessageBarButton>
              ) : undefined
            }
          >
            {bannerText(banner, getString)}
          </MessageBar>
        </div>
      );
    })}
  </>
);
