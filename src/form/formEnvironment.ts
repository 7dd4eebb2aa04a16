import type { WebApiPort } from "../dataverse/webApiPort";

/** What the handlers need from the outside world; index.ts gives the real one, tests their own. */
export interface FormEnvironment {
  webApi: Pick<WebApiPort, "online">;
  getString(key: string): string;
  now(): Date;
  confirm(title: string, text: string): Promise<boolean>;
  checkTimeoutMs?: number;
}
