import * as React from "react";
import { IInputs, IOutputs } from "../generated/ManifestTypes";
import { JourneySummary } from "./ui/JourneySummary";

export class JourneyControl implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  public init(): void {
    // Nothing to set up: the component reads everything it needs from the context on each render.
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return React.createElement(JourneySummary, { validationResults: context.parameters.validationResults.raw ?? "" });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the component tree; nothing else to release.
  }
}
