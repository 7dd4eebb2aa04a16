import * as React from "react";

export interface JourneySummaryProps {
  validationResults: string;
}

export const JourneySummary: React.FC<JourneySummaryProps> = ({ validationResults }) =>
  React.createElement("div", null, validationResults);
