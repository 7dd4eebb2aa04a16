import * as Fluent from "@fluentui/react";

/**
 * The parts of Fluent UI the control uses, as local bindings. Fluent is a platform library outside the
 * bundle, so each use would otherwise be a property read on its module object; local bindings let the
 * minifier use short names (the control bundle has a size limit). Types still come from "@fluentui/react".
 */
export const {
  ActionButton,
  DefaultButton,
  Dialog,
  DialogFooter,
  FocusZone,
  FocusZoneDirection,
  Icon,
  MessageBar,
  MessageBarButton,
  MessageBarType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  TooltipHost,
  getId,
  hiddenContentStyle,
  mergeStyleSets,
} = Fluent;
