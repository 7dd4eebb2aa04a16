import * as React from "react";
import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import type { Banner } from "./useJourney";
import { localise, localiseCount, type GetString } from "./strings";

export interface JourneyBannersProps {
  banners: readonly Banner[];
  onReload(): void;
  onDismiss(banner: Banner): void;
  getString: GetString;
}

function bannerContent(banner: Banner, getString: GetString): [MessageBarType, string] {
  switch (banner.kind) {
    case "error":
      return [MessageBarType.error, localise(getString, banner.error.messageKey, ...banner.error.args)];
    case "serverUnavailable":
      return [
        MessageBarType.warning,
        localise(getString, "panel.serverUnavailable", localise(getString, banner.error.messageKey, ...banner.error.args)),
      ];
    case "blocked":
      return [MessageBarType.blocked, localiseCount(getString, "panel.blocked", banner.errorCount)];
    case "deleted":
      return [MessageBarType.info, localise(getString, "panel.deleted")];
  }
}

export const JourneyBanners: React.FC<JourneyBannersProps> = ({ banners, onReload, onDismiss, getString }) => (
  <>
    {banners.map((banner, index) => {
      // Reloading helps when the journey changed elsewhere, or when following its status took too long.
      const reload = banner.kind === "error" && (banner.error.kind === "conflict" || banner.error.kind === "timeout");
      const [type, text] = bannerContent(banner, getString);
      return (
        <div key={`${banner.kind}-${index}`} data-banner={banner.kind === "error" ? banner.error.kind : banner.kind}>
          <MessageBar
            messageBarType={type}
            isMultiline
            onDismiss={banner.kind === "deleted" ? undefined : () => onDismiss(banner)}
            dismissButtonAriaLabel={localise(getString, "banner.dismiss")}
            actions={
              reload ? (
                <MessageBarButton onClick={onReload}>{localise(getString, "banner.reload")}</MessageBarButton>
              ) : undefined
            }
          >
            {text}
          </MessageBar>
        </div>
      );
    })}
  </>
);
