import * as React from "react";

/**
 * The JSX factory of the control's components: each .tsx file names these in its `@jsx` / `@jsxFrag`
 * pragma. A local reference instead of `React.createElement` at each of the ~90 elements lets the
 * minifier call it by a short name (the control bundle has a size limit).
 */
export const { createElement, Fragment } = React;
