import * as React from "react";

/**
 * The React functions the control calls, as local bindings: the JSX factory (each .tsx file names it
 * in its `@jsx` / `@jsxFrag` pragma) and the hooks. React is a platform library outside the bundle, so
 * `React.createElement` / `React.useState` would be repeated as property reads at each of the ~110
 * calls; local bindings let the minifier call them by short names (the control bundle has a size limit).
 */
export const { createElement, Fragment, useEffect, useMemo, useRef, useState } = React;
