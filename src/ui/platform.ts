import * as React from "react";
import * as Fluent from "@fluentui/react";

/*
 * The one place the control's runtime calls into React and Fluent UI are bound (lint enforces it: other
 * product files may import only types from "react" and "@fluentui/react").
 *
 * Why: both are platform libraries, outside the bundle and read from globals. Each use through the module
 * object (`React.createElement`, `Fluent.Stack`) stays a property read at every one of the ~110 JSX
 * elements and hook calls, since the minifier cannot rename a property; local bindings are renamed to one
 * letter. Measured with production builds: about 1.5 KiB of the 40 KiB control bundle. tsconfig.json names
 * `createElement` and `Fragment` as the JSX factory, so each .tsx file imports them from here.
 */
export const { createElement, Fragment, memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } = React;

export const {
  ActionButton,
  CheckboxVisibility,
  DefaultButton,
  DetailsList,
  DetailsListLayoutMode,
  Dialog,
  DialogFooter,
  FocusZone,
  FocusZoneDirection,
  Icon,
  Link,
  MessageBar,
  MessageBarButton,
  MessageBarType,
  PrimaryButton,
  SearchBox,
  ProgressIndicator,
  Selection,
  SelectionMode,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  getId,
} = Fluent;
